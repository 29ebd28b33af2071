import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import type { z } from 'zod';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import { groupCreate, groupEnd, groupPatch, groupPublish, groupQuery, groupRepair, mentoringGroup } from '../../shared/api/groups.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import { changeStatus, createGroup, listGroups, patchGroup, repairGroup, requireGroup } from '../services/groups.ts';
import { ifMatch, withVersion } from '../validate.ts';

const group = json(mentoringGroup);
const lifecycle = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S, description?: string) =>
  createRoute({
    method: 'post' as const,
    path,
    summary,
    ...(description ? { description } : {}),
    tags: ['groups'],
    request: { params: idParam, body: body(schema) },
    responses: { 200: group, ...callerRefusals },
  });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Mentoring groups the caller may see',
  tags: ['groups'],
  middleware: [etag()] as const,
  request: { query: groupQuery },
  responses: { 200: json(listOf(mentoringGroup)), ...callerRefusals, ...notModified },
});
const readRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'A group with its members and their history',
  tags: ['groups'],
  request: { params: idParam },
  responses: { 200: group, ...callerRefusals },
});
const createGroupRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Form a pair or group as a draft (stage 5; curator)',
  tags: ['groups'],
  request: { body: body(groupCreate) },
  responses: { 201: json(mentoringGroup, 'Formed'), 200: json(mentoringGroup, 'Formed before: the group as stored'), ...callerRefusals },
});
const patchRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: 'Change a group’s form, role model or order (curator)',
  tags: ['groups'],
  request: { params: idParam, body: body(groupPatch) },
  responses: { 200: group, 412: json(staleResponse(mentoringGroup), 'Changed meanwhile'), ...callerRefusals },
});
const publishRoute = lifecycle(
  '/{id}/publish',
  'Publish a draft by the order fixing the pairs (curator)',
  groupPublish,
  'Refused while a minor in the group has no valid consent or a mentor is not trained.',
);
const repairRoute = lifecycle('/{id}/repair', 'Re-pair: one member leaves with the reason, another joins (curator)', groupRepair);
const completeRoute = lifecycle('/{id}/complete', 'Complete a group (stage 7; curator)', groupEnd);
const cancelRoute = lifecycle('/{id}/cancel', 'Cancel a group with the reason (curator)', groupEnd);

export const groups = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(listRoute, async (c) => c.json(await listGroups(c.var.db, c.req.valid('query')), 200))
  .openapi(readRoute, async (c) => c.json(withVersion(c, await requireGroup(c.var.db, c.req.valid('param').id)), 200))
  .openapi(createGroupRoute, async (c) => {
    const { row, created } = await createGroup(c.var.db, c.req.valid('json'));
    return created ? c.json(row, 201) : c.json(row, 200);
  })
  .openapi(patchRoute, async (c) =>
    c.json(withVersion(c, await patchGroup(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  )
  .openapi(publishRoute, async (c) => c.json(await changeStatus(c.var.db, c.req.valid('param').id, 'active', c.req.valid('json')), 200))
  .openapi(repairRoute, async (c) => c.json(await repairGroup(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(completeRoute, async (c) => c.json(await changeStatus(c.var.db, c.req.valid('param').id, 'completed', c.req.valid('json')), 200))
  .openapi(cancelRoute, async (c) => c.json(await changeStatus(c.var.db, c.req.valid('param').id, 'cancelled', c.req.valid('json')), 200));
