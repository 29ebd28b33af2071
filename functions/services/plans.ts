// The individual plan of a pair (stage 6, the planning meeting): goals with their tasks.
import type { z } from 'zod';
import type { Goal, goalCreate, goalPatch, Task, taskCreate } from '../../shared/api/plans.ts';
import type { Queryable } from '../db/database.ts';
import { createOnce, type ExpectedVersions, setClause, updateById, updateVersioned } from './rows.ts';

const goalSelect = `
  select g.id, g.xmin::text as version, g.group_id, g.title, g.description, g.due_on::text as due_on, g.status, g.position,
    coalesce((select json_agg(json_build_object('id', t.id, 'title', t.title, 'due_on', t.due_on, 'status', t.status, 'position', t.position)
      order by t.position, t.created_at) from public.plan_tasks t where t.goal_id = g.id), '[]'::json) as tasks
  from public.plan_goals g`;
const taskColumns = 'id, xmin::text as version, goal_id, title, due_on::text as due_on, status, position';

const readGoal = async (db: Queryable, id: string) => (await db.query<Goal>(`${goalSelect} where g.id = $1`, [id])).rows[0];
const readTask = async (db: Queryable, id: string) =>
  (await db.query<Task>(`select ${taskColumns} from public.plan_tasks where id = $1`, [id])).rows[0];

export async function planOf(db: Queryable, groupId: string): Promise<Goal[]> {
  return (await db.query<Goal>(`${goalSelect} where g.group_id = $1 order by g.position, g.created_at`, [groupId])).rows;
}

export function addGoal(db: Queryable, sent: z.output<typeof goalCreate>) {
  return createOnce(
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
  );
}

export function patchGoal(db: Queryable, id: string, patch: z.output<typeof goalPatch>, expected: ExpectedVersions) {
  const set = setClause(patch, 3);
  return updateVersioned(db, { table: 'plan_goals', id, expected }, { ...set, sql: `${set.sql}, updated_at = now()` }, () =>
    readGoal(db, id),
  );
}

export function addTask(db: Queryable, sent: z.output<typeof taskCreate>) {
  return createOnce(
    db,
    {
      sql: `insert into public.plan_tasks (id, organisation_id, goal_id, group_id, title, due_on, position)
          select $1, g.organisation_id, g.id, g.group_id, $3, $4, $5 from public.plan_goals g where g.id = $2
          on conflict (id) do nothing returning id`,
      params: [sent.id, sent.goal_id, sent.title, sent.due_on ?? null, sent.position],
    },
    () => readTask(db, sent.id),
    sent,
  );
}

export function patchTask(db: Queryable, id: string, patch: Record<string, unknown>, expected: ExpectedVersions) {
  return updateById<Task>(db, 'plan_tasks', id, patch, taskColumns, expected);
}
