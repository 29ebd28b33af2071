// The programme of a school year (stage 1), its seven stages' checklist, what to fix before an
// inspection, and the bases of mentees and mentors (stages 2–4).
import type { z } from 'zod';
import type {
  ChecklistItem,
  checklistItemPatch,
  Enrolment,
  enrolmentCreate,
  enrolmentQuery,
  Programme,
  ProgrammeWarning,
  programmeCreate,
} from '../../shared/api/programmes.ts';
import type { Queryable } from '../db/database.ts';
import { createOnce, type ExpectedVersions, listPage, oneOrNotFound, setClause, updateById, updateVersioned } from './rows.ts';

const programmeColumns = 'id, xmin::text as version, organisation_id, academic_year, name, current_stage, forms';
const checklistSelect = `
  select i.id, i.xmin::text as version, i.programme_id, i.stage, i.position, t.key, t.label_ru, t.label_en, t.evidence, i.done_at is not null as done,
    i.done_at::text as done_at, i.done_by_person_id, i.evidence_url, i.evidence_note, i.evidence_date::text as evidence_date, i.evidence_count
  from public.programme_checklist_items i join public.catalog_checklist_items t on t.id = i.catalog_item_id`;
const enrolmentColumns = `id, xmin::text as version, organisation_id, programme_id, person_id, base, form_key, key_request, needs, wished_role_model_key,
  competencies, subjects, capacity, training_status, trained_on::text as trained_on, entered_on::text as entered_on, left_on::text as left_on`;

type Page = { limit: number; cursor?: string | undefined };

export function listProgrammes(db: Queryable, organisationId: string | null, page: Page) {
  return listPage<Programme>(
    db,
    `select ${programmeColumns} from public.programmes where ($1::uuid is null or organisation_id = $1) order by academic_year desc, id`,
    [organisationId],
    page,
  );
}

export async function readProgramme(db: Queryable, id: string): Promise<Programme> {
  return oneOrNotFound((await db.query<Programme>(`select ${programmeColumns} from public.programmes where id = $1`, [id])).rows);
}

export function startProgramme(db: Queryable, sent: z.output<typeof programmeCreate>) {
  return createOnce<Programme>(
    db,
    {
      sql: `insert into public.programmes (id, organisation_id, academic_year, name, forms) values ($1, $2, $3, $4, $5)
            on conflict (id) do nothing returning id`,
      params: [sent.id, sent.organisation_id, sent.academic_year, sent.name, sent.forms],
    },
    async () => (await db.query<Programme>(`select ${programmeColumns} from public.programmes where id = $1`, [sent.id])).rows[0],
    sent,
  );
}

export function patchProgramme(db: Queryable, id: string, patch: Record<string, unknown>, expected: ExpectedVersions) {
  return updateById<Programme>(db, 'programmes', id, patch, programmeColumns, expected);
}

/** Minors without consent, untrained mentors, pairs with no meeting for three weeks. */
export async function programmeWarnings(db: Queryable, id: string): Promise<ProgrammeWarning[]> {
  const { rows } = await db.query<ProgrammeWarning>(
    `with active as (
       select g.id, g.programme_id, g.started_on from public.mentoring_groups g where g.programme_id = $1 and g.status = 'active'
     ),
     members as (
       select a.id as group_id, a.programme_id, gm.person_id, gm.role, p.last_name || ' ' || p.first_name as person_name
       from active a join public.group_members gm on gm.group_id = a.id and gm.left_on is null
       join public.people p on p.id = gm.person_id
     )
     select 'minor_without_consent' as kind, group_id, person_id, person_name, null::text as last_meeting_on
     from members where public.consent_status(person_id) in ('missing', 'withdrawn')
     union all
     select 'untrained_mentor', group_id, person_id, person_name, null
     from members m where m.role = 'mentor' and not exists (
       select 1 from public.enrolments e where e.person_id = m.person_id and e.programme_id = m.programme_id
         and e.base = 'mentor' and e.training_status = 'trained' and e.left_on is null)
     union all
     select 'no_recent_meeting', a.id, null, null, (select max(held_on)::text from public.meetings mt where mt.group_id = a.id)
     from active a
     where coalesce((select max(held_on) from public.meetings mt where mt.group_id = a.id), a.started_on) < current_date - 21
     order by 1, 2`,
    [id],
  );
  return rows;
}

export async function checklistOf(db: Queryable, programmeId: string): Promise<ChecklistItem[]> {
  return (await db.query<ChecklistItem>(`${checklistSelect} where i.programme_id = $1 order by i.stage, i.position`, [programmeId])).rows;
}

/** Ticks (or unticks) a checklist item with its evidence; the one who ticked is the caller. */
export function tickChecklistItem(db: Queryable, id: string, patch: z.output<typeof checklistItemPatch>, expected: ExpectedVersions) {
  const { done, ...evidence } = patch;
  const set = setClause(evidence, 3);
  const doneSql =
    done === undefined
      ? ''
      : done
        ? `done_at = coalesce(done_at, now()), done_by_person_id = coalesce(done_by_person_id,
              (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = i.organisation_id limit 1)),`
        : 'done_at = null, done_by_person_id = null,';
  return updateVersioned<ChecklistItem>(
    db,
    { table: 'programme_checklist_items', alias: 'i', id, expected },
    { sql: `${doneSql} ${set.sql || 'id = i.id'}`, params: set.params },
    async () => (await db.query<ChecklistItem>(`${checklistSelect} where i.id = $1`, [id])).rows[0],
  );
}

export function listEnrolments(db: Queryable, query: z.output<typeof enrolmentQuery>) {
  const { programme_id, base, person_id, limit, cursor } = query;
  return listPage<Enrolment>(
    db,
    `select ${enrolmentColumns} from public.enrolments
    where ($1::uuid is null or programme_id = $1) and ($2::text is null or base = $2) and ($3::uuid is null or person_id = $3)
    order by entered_on, id`,
    [programme_id ?? null, base ?? null, person_id ?? null],
    { limit, cursor },
  );
}

export function enrol(db: Queryable, sent: z.output<typeof enrolmentCreate>) {
  return createOnce<Enrolment>(
    db,
    {
      sql: `insert into public.enrolments (id, organisation_id, programme_id, person_id, base, form_key, key_request, needs,
              wished_role_model_key, competencies, subjects, capacity)
            select $1, pr.organisation_id, pr.id, $3, $4, $5, $6, $7, $8, $9, $10, $11
            from public.programmes pr where pr.id = $2
            on conflict (id) do nothing returning id`,
      params: [
        sent.id,
        sent.programme_id,
        sent.person_id,
        sent.base,
        sent.form_key ?? null,
        sent.key_request ?? null,
        sent.needs ?? null,
        sent.wished_role_model_key ?? null,
        sent.competencies ?? [],
        sent.subjects ?? [],
        sent.capacity ?? 1,
      ],
    },
    async () => (await db.query<Enrolment>(`select ${enrolmentColumns} from public.enrolments where id = $1`, [sent.id])).rows[0],
    sent,
  );
}

export function patchEnrolment(db: Queryable, id: string, patch: Record<string, unknown>, expected: ExpectedVersions) {
  return updateById<Enrolment>(db, 'enrolments', id, patch, enrolmentColumns, expected);
}

export async function recordTraining(db: Queryable, id: string, status: string, trainedOn: string | null): Promise<Enrolment> {
  const { rows } = await db.query<Enrolment>(
    `update public.enrolments set training_status = $2, trained_on = $3 where id = $1 and base = 'mentor' returning ${enrolmentColumns}`,
    [id, status, trainedOn],
  );
  return oneOrNotFound(rows);
}
