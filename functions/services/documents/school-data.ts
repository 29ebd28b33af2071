// What the school's documents are made of, read as the caller (RLS decides): the school, its
// head and curators, the programme with its forms and role models, and its published pairs.
import type { Queryable } from '../../db/database.ts';
import { apiError } from '../../errors.ts';
import { curatedProgramme } from '../bases.ts';

export interface Named {
  last_name: string;
  first_name: string;
  middle_name: string | null;
}

export interface SchoolData {
  school: { name: string; short_name: string | null; city: string | null; municipality: string | null; region: string | null };
  programme: { id: string; academic_year: string; name: string; current_stage: number };
  head: (Named & { position: string | null }) | null;
  curators: (Named & { position: string | null })[];
  forms: { key: string; label_ru: string; goal_ru: string; role_models: string[] }[];
  stages: { number: number; label_ru: string; items: string[] }[];
}

export interface PublishedPair {
  form_label: string;
  role_model_label: string;
  order_number: string | null;
  order_date: string | null;
  mentors: (Named & { detail: string | null })[];
  mentees: (Named & { detail: string | null })[];
}

/** «Королёв Арсений Павлович» */
export const fullName = (p: Named) => [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' ');
/** «А. П. Королёв», as a signature reads. */
export const initialsName = (p: Named) =>
  `${[p.first_name, p.middle_name]
    .filter(Boolean)
    .map((n) => `${n?.[0]}.`)
    .join(' ')} ${p.last_name}`;
/** 2027-09-01 → «01.09.2027». */
export const russianDate = (iso: string) => iso.split('-').reverse().join('.');
/** The first day of an academic year «2027/2028»: 1 September 2027. */
export const yearStart = (academicYear: string) => `${academicYear.slice(0, 4)}-09-01`;

export async function schoolData(db: Queryable, programmeId: string): Promise<SchoolData> {
  await curatedProgramme(db, programmeId);
  const programme = (
    await db.query<SchoolData['programme'] & { organisation_id: string; forms: string[] }>(
      'select id, organisation_id, academic_year, name, current_stage, forms from public.programmes where id = $1',
      [programmeId],
    )
  ).rows[0];
  if (!programme) throw apiError(404, 'not_found', 'error.notFound');
  const school = (
    await db.query<SchoolData['school']>('select name, short_name, city, municipality, region from public.organisations where id = $1', [
      programme.organisation_id,
    ])
  ).rows[0] as SchoolData['school'];
  const staff = await db.query<Named & { position: string | null; role: string }>(
    `select p.last_name, p.first_name, p.middle_name, p.position, m.role from public.memberships m join public.people p on p.id = m.person_id
     where m.organisation_id = $1 and m.role in ('head', 'curator') and p.erased_at is null order by m.role, p.last_name, p.first_name`,
    [programme.organisation_id],
  );
  const forms = await db.query<SchoolData['forms'][number]>(
    `select f.key, f.label_ru, f.goal_ru,
       array(select r.label_ru from public.catalog_role_models r where r.form_key = f.key
             and (r.organisation_id is null or r.organisation_id = $1) order by r.organisation_id nulls first, r.key) as role_models
     from public.catalog_forms f where f.key = any($2::text[]) and (f.organisation_id is null or f.organisation_id = $1)
     order by array_position($2::text[], f.key)`,
    [programme.organisation_id, programme.forms],
  );
  const stages = await db.query<SchoolData['stages'][number]>(
    `select s.number, s.label_ru, array(select t.label_ru from public.catalog_checklist_items t where t.stage = s.number
       and (t.organisation_id is null or t.organisation_id = $1) order by t.position) as items
     from public.catalog_stages s order by s.number`,
    [programme.organisation_id],
  );
  const head = staff.rows.find((p) => p.role === 'head') ?? null;
  return {
    school,
    programme: { id: programme.id, academic_year: programme.academic_year, name: programme.name, current_stage: programme.current_stage },
    head,
    curators: staff.rows.filter((p) => p.role === 'curator'),
    forms: forms.rows,
    stages: stages.rows,
  };
}

/** The programme's active pairs and groups (those an order fixed), in the order's sequence. */
export async function publishedPairs(db: Queryable, programmeId: string): Promise<PublishedPair[]> {
  const { rows } = await db.query<PublishedPair>(
    `select coalesce(f.label_ru, g.form) as form_label, coalesce(r.label_ru, g.role_model) as role_model_label, g.order_number,
       g.order_date::text as order_date,
       coalesce((select json_agg(json_build_object('last_name', p.last_name, 'first_name', p.first_name, 'middle_name', p.middle_name,
                  'detail', coalesce(c.name, p.position)) order by p.last_name)
         from public.group_members gm join public.people p on p.id = gm.person_id left join public.classes c on c.id = p.class_id
         where gm.group_id = g.id and gm.role = 'mentor' and gm.left_on is null), '[]') as mentors,
       coalesce((select json_agg(json_build_object('last_name', p.last_name, 'first_name', p.first_name, 'middle_name', p.middle_name,
                  'detail', coalesce(c.name, p.position)) order by p.last_name)
         from public.group_members gm join public.people p on p.id = gm.person_id left join public.classes c on c.id = p.class_id
         where gm.group_id = g.id and gm.role = 'mentee' and gm.left_on is null), '[]') as mentees
     from public.mentoring_groups g
     left join lateral (select label_ru from public.catalog_forms f where f.key = g.form
       and (f.organisation_id is null or f.organisation_id = g.organisation_id) order by f.organisation_id nulls first limit 1) f on true
     left join lateral (select label_ru from public.catalog_role_models r where r.key = g.role_model and r.form_key = g.form
       and (r.organisation_id is null or r.organisation_id = g.organisation_id) order by r.organisation_id nulls first limit 1) r on true
     where g.programme_id = $1 and g.status = 'active'
     order by g.order_date desc nulls last, g.form, g.role_model, g.created_at, g.id`,
    [programmeId],
  );
  return rows;
}
