import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { idParam, listOf, okResponse } from '../../shared/api/common.ts';
import {
  feedbackList,
  meeting,
  meetingCreate,
  meetingFeedback,
  meetingQuery,
  plannedMeeting,
  plannedMeetingCreate,
} from '../../shared/api/meetings.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import { cancelPlannedMeeting, feedbackOnMeeting, listMeetings, logMeeting, planMeeting } from '../services/meetings.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Meetings of the groups the caller may see (notes only for mentors and curators)',
  tags: ['meetings'],
  middleware: [etag()] as const,
  request: { query: meetingQuery },
  responses: { 200: json(listOf(meeting)), ...callerRefusals, ...notModified },
});
const createMeetingRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Log a meeting (the group’s mentor or a curator); idempotent on the client id',
  tags: ['meetings'],
  request: { body: body(meetingCreate) },
  responses: { 201: json(meeting, 'Logged'), 200: json(meeting, 'Logged before: the meeting as stored'), ...callerRefusals },
});
const feedbackRoute = createRoute({
  method: 'put',
  path: '/{id}/feedback',
  summary: 'Attendance and each participant’s 1–10 feedback on a meeting',
  description: 'A participant gives their own; the mentor or a curator may record everyone’s. Sending it again replaces it.',
  tags: ['meetings'],
  request: { params: idParam, body: body(meetingFeedback) },
  responses: { 200: json(feedbackList), ...callerRefusals },
});

export const meetings = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(listRoute, async (c) => {
    const { group_id, limit, cursor } = c.req.valid('query');
    return c.json(await listMeetings(c.var.db, group_id ?? null, { limit, cursor }), 200);
  })
  .openapi(createMeetingRoute, async (c) => {
    const { meeting: stored, created } = await logMeeting(c.var.db, c.req.valid('json'));
    return created ? c.json(stored, 201) : c.json(stored, 200);
  })
  .openapi(feedbackRoute, async (c) => {
    const items = await feedbackOnMeeting(c.var.db, c.req.valid('param').id, c.req.valid('json').entries);
    return c.json({ items }, 200);
  });

const planRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Plan a pair’s next meeting with its date and time (the group’s mentor or a curator); idempotent on the client id',
  description: 'Logging a meeting with the plan’s id («встреча состоялась») makes it held: it leaves the group’s next_meeting.',
  tags: ['meetings'],
  request: { body: body(plannedMeetingCreate) },
  responses: {
    201: json(plannedMeeting, 'Planned'),
    200: json(plannedMeeting, 'Planned before: the plan as stored'),
    ...callerRefusals,
  },
});
const cancelPlanRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Cancel a planned meeting (the group’s mentor or a curator); a plan already gone answers the same',
  tags: ['meetings'],
  request: { params: idParam },
  responses: { 200: json(okResponse, 'Cancelled'), ...callerRefusals },
});

export const plannedMeetings = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(planRoute, async (c) => {
    const { plan, created } = await planMeeting(c.var.db, c.req.valid('json'));
    return created ? c.json(plan, 201) : c.json(plan, 200);
  })
  .openapi(cancelPlanRoute, async (c) => {
    await cancelPlannedMeeting(c.var.db, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
