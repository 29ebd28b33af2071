// Mentoring groups as curators run them (stages 5–7): formed as drafts, published by the order
// fixing the pairs, re-paired with a reason, completed or cancelled. The database enforces the
// rules (consent, trained mentors, the lifecycle); this module only says what to change.
import type { z } from 'zod';
import type { groupCreate, groupPatch, groupQuery, MentoringGroup } from '../../shared/api/groups.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { catalogEntrySql } from './catalog.ts';
import { createOnce, type ExpectedVersions, listPage, type Page, setClause, updateVersioned } from './rows.ts';

const groupSelect = `
  select g.id, g.xmin::text as version, g.organisation_id, g.programme_id, ${catalogEntrySql('g', 'form')} as form,
    ${catalogEntrySql('g', 'role_model')} as role_model, g.status, g.started_on::text as started_on,
    g.ended_on::text as ended_on, g.ended_reason, g.order_date::text as order_date, g.order_number,
    coalesce((
      select json_agg(json_build_object('person_id', p.id, 'role', gm.role, 'last_name', p.last_name, 'first_name', p.first_name,
          'middle_name', p.middle_name, 'class_name', c.name, 'joined_on', gm.joined_on, 'left_on', gm.left_on, 'left_reason', gm.left_reason)
        order by gm.left_on nulls first, gm.role, p.last_name)
      from public.group_members gm join public.people p on p.id = gm.person_id left join public.classes c on c.id = p.class_id
      where gm.group_id = g.id
    ), '[]'::json) as members
  from public.mentoring_groups g`;

/** Groups the caller may see, by programme, status or member. */
export function listGroups(db: Queryable, query: z.output<typeof groupQuery>): Promise<Page<MentoringGroup>> {
  const { programme_id, status, person_id, limit, cursor } = query;
  return listPage<MentoringGroup>(
    db,
    `${groupSelect}
    where ($1::uuid is null or g.programme_id = $1) and ($2::text is null or g.status = $2)
      and ($3::uuid is null or exists (select 1 from public.group_members gm where gm.group_id = g.id and gm.person_id = $3))
    order by g.created_at, g.id`,
    [programme_id ?? null, status ?? null, person_id ?? null],
    { limit, cursor },
  );
}

/** A curator's change of a group's form, role model or order, only while it has the version edited. */
export function patchGroup(db: Queryable, id: string, patch: z.output<typeof groupPatch>, expected: ExpectedVersions) {
  return updateVersioned(db, { table: 'mentoring_groups', id, expected }, setClause(patch, 3), () => readGroup(db, id));
}

async function readGroup(db: Queryable, id: string): Promise<MentoringGroup | undefined> {
  return (await db.query<MentoringGroup>(`${groupSelect} where g.id = $1`, [id])).rows[0];
}

export async function requireGroup(db: Queryable, id: string): Promise<MentoringGroup> {
  const group = await readGroup(db, id);
  if (!group) throw apiError(404, 'not_found', 'error.notFound');
  return group;
}

export async function createGroup(db: Queryable, sent: z.output<typeof groupCreate>) {
  const { mentors, mentees, ...fields } = sent;
  const result = await createOnce(
    db,
    {
      sql: `insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status)
            select $1, pr.organisation_id, pr.id, $3, $4, 'draft' from public.programmes pr where pr.id = $2
            on conflict (id) do nothing returning id`,
      params: [sent.id, sent.programme_id, sent.form, sent.role_model],
    },
    () => readGroup(db, sent.id),
    fields,
    async () => {
      await db.query(
        `insert into public.group_members (group_id, person_id, organisation_id, role)
         select $1, m.person_id, g.organisation_id, m.role
         from public.mentoring_groups g, jsonb_to_recordset($2::jsonb) as m(person_id uuid, role text)
         where g.id = $1`,
        [
          sent.id,
          JSON.stringify([
            ...mentors.map((id) => ({ person_id: id, role: 'mentor' })),
            ...mentees.map((id) => ({ person_id: id, role: 'mentee' })),
          ]),
        ],
      );
    },
  );
  // A repeat must name the same people: otherwise it is another group under a used id.
  const stored = result.row.members.filter((m) => m.left_on === null);
  const same =
    stored.filter((m) => m.role === 'mentor').length === mentors.length &&
    stored.filter((m) => m.role === 'mentee').length === mentees.length &&
    stored.every((m) => (m.role === 'mentor' ? mentors : mentees).includes(m.person_id));
  if (!result.created && !same) throw apiError(409, 'conflict', 'error.conflict');
  return result;
}

export async function changeStatus(
  db: Queryable,
  id: string,
  status: 'active' | 'completed' | 'cancelled',
  fields: { order_date?: string; order_number?: string; reason?: string; on?: string },
): Promise<MentoringGroup> {
  const group = await requireGroup(db, id);
  if (group.status === status) return group; // a repeated request changes nothing
  const updated = await db.query(
    `update public.mentoring_groups set status = $2,
       order_date = coalesce($3::date, order_date), order_number = coalesce($4, order_number),
       ended_reason = coalesce($5, ended_reason), ended_on = case when $2 in ('completed', 'cancelled') then coalesce($6::date, current_date) else ended_on end
     where id = $1 returning id`,
    [id, status, fields.order_date ?? null, fields.order_number ?? null, fields.reason ?? null, fields.on ?? null],
  );
  if (updated.rows.length === 0) throw apiError(403, 'forbidden', 'error.forbidden');
  return requireGroup(db, id);
}

/** One member leaves (with the reason), another takes the same role; both dated. Repeats are no-ops. */
export async function repairGroup(
  db: Queryable,
  id: string,
  change: { leaving_person_id: string; joining_person_id: string; reason: string; on?: string },
) {
  const group = await requireGroup(db, id);
  const leaving = group.members.find((m) => m.person_id === change.leaving_person_id);
  const joining = group.members.find((m) => m.person_id === change.joining_person_id);
  if (leaving?.left_on && joining && !joining.left_on) return group; // already done
  if (!leaving || leaving.left_on) throw apiError(422, 'validation_failed', 'error.notAMember');
  const on = change.on ?? new Date().toISOString().slice(0, 10);
  const left = await db.query(
    `update public.group_members set left_on = greatest($3::date, joined_on), left_reason = $4 where group_id = $1 and person_id = $2 returning person_id`,
    [id, change.leaving_person_id, on, change.reason],
  );
  if (left.rows.length === 0) throw apiError(403, 'forbidden', 'error.forbidden');
  await db.query(
    `insert into public.group_members (group_id, person_id, organisation_id, role, joined_on)
     values ($1, $2, $3, $4, $5)
     on conflict (group_id, person_id) do update set left_on = null, left_reason = null, role = excluded.role, joined_on = excluded.joined_on`,
    [id, change.joining_person_id, group.organisation_id, leaving.role, on],
  );
  return requireGroup(db, id);
}
