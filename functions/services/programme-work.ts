// Stages 6–7 and monitoring, read for the curator and the head: each group's work (the meeting
// sequence, the last and next meeting, goals, inactivity, re-pairings), the programme's completion
// (questionnaires sent and collected, outcomes, good practices, the mentors to thank), and the two
// monitoring stages (quality; growth from start to end, outcomes before and after). Every query runs
// as the caller: row-level security decides, so another school's curator gets nothing.
import type { z } from 'zod';
import type {
  CompletionReport,
  goodPracticePut,
  MonitoringReport,
  MyRequest,
  review,
  reviewPut,
  WorkGroup,
  WorkReport,
} from '../../shared/api/monitoring.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { catalogEntrySql } from './catalog.ts';

/** The methodology's default: a group with no meeting for more than 14 days is inactive. */
export const defaultInactivityDays = 14;

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * dayMs).toISOString().slice(0, 10);

/** The programme as the caller sees it, with its review's settings; 404 when they may not see it. */
async function programmeOf(db: Queryable, programmeId: string) {
  const { rows } = await db.query<z.infer<typeof review> & { organisation_id: string }>(
    `select p.id as programme_id, p.organisation_id, coalesce(r.inactivity_days, $2) as inactivity_days, r.strengths, r.weaknesses,
       r.opportunities, r.threats, r.closed_on::text as closed_on
     from public.programmes p left join public.programme_reviews r on r.programme_id = p.id where p.id = $1`,
    [programmeId, defaultInactivityDays],
  );
  if (!rows[0]) throw apiError(404, 'not_found', 'error.notFound');
  return rows[0];
}

/** The meeting sequence's next step for a group that has held `held`. */
export function nextKind(sequence: string[], held: Set<string>): string | null {
  if (held.has('final')) return null;
  return sequence.filter((kind) => kind !== 'final').find((kind) => !held.has(kind)) ?? 'working';
}

const personOf = ({ person_id, last_name, first_name, middle_name }: WorkGroup['mentors'][number]) => ({
  person_id,
  last_name,
  first_name,
  middle_name,
});

export async function workReport(db: Queryable, programmeId: string, date: string): Promise<WorkReport> {
  const programme = await programmeOf(db, programmeId);
  const days = programme.inactivity_days;
  const q = async <Row>(sql: string) => (await db.query<Row>(sql, [programmeId, date])).rows;
  const [sequence, groups, members, meetings, goals, practices] = await Promise.all([
    q<{ key: string; label_ru: string; label_en: string }>(
      'select key, label_ru, label_en from public.meeting_kinds where $1::uuid is not null and $2::date is not null order by position',
    ),
    q<Pick<WorkGroup, 'id' | 'form' | 'role_model' | 'status' | 'started_on'>>(
      `select g.id, ${catalogEntrySql('g', 'form')} as form, ${catalogEntrySql('g', 'role_model')} as role_model, g.status,
         g.started_on::text as started_on from public.mentoring_groups g
       where g.programme_id = $1 and g.status <> 'draft' and (g.started_on is null or g.started_on <= $2) order by g.started_on, g.id`,
    ),
    q<WorkGroup['mentors'][number] & { group_id: string; role: 'mentor' | 'mentee'; left_on: string | null; left_reason: string | null }>(
      `select gm.group_id, gm.person_id, gm.role, p.last_name, p.first_name, p.middle_name, gm.left_on::text as left_on, gm.left_reason
       from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id join public.people p on p.id = gm.person_id
       where g.programme_id = $1 and gm.joined_on <= $2 order by gm.role, p.last_name, p.first_name`,
    ),
    q<{ group_id: string; kind: string; held_on: string }>(
      `select m.group_id, m.kind, m.held_on::text as held_on from public.meetings m join public.mentoring_groups g on g.id = m.group_id
       where g.programme_id = $1 and m.held_on <= $2`,
    ),
    q<{ group_id: string; total: number; done: number }>(
      `select pg.group_id, count(*)::int as total, (count(*) filter (where pg.status = 'done'))::int as done
       from public.plan_goals pg join public.mentoring_groups g on g.id = pg.group_id
       where g.programme_id = $1 and $2::date is not null group by pg.group_id`,
    ),
    q<{ group_id: string; note: string }>(
      `select gp.group_id, gp.note from public.good_practices gp join public.mentoring_groups g on g.id = gp.group_id
       where g.programme_id = $1 and $2::date is not null`,
    ),
  ]);
  const keys = sequence.map((kind) => kind.key);
  return {
    programme_id: programmeId,
    date,
    inactivity_days: days,
    sequence,
    groups: groups.map((group) => {
      const own = members.filter((m) => m.group_id === group.id);
      const current = own.filter((m) => m.left_on === null || m.left_on > date);
      const held = meetings.filter((m) => m.group_id === group.id);
      const last =
        held
          .map((m) => m.held_on)
          .sort()
          .at(-1) ?? null;
      const basis = last ?? group.started_on;
      const since = basis === null ? null : daysBetween(basis, date);
      const goal = goals.find((g) => g.group_id === group.id);
      return {
        ...group,
        mentors: current.filter((m) => m.role === 'mentor').map(personOf),
        mentees: current.filter((m) => m.role === 'mentee').map(personOf),
        meetings: held.length,
        kinds_held: keys.filter((key) => held.some((m) => m.kind === key)),
        next_kind: group.status === 'active' ? nextKind(keys, new Set(held.map((m) => m.kind))) : null,
        last_met_on: last,
        days_since: since,
        next_due_on: group.status === 'active' && basis !== null ? addDays(basis, days) : null,
        goals_total: goal?.total ?? 0,
        goals_done: goal?.done ?? 0,
        inactive: group.status === 'active' && since !== null && since > days,
        repairs: own
          .filter((m) => m.left_on !== null && m.left_on <= date)
          .map((m) => ({ ...personOf(m), role: m.role, left_on: m.left_on as string, reason: m.left_reason })),
        good_practice: practices.find((p) => p.group_id === group.id)?.note ?? null,
      };
    }),
  };
}

export async function completionReport(db: Queryable, programmeId: string): Promise<CompletionReport> {
  const programme = await programmeOf(db, programmeId);
  const q = async <Row>(sql: string) => (await db.query<Row>(sql, [programmeId])).rows;
  const [groups, questionnaires, outcomes, practices, mentors] = await Promise.all([
    q<{ running: number; completed: number }>(
      `select (count(*) filter (where status = 'active'))::int as running, (count(*) filter (where status = 'completed'))::int as completed
       from public.mentoring_groups where programme_id = $1`,
    ),
    q<CompletionReport['questionnaires'][number]>(
      `select cq.id as questionnaire_id, cq.key, cq.audience, cq.purpose, cq.title_ru, cq.title_en,
         (select count(*) from public.questionnaire_requests r where r.programme_id = $1 and r.questionnaire_id = cq.id)::int as sent,
         (select count(distinct qr.respondent_person_id) from public.questionnaire_responses qr
          where qr.programme_id = $1 and qr.questionnaire_id = cq.id)::int as collected
       from public.catalog_questionnaires cq
       where cq.purpose in ('quality', 'growth_start', 'growth_end')
         and (cq.organisation_id is null or cq.organisation_id = (select organisation_id from public.programmes where id = $1))
       order by cq.purpose, cq.audience, cq.key`,
    ),
    q<{ n: number }>('select count(*)::int as n from public.outcomes where programme_id = $1'),
    q<{ n: number }>(
      'select count(*)::int as n from public.good_practices gp join public.mentoring_groups g on g.id = gp.group_id where g.programme_id = $1',
    ),
    q<CompletionReport['mentors'][number]>(
      `select p.id as person_id, p.last_name, p.first_name, p.middle_name, count(distinct g.id)::int as groups,
         (select count(distinct mm.person_id) from public.group_members mm join public.mentoring_groups mg on mg.id = mm.group_id
          where mm.role = 'mentee' and mg.programme_id = $1 and mg.status <> 'draft'
            and mm.group_id in (select own.group_id from public.group_members own where own.person_id = p.id and own.role = 'mentor'))::int as mentees,
         (select count(*) from public.meetings m join public.group_members own on own.group_id = m.group_id
          join public.mentoring_groups mg on mg.id = m.group_id
          where own.person_id = p.id and own.role = 'mentor' and mg.programme_id = $1)::int as meetings
       from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id join public.people p on p.id = gm.person_id
       where g.programme_id = $1 and g.status <> 'draft' and gm.role = 'mentor'
       group by p.id, p.last_name, p.first_name, p.middle_name
       order by p.last_name, p.first_name`,
    ),
  ]);
  return {
    programme_id: programmeId,
    closed_on: programme.closed_on,
    groups_running: groups[0]?.running ?? 0,
    groups_completed: groups[0]?.completed ?? 0,
    questionnaires,
    outcomes: outcomes[0]?.n ?? 0,
    good_practices: practices[0]?.n ?? 0,
    mentors,
  };
}

export async function monitoringReport(db: Queryable, programmeId: string): Promise<MonitoringReport> {
  const programme = await programmeOf(db, programmeId);
  const q = async <Row>(sql: string) => (await db.query<Row>(sql, [programmeId])).rows;
  const [quality, growth, outcomes] = await Promise.all([
    q<MonitoringReport['quality'][number]>(
      `select cq.key as questionnaire_key, cq.audience, i.key as item_key, i.kind, i.text_ru, i.text_en,
         count(a.response_id)::int as answers, round(avg(a.scale_value), 2)::float8 as average,
         coalesce((select json_agg(json_build_object('value', c.value, 'count', c.n) order by c.n desc, c.value)
                   from (select a2.choice_value as value, count(*)::int as n from public.questionnaire_answers a2
                         join public.questionnaire_responses r2 on r2.id = a2.response_id
                         where a2.item_id = i.id and r2.programme_id = $1 and a2.choice_value is not null group by a2.choice_value) c), '[]'::json) as choices
       from public.catalog_questionnaires cq
       join public.catalog_questionnaire_items i on i.questionnaire_id = cq.id
       left join public.questionnaire_responses r on r.questionnaire_id = cq.id and r.programme_id = $1
       left join public.questionnaire_answers a on a.response_id = r.id and a.item_id = i.id
       where cq.purpose = 'quality'
         and (cq.organisation_id is null or cq.organisation_id = (select organisation_id from public.programmes where id = $1))
       group by cq.key, cq.audience, i.id, i.key, i.kind, i.text_ru, i.text_en, i.position
       order by cq.audience, cq.key, i.position`,
    ),
    // Each person's latest answer on a scale at the start and at the end; only those with both count.
    q<MonitoringReport['growth'][number]>(
      `with answers as (
         select distinct on (cq.purpose, cq.audience, i.key, r.respondent_person_id)
           cq.purpose, cq.audience, i.key as item_key, r.respondent_person_id as person_id, a.scale_value
         from public.questionnaire_responses r
         join public.catalog_questionnaires cq on cq.id = r.questionnaire_id
         join public.questionnaire_answers a on a.response_id = r.id
         join public.catalog_questionnaire_items i on i.id = a.item_id
         where r.programme_id = $1 and cq.purpose in ('growth_start', 'growth_end') and a.scale_value is not null
         order by cq.purpose, cq.audience, i.key, r.respondent_person_id, r.submitted_at desc
       ),
       items as (
         select distinct on (cq.audience, i.key) cq.audience, i.key as item_key, i.text_ru, i.text_en, i.position
         from public.catalog_questionnaires cq join public.catalog_questionnaire_items i on i.questionnaire_id = cq.id
         where cq.purpose = 'growth_end' and i.kind = 'scale'
           and (cq.organisation_id is null or cq.organisation_id = (select organisation_id from public.programmes where id = $1))
         order by cq.audience, i.key
       )
       select it.audience, it.item_key, it.text_ru, it.text_en, count(e.person_id)::int as people,
         round(avg(s.scale_value) filter (where e.person_id is not null), 2)::float8 as start_average,
         round(avg(e.scale_value) filter (where s.person_id is not null), 2)::float8 as end_average
       from items it
       left join answers s on s.purpose = 'growth_start' and s.audience = it.audience and s.item_key = it.item_key
       left join answers e on e.purpose = 'growth_end' and e.audience = it.audience and e.item_key = it.item_key and e.person_id = s.person_id
       group by it.audience, it.item_key, it.text_ru, it.text_en, it.position
       order by it.audience desc, it.position`,
    ),
    // A participant counts once, whatever number of subjects their journal readings cover (one row per subject, «до» and «после» on it).
    q<MonitoringReport['outcomes'][number]>(
      `select metric_key, count(distinct coalesce(person_id, group_id))::int as people, round(avg(value_before), 2)::float8 as before_average,
         round(avg(value_after), 2)::float8 as after_average
       from public.outcomes where programme_id = $1 group by metric_key order by metric_key`,
    ),
  ]);
  const { strengths, weaknesses, opportunities, threats } = programme;
  return { programme_id: programmeId, quality, swot: { strengths, weaknesses, opportunities, threats }, growth, outcomes };
}

export async function readReview(db: Queryable, programmeId: string) {
  const { organisation_id: _school, ...rest } = await programmeOf(db, programmeId);
  return rest;
}

/** Writes the programme's review (settings, SWOT, closing); refused (403) unless the caller runs the school. */
export async function writeReview(db: Queryable, programmeId: string, patch: z.output<typeof reviewPut>) {
  const programme = await programmeOf(db, programmeId);
  const columns = Object.keys(patch) as (keyof typeof patch)[];
  const { rows } = await db.query(
    `insert into public.programme_reviews (programme_id, organisation_id, ${columns.join(', ')})
     values ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})
     on conflict (programme_id) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
     returning programme_id`,
    [programmeId, programme.organisation_id, ...columns.map((c) => patch[c])],
  );
  if (!rows[0]) throw apiError(403, 'forbidden', 'error.forbidden');
  return readReview(db, programmeId);
}

export async function markGoodPractice(db: Queryable, groupId: string, sent: z.output<typeof goodPracticePut>) {
  const { rows } = await db.query<{ group_id: string; note: string; marked_on: string }>(
    `insert into public.good_practices (group_id, organisation_id, note)
     select g.id, g.organisation_id, $2 from public.mentoring_groups g where g.id = $1
     on conflict (group_id) do update set note = excluded.note
     returning group_id, note, marked_on::text as marked_on`,
    [groupId, sent.note],
  );
  if (!rows[0]) throw apiError(404, 'not_found', 'error.notFound');
  return rows[0];
}

export async function unmarkGoodPractice(db: Queryable, groupId: string) {
  await db.query('delete from public.good_practices where group_id = $1', [groupId]);
  return { ok: true as const };
}

/** Sends the questionnaires of `purpose` to every current member of the programme's running groups (the curator's quality checklist to the sender). */
export async function sendQuestionnaires(db: Queryable, programmeId: string, purpose: 'quality' | 'growth_start' | 'growth_end') {
  const programme = await programmeOf(db, programmeId);
  const { rows } = await db.query<{ sent: number; already: number }>(
    `with wanted as (
       select distinct on (cq.id, gm.person_id) cq.id as questionnaire_id, gm.person_id, gm.group_id
       from public.mentoring_groups g
       join public.group_members gm on gm.group_id = g.id and (gm.left_on is null or gm.left_on > current_date)
       join public.catalog_questionnaires cq on cq.audience = gm.role and cq.purpose = $2
         and (cq.organisation_id is null or cq.organisation_id = g.organisation_id)
       where g.programme_id = $1 and g.status = 'active'
       union all
       select cq.id, me.id, null::uuid
       from public.catalog_questionnaires cq
       join public.people me on me.auth_user_id = (select auth.uid()) and me.organisation_id = $3
       where cq.audience = 'curator' and cq.purpose = $2 and (cq.organisation_id is null or cq.organisation_id = $3)
     ),
     inserted as (
       insert into public.questionnaire_requests (programme_id, questionnaire_id, person_id, organisation_id, group_id)
       select $1, w.questionnaire_id, w.person_id, $3, w.group_id from wanted w
       on conflict do nothing returning 1
     )
     select (select count(*) from inserted)::int as sent, ((select count(*) from wanted) - (select count(*) from inserted))::int as already`,
    [programmeId, purpose, programme.organisation_id],
  );
  return rows[0] ?? { sent: 0, already: 0 };
}

/** The questionnaires the signed-in person was sent, with whether they answered them. */
export async function myQuestionnaires(db: Queryable): Promise<MyRequest[]> {
  const { rows } = await db.query<MyRequest>(
    `select r.programme_id, r.person_id, r.group_id, r.sent_on::text as sent_on,
       exists (select 1 from public.questionnaire_responses qr where qr.programme_id = r.programme_id and qr.questionnaire_id = r.questionnaire_id
               and qr.respondent_person_id = r.person_id) as answered,
       json_build_object('id', q.id, 'key', q.key, 'audience', q.audience, 'purpose', q.purpose, 'title_ru', q.title_ru, 'title_en', q.title_en,
         'items', coalesce((select json_agg(json_build_object('id', i.id, 'key', i.key, 'position', i.position, 'kind', i.kind,
           'text_ru', i.text_ru, 'text_en', i.text_en, 'choices', i.choices) order by i.position)
           from public.catalog_questionnaire_items i where i.questionnaire_id = q.id), '[]'::json)) as questionnaire
     from public.questionnaire_requests r join public.catalog_questionnaires q on q.id = r.questionnaire_id
     where r.person_id in (select app.my_person_ids())
     order by answered, r.sent_on desc, q.key`,
  );
  return rows;
}

/** What the programme's documents name: the school, the year, its head, and the programme's first month. */
export async function documentContext(db: Queryable, programmeId: string) {
  const { rows } = await db.query<{ organisationId: string; school: string; academicYear: string; headName: string | null; from: string }>(
    `select p.organisation_id as "organisationId", o.name as school, p.academic_year as "academicYear",
       (select concat_ws(' ', h.last_name, h.first_name, h.middle_name) from public.memberships m join public.people h on h.id = m.person_id
        where m.organisation_id = p.organisation_id and m.role = 'head' order by h.last_name limit 1) as "headName",
       (left(p.academic_year, 4) || '-09-01') as from
     from public.programmes p join public.organisations o on o.id = p.organisation_id where p.id = $1`,
    [programmeId],
  );
  if (!rows[0]) throw apiError(404, 'not_found', 'error.notFound');
  return rows[0];
}
