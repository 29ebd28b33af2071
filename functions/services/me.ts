// The signed-in person: their people in each school, and the groups they are in or may see.
import type { GroupSummary, Me } from '../../shared/api/me.ts';
import { type MeetingKind, nextMeetingKind } from '../../shared/catalog.ts';
import type { Queryable } from '../db/database.ts';
import { catalogEntrySql } from './catalog.ts';

/** The caller's people (one per school) with their roles there. */
export async function myPeople(db: Queryable): Promise<Me['people']> {
  const { rows } = await db.query<Me['people'][number]>(`
    select p.id as person_id, p.organisation_id, o.name as organisation_name, p.last_name, p.first_name,
      p.middle_name,
      array(select m.role from public.memberships m where m.person_id = p.id order by m.role) as roles
    from public.people p join public.organisations o on o.id = p.organisation_id
    where p.auth_user_id = (select auth.uid())
    order by o.name`);
  return rows;
}

type GroupRow = Omit<GroupSummary, 'next_kind'>;

/**
 * Active groups with their members and where each stands in the meeting sequence: the caller's
 * own (as mentor or mentee), or every group the caller may see — a curator's school, a teacher's
 * classes' pairs — for the overlay's badges. Runs as the caller: row-level security decides.
 */
export async function myGroups(db: Queryable, scope: 'mine' | 'visible' = 'mine'): Promise<GroupSummary[]> {
  const { rows } = await db.query<GroupRow>(`
    with mine as (
      select gm.group_id, min(gm.role) as my_role
      from public.group_members gm
      join public.people p on p.id = gm.person_id
      where p.auth_user_id = (select auth.uid()) and gm.left_on is null
      group by gm.group_id
    )
    select g.id, g.programme_id, ${catalogEntrySql('g', 'form')} as form, ${catalogEntrySql('g', 'role_model')} as role_model,
      g.status, g.started_on, mine.my_role,
      coalesce((
        select json_agg(json_build_object(
            'person_id', p.id, 'role', gm.role, 'kind', p.kind,
            -- Row-level security decides: a curator sees it, a mentor (who may not read details) gets null.
            'sex', (select d.sex from public.person_details d where d.person_id = p.id),
            'last_name', p.last_name, 'first_name', p.first_name,
            'middle_name', p.middle_name, 'class_name', c.name, 'google_user_id', p.google_user_id)
          order by gm.role, p.last_name, p.first_name)
        from public.group_members gm
        join public.people p on p.id = gm.person_id
        left join public.classes c on c.id = p.class_id
        where gm.group_id = g.id and gm.left_on is null
      ), '[]'::json) as members,
      coalesce((select array_agg(distinct m.kind) from public.meetings m where m.group_id = g.id), '{}') as meeting_kinds_held,
      (select max(m.held_on)::text from public.meetings m where m.group_id = g.id) as last_meeting_on,
      -- The earliest plan not yet held: a plan is held when a meeting with its id exists.
      (select json_build_object('id', pm.id, 'group_id', pm.group_id, 'kind', pm.kind,
          'starts_at', to_char(pm.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          'duration_minutes', pm.duration_minutes, 'format', pm.format, 'topic', pm.topic,
          'author_person_id', pm.author_person_id, 'created_at', pm.created_at::text)
        from public.planned_meetings pm
        where pm.group_id = g.id and not exists (select 1 from public.meetings m where m.id = pm.id)
        order by pm.starts_at, pm.id limit 1) as next_meeting
    from public.mentoring_groups g
    ${scope === 'mine' ? 'join' : 'left join'} mine on mine.group_id = g.id
    where g.status = 'active'
    order by g.started_on, g.id`);
  return rows.map((row) => ({ ...row, next_kind: nextMeetingKind(row.meeting_kinds_held as MeetingKind[]) }));
}
