import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import { groupCreate, groupEnd, groupPatch, groupPublish, groupQuery, groupRepair, mentoringGroup } from '../../shared/api/groups.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { changeStatus, createGroup, groupSelect, readGroup, repairGroup, requireGroup } from '../services/groups-admin.ts';
import { listPage, oneOrNotFound, setClause, updateVersioned } from '../services/rows.ts';
import { doc, ifMatch, valid, withVersion } from '../validate.ts';

export const groups = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Mentoring groups the caller may see', tags: ['groups'], responses: { 200: listOf(mentoringGroup) } }),
    valid('query', groupQuery),
    etag(),
    async (c) => {
      const { programme_id, status, person_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `${groupSelect}
          where ($1::uuid is null or g.programme_id = $1) and ($2::text is null or g.status = $2)
            and ($3::uuid is null or exists (select 1 from public.group_members gm where gm.group_id = g.id and gm.person_id = $3))
          order by g.created_at, g.id`,
          [programme_id ?? null, status ?? null, person_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .get(
    '/:id',
    doc({ summary: 'A group with its members and their history', tags: ['groups'], responses: { 200: mentoringGroup } }),
    valid('param', idParam),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(withVersion(c, await c.get('deps').db.asUser(c.get('claims'), (db) => requireGroup(db, id))));
    },
  )
  .post(
    '/',
    doc({
      summary: 'Form a pair or group as a draft (stage 5; curator)',
      tags: ['groups'],
      responses: { 201: mentoringGroup, 200: mentoringGroup },
    }),
    valid('json', groupCreate),
    async (c) => {
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) => createGroup(db, c.req.valid('json')));
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change a group’s form, role model or order (curator)',
      tags: ['groups'],
      responses: { 200: mentoringGroup, 412: staleResponse(mentoringGroup) },
    }),
    valid('param', idParam),
    valid('json', groupPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const set = setClause(c.req.valid('json'), 3);
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) =>
          updateVersioned(db, { table: 'mentoring_groups', id, expected: ifMatch(c) }, set, () => readGroup(db, id)),
        );
      return c.json(withVersion(c, row));
    },
  )
  .post(
    '/:id/publish',
    doc({
      summary: 'Publish a draft by the order fixing the pairs (curator)',
      description: 'Refused while a minor in the group has no valid consent or a mentor is not trained.',
      tags: ['groups'],
      responses: { 200: mentoringGroup },
    }),
    valid('param', idParam),
    valid('json', groupPublish),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await c.get('deps').db.asUser(c.get('claims'), (db) => changeStatus(db, id, 'active', c.req.valid('json'))));
    },
  )
  .post(
    '/:id/repair',
    doc({
      summary: 'Re-pair: one member leaves with the reason, another joins (curator)',
      tags: ['groups'],
      responses: { 200: mentoringGroup },
    }),
    valid('param', idParam),
    valid('json', groupRepair),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await c.get('deps').db.asUser(c.get('claims'), (db) => repairGroup(db, id, c.req.valid('json'))));
    },
  )
  .post(
    '/:id/complete',
    doc({ summary: 'Complete a group (stage 7; curator)', tags: ['groups'], responses: { 200: mentoringGroup } }),
    valid('param', idParam),
    valid('json', groupEnd),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await c.get('deps').db.asUser(c.get('claims'), (db) => changeStatus(db, id, 'completed', c.req.valid('json'))));
    },
  )
  .post(
    '/:id/cancel',
    doc({ summary: 'Cancel a group with the reason (curator)', tags: ['groups'], responses: { 200: mentoringGroup } }),
    valid('param', idParam),
    valid('json', groupEnd),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await c.get('deps').db.asUser(c.get('claims'), (db) => changeStatus(db, id, 'cancelled', c.req.valid('json'))));
    },
  );
