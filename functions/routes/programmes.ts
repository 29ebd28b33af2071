import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import {
  matchingChoices,
  matchingChoicesChange,
  matchingChoicesQuery,
  matchingRequest,
  matchingResult,
} from '../../shared/api/matching.ts';
import {
  checklist,
  checklistItem,
  checklistItemPatch,
  enrolment,
  enrolmentCreate,
  enrolmentPatch,
  enrolmentQuery,
  mentorTraining,
  programme,
  programmeCreate,
  programmePatch,
  programmeQuery,
  programmeWarnings as warningList,
} from '../../shared/api/programmes.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import { changeMatchingChoices, listMatchingChoices, runMatching } from '../services/matching.ts';
import {
  checklistOf,
  enrol,
  listEnrolments,
  listProgrammes,
  patchEnrolment,
  patchProgramme,
  programmeWarnings,
  readProgramme,
  recordTraining,
  startProgramme,
  tickChecklistItem,
} from '../services/programmes.ts';
import { ifMatch, withVersion } from '../validate.ts';

const tags = ['programmes'];
const stale = <T extends Parameters<typeof staleResponse>[0]>(schema: T) => json(staleResponse(schema), 'Changed meanwhile');

export const programmes = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Programmes',
      tags,
      middleware: [etag()] as const,
      request: { query: programmeQuery },
      responses: { 200: json(listOf(programme)), ...callerRefusals, ...notModified },
    }),
    async (c) => {
      const { organisation_id, limit, cursor } = c.req.valid('query');
      return c.json(await listProgrammes(c.var.db, organisation_id ?? null, { limit, cursor }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'A programme',
      tags,
      request: { params: idParam },
      responses: { 200: json(programme), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await readProgramme(c.var.db, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Start a programme for an academic year (stage 1; curator)',
      tags,
      request: { body: body(programmeCreate) },
      responses: { 201: json(programme, 'Started'), 200: json(programme, 'Started before: the programme as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await startProgramme(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Move the programme to a stage, change its forms (curator)',
      tags,
      request: { params: idParam, body: body(programmePatch) },
      responses: { 200: json(programme), 412: stale(programme), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await patchProgramme(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/warnings',
      summary: 'What matters before an inspection: minors without consent, untrained mentors, pairs with no meeting for three weeks',
      tags,
      middleware: [etag()] as const,
      request: { params: idParam },
      responses: { 200: json(warningList), ...callerRefusals, ...notModified },
    }),
    async (c) => c.json({ items: await programmeWarnings(c.var.db, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/checklist',
      summary: 'The seven stages’ checklist of a programme',
      tags,
      middleware: [etag()] as const,
      request: { params: idParam },
      responses: { 200: json(checklist), ...callerRefusals, ...notModified },
    }),
    async (c) => c.json({ items: await checklistOf(c.var.db, c.req.valid('param').id) }, 200),
  );

export const matching = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/matching',
      summary: 'Form pairs (stage 5): score the bases, match, and create draft groups unless dry_run',
      description:
        'optimal: the most mentees matched, then the greatest total score (exact); stable: no blocking pair. Each pair and each unmatched mentee is explained.',
      tags,
      request: { params: idParam, body: body(matchingRequest) },
      responses: { 200: json(matchingResult), ...callerRefusals },
    }),
    async (c) => c.json(await runMatching(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/matching/choices',
      summary: 'The pins and forbids kept for a form and role model (curator)',
      tags,
      request: { params: idParam, query: matchingChoicesQuery },
      responses: { 200: json(matchingChoices), ...callerRefusals },
    }),
    async (c) => {
      const { form, role_model } = c.req.valid('query');
      return c.json(await listMatchingChoices(c.var.db, c.req.valid('param').id, form, role_model), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/matching/choices',
      summary: 'Pin, forbid or free pairs of a form and role model; every matching run reads them (curator)',
      tags,
      request: { params: idParam, body: body(matchingChoicesChange) },
      responses: { 200: json(matchingChoices), ...callerRefusals },
    }),
    async (c) => c.json(await changeMatchingChoices(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200),
  );

export const checklistItems = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    summary: 'Tick a checklist item with its evidence (curator)',
    tags,
    request: { params: idParam, body: body(checklistItemPatch) },
    responses: { 200: json(checklistItem), 412: stale(checklistItem), ...callerRefusals },
  }),
  async (c) => c.json(withVersion(c, await tickChecklistItem(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
);

const bases = ['bases'];
export const enrolments = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'The bases of mentees and mentors (stages 2–4)',
      tags: bases,
      middleware: [etag()] as const,
      request: { query: enrolmentQuery },
      responses: { 200: json(listOf(enrolment)), ...callerRefusals, ...notModified },
    }),
    async (c) => c.json(await listEnrolments(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Enrol a person in a base (curator)',
      tags: bases,
      request: { body: body(enrolmentCreate) },
      responses: { 201: json(enrolment, 'Enrolled'), 200: json(enrolment, 'Enrolled before: the enrolment as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await enrol(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Update an enrolment (key request, competencies, capacity…)',
      tags: bases,
      request: { params: idParam, body: body(enrolmentPatch) },
      responses: { 200: json(enrolment), 412: stale(enrolment), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await patchEnrolment(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/training',
      summary: 'Record a mentor’s training (stage 4)',
      tags: bases,
      request: { params: idParam, body: body(mentorTraining) },
      responses: { 200: json(enrolment), ...callerRefusals },
    }),
    async (c) => {
      const { training_status, trained_on } = c.req.valid('json');
      return c.json(await recordTraining(c.var.db, c.req.valid('param').id, training_status, trained_on), 200);
    },
  );
