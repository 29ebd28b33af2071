import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { idParam, staleResponse, version } from '../../shared/api/common.ts';
import { type Goal, goal, goalCreate, goalPatch, planQuery, taskCreate, taskPatch } from '../../shared/api/stage6.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Queryable } from '../db/database.ts';
import { createOnce, oneOrNotFound, setClause, updateById, updateVersioned } from '../services/rows.ts';
import { doc, ifMatch, valid, withVersion } from '../validate.ts';

const goalSelect = `
  select g.id, g.xmin::text as version, g.group_id, g.title, g.description, g.due_on::text as due_on, g.status, g.position,
    coalesce((select json_agg(json_build_object('id', t.id, 'title', t.title, 'due_on', t.due_on, 'status', t.status, 'position', t.position)
      order by t.position, t.created_at) from public.plan_tasks t where t.goal_id = g.id), '[]'::json) as tasks
  from public.plan_goals g`;
const task = z.object({
  id: z.uuid(),
  version,
  goal_id: z.uuid(),
  title: z.string(),
  due_on: z.string().nullable(),
  status: z.string(),
  position: z.int(),
});
const taskColumns = 'id, xmin::text as version, goal_id, title, due_on::text as due_on, status, position';

const readGoal = async (db: Queryable, id: string) => (await db.query<Goal>(`${goalSelect} where g.id = $1`, [id])).rows[0];
const readTask = async (db: Queryable, id: string) =>
  (await db.query(`select ${taskColumns} from public.plan_tasks where id = $1`, [id])).rows[0];

/** The individual plan of a pair (stage 6, the planning meeting): goals with their tasks. */
export const plans = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'A group’s plan', tags: ['plans'], responses: { 200: z.object({ goals: z.array(goal) }) } }),
    valid('query', planQuery),
    etag(),
    async (c) => {
      const { group_id } = c.req.valid('query');
      const goals = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        return (await db.query(`${goalSelect} where g.group_id = $1 order by g.position, g.created_at`, [group_id])).rows;
      });
      return c.json({ goals });
    },
  );

export const goals = new Hono<AppEnv>()
  .use(requireUser)
  .post(
    '/',
    doc({ summary: 'Add a goal to a group’s plan', tags: ['plans'], responses: { 201: goal, 200: goal } }),
    valid('json', goalCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.plan_goals (id, organisation_id, group_id, title, description, due_on, position, created_by_person_id)
                select $1, g.organisation_id, g.id, $3, $4, $5, $6,
                  (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = g.organisation_id limit 1)
                from public.mentoring_groups g where g.id = $2
                on conflict (id) do nothing returning id`,
            params: [sent.id, sent.group_id, sent.title, sent.description ?? null, sent.due_on ?? null, sent.position],
          },
          () => readGoal(db, sent.id),
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Edit or tick a goal', tags: ['plans'], responses: { 200: goal, 412: staleResponse(goal) } }),
    valid('param', idParam),
    valid('json', goalPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const set = setClause(c.req.valid('json'), 3);
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) =>
          updateVersioned(db, { table: 'plan_goals', id, expected: ifMatch(c) }, { ...set, sql: `${set.sql}, updated_at = now()` }, () =>
            readGoal(db, id),
          ),
        );
      return c.json(withVersion(c, row));
    },
  );

export const tasks = new Hono<AppEnv>()
  .use(requireUser)
  .post(
    '/',
    doc({ summary: 'Add a task to a goal', tags: ['plans'], responses: { 201: task, 200: task } }),
    valid('json', taskCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.plan_tasks (id, organisation_id, goal_id, group_id, title, due_on, position)
                select $1, g.organisation_id, g.id, g.group_id, $3, $4, $5 from public.plan_goals g where g.id = $2
                on conflict (id) do nothing returning id`,
            params: [sent.id, sent.goal_id, sent.title, sent.due_on ?? null, sent.position],
          },
          () => readTask(db, sent.id),
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Edit or tick a task', tags: ['plans'], responses: { 200: task, 412: staleResponse(task) } }),
    valid('param', idParam),
    valid('json', taskPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) => updateById(db, 'plan_tasks', id, c.req.valid('json'), taskColumns, ifMatch(c)));
      return c.json(withVersion(c, row));
    },
  );
