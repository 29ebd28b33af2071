// Stages 2–4 as the curator's tables: the people who could be in a base with their enrolment,
// consent and pairs, in one query; and bulk changes of a selection (enrol, leave, set the form).
import type { z } from 'zod';
import type { BaseRow, baseBulk } from '../../shared/api/bases.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';

type Base = 'mentee' | 'mentor';

/**
 * Every person of the programme's school who could be in the base — students for the mentees'
 * base, everyone for the mentors' (senior students, staff, graduates, parents, employers) — and
 * everyone already enrolled in it. RLS decides: another school's programme answers not found.
 */
export async function baseRows(db: Queryable, programmeId: string, base: Base): Promise<BaseRow[]> {
  const organisationId = await curatedProgramme(db, programmeId);
  const { rows } = await db.query<BaseRow>(
    `select p.id as person_id, p.kind, p.last_name, p.first_name, p.middle_name, d.sex, c.name as class_name, c.grade, p.position,
       public.consent_status(p.id) as consent,
       (select json_build_object('id', e.id, 'version', e.xmin::text, 'organisation_id', e.organisation_id, 'programme_id', e.programme_id,
           'person_id', e.person_id, 'base', e.base, 'form_key', e.form_key, 'key_request', e.key_request, 'needs', e.needs,
           'wished_role_model_key', e.wished_role_model_key, 'competencies', e.competencies, 'subjects', e.subjects, 'capacity', e.capacity,
           'training_status', e.training_status, 'trained_on', e.trained_on::text, 'entered_on', e.entered_on::text, 'left_on', e.left_on::text)
        from public.enrolments e where e.programme_id = $1 and e.person_id = p.id and e.base = $3) as enrolment,
       (select count(*)::int from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
         where gm.person_id = p.id and gm.left_on is null and g.programme_id = $1 and gm.role = $3 and g.status in ('draft', 'active')) as groups,
       (select count(*)::int from public.training_attendance a join public.training_sessions s on s.id = a.session_id
         where a.person_id = p.id and s.programme_id = $1) as trainings
     from public.people p
     left join public.person_details d on d.person_id = p.id
     left join public.classes c on c.id = p.class_id
     where p.organisation_id = $2 and p.erased_at is null
       and ($3 = 'mentor' or p.kind = 'student'
            or exists (select 1 from public.enrolments e where e.programme_id = $1 and e.person_id = p.id and e.base = $3))
     order by c.grade nulls last, c.name nulls last, p.last_name, p.first_name, p.id`,
    [programmeId, organisationId, base],
  );
  return rows;
}

/**
 * The school of a programme the caller runs (its head or a curator); anyone else — another school,
 * a mentor or teacher who may read the programme itself — is answered «not found».
 */
export async function curatedProgramme(db: Queryable, programmeId: string): Promise<string> {
  const { rows } = await db.query<{ organisation_id: string }>(
    `select organisation_id from public.programmes where id = $1 and organisation_id in (select app.my_organisation_ids_as('{head,curator}'))`,
    [programmeId],
  );
  if (!rows[0]) throw apiError(404, 'not_found', 'error.notFound');
  return rows[0].organisation_id;
}

/** One change to many people of a base at once; answers how many enrolments changed. */
export async function changeBase(db: Queryable, programmeId: string, base: Base, change: z.output<typeof baseBulk>): Promise<number> {
  const { action, person_ids: people } = change;
  const formKey = change.form_key ?? null;
  if (action === 'enrol') {
    const { rows } = await db.query(
      `with enrolled as (
         insert into public.enrolments (organisation_id, programme_id, person_id, base, form_key)
         select pr.organisation_id, pr.id, p.id, $3, $4 from public.programmes pr
         join public.people p on p.organisation_id = pr.organisation_id and p.id = any($2::uuid[])
         where pr.id = $1
         on conflict (programme_id, person_id, base) do nothing returning id
       ),
       back as (
         update public.enrolments set left_on = null, form_key = coalesce($4, form_key)
         where programme_id = $1 and base = $3 and person_id = any($2::uuid[]) and left_on is not null returning id
       )
       select id from enrolled union all select id from back`,
      [programmeId, people, base, formKey],
    );
    return rows.length;
  }
  const { rows } =
    action === 'leave'
      ? await db.query(
          `update public.enrolments set left_on = greatest(current_date, entered_on)
           where programme_id = $1 and base = $2 and person_id = any($3::uuid[]) and left_on is null returning id`,
          [programmeId, base, people],
        )
      : await db.query(
          `update public.enrolments set form_key = $4
           where programme_id = $1 and base = $2 and person_id = any($3::uuid[]) and form_key is distinct from $4 returning id`,
          [programmeId, base, people, formKey],
        );
  return rows.length;
}
