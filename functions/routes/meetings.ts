import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { idParam, listOf } from '../../shared/api/common.ts';
import { feedbackRow, meetingFeedback, meetingQuery } from '../../shared/api/stage6.ts';
import { meeting, meetingCreate } from '../../shared/schemas.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { feedbackOnMeeting, logMeeting, meetingColumns } from '../services/meetings.ts';
import { listPage } from '../services/rows.ts';
import { doc, valid } from '../validate.ts';

export const meetings = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({
      summary: 'Meetings of the groups the caller may see (notes only for mentors and curators)',
      tags: ['meetings'],
      responses: { 200: listOf(meeting) },
    }),
    valid('query', meetingQuery),
    etag(),
    async (c) => {
      const { group_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `select ${meetingColumns} from public.meetings m where ($1::uuid is null or m.group_id = $1)
          order by m.held_on desc, m.created_at desc, m.id`,
          [group_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .post(
    '/',
    doc({
      summary: 'Log a meeting (the group’s mentor or a curator); idempotent on the client id',
      tags: ['meetings'],
      responses: { 201: meeting, 200: meeting },
    }),
    valid('json', meetingCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { meeting: stored, created } = await c.get('deps').db.asUser(c.get('claims'), (db) => logMeeting(db, sent));
      return c.json(stored, created ? 201 : 200);
    },
  )
  .put(
    '/:id/feedback',
    doc({
      summary: 'Attendance and each participant’s 1–10 feedback on a meeting',
      description: 'A participant gives their own; the mentor or a curator may record everyone’s. Sending it again replaces it.',
      tags: ['meetings'],
      responses: { 200: z.object({ items: z.array(feedbackRow) }) },
    }),
    valid('param', idParam),
    valid('json', meetingFeedback),
    async (c) => {
      const { id } = c.req.valid('param');
      const { entries } = c.req.valid('json');
      const items = await c.get('deps').db.asUser(c.get('claims'), (db) => feedbackOnMeeting(db, id, entries));
      return c.json({ items });
    },
  );
