// Loads the demo school (supabase/demo/school.json, a copy of the team's fictional school) into a
// migrated database: the organisation, its classes, every person with roles and consent status,
// the programme at its stage and every mentoring group. Ids are derived from the demo's own keys,
// so the same person has the same id in every fresh database (tests and fixture pages rely on it).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Database, Queryable } from './database.ts';

export interface DemoPerson {
  id: string;
  kind: 'student' | 'staff' | 'external';
  last: string;
  first: string;
  middle?: string;
  sex?: 'm' | 'f';
  class?: string;
  grade?: number;
  email?: string;
  birth_year?: number;
  consent?: { status: 'given' | 'missing'; by?: string; date?: string } | null;
  position?: string;
  subjects?: string[];
  experience_years?: number;
  homeroom?: string;
  affiliation?: string;
  roles?: string[];
}

export interface DemoGroup {
  id: string;
  form: string;
  role_model: string;
  mentors: string[];
  mentees: string[];
  status: 'draft' | 'active' | 'completed' | 'cancelled';
  started_on?: string;
}

export interface DemoSchool {
  organization: { name: string; short_name: string; city: string; domain: string };
  academic_year: string;
  classes: string[];
  people: DemoPerson[];
  programme: { name: string; current_stage: number; forms: string[]; groups: DemoGroup[] };
}

const demoFile = new URL('../../supabase/demo/school.json', import.meta.url);

export async function readDemoSchool(): Promise<DemoSchool> {
  return JSON.parse(await readFile(demoFile, 'utf8')) as DemoSchool;
}

/** A stable UUID (version 5 layout, SHA-1 of the demo key) for a demo record. */
export function demoUuid(key: string): string {
  const hex = createHash('sha1').update(`nastavnik-demo/${key}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function rolesOf(person: DemoPerson): string[] {
  const base = person.kind === 'student' ? 'student' : person.kind === 'staff' ? 'teacher' : 'external_mentor';
  return [...new Set([base, ...(person.roles ?? [])])];
}

export interface LoadOptions {
  /** Create a sign-in account (auth.users) for every person with an e-mail: local mode only. */
  createAuthUsers: boolean;
  /** Derive ids from this key instead of the demo's (a second school in tests). */
  namespace?: string;
}

/** Loads the school in one transaction; returns the organisation's id. */
export async function loadDemoSchool(database: Database, school: DemoSchool, options: LoadOptions): Promise<string> {
  const ns = options.namespace ? `${options.namespace}/` : '';
  const id = (key: string) => demoUuid(`${ns}${key}`);
  const orgId = id('organisation');
  const email = (person: DemoPerson) => (person.email && ns ? `${options.namespace}.${person.email}` : person.email);
  const bulk = (db: Queryable, sql: string, rows: unknown[]) => db.query(sql, [JSON.stringify(rows)]);

  await database.asService(async (db) => {
    await db.query(
      `insert into public.organisations (id, name, short_name, city, municipality, region, domain)
       values ($1, $2, $3, $4, $4, $5, $6)`,
      [
        orgId,
        school.organization.name,
        school.organization.short_name,
        school.organization.city,
        'Демо-область',
        school.organization.domain,
      ],
    );
    await bulk(
      db,
      `insert into public.classes (id, organisation_id, name, grade)
       select id, organisation_id, name, grade from jsonb_to_recordset($1::jsonb)
         as r(id uuid, organisation_id uuid, name text, grade int)`,
      school.classes.map((name) => ({ id: id(`class/${name}`), organisation_id: orgId, name, grade: Number.parseInt(name, 10) })),
    );
    await bulk(
      db,
      `insert into public.people (id, organisation_id, kind, last_name, first_name, middle_name, class_id, position, subjects, external_ids)
       select id, organisation_id, kind, last_name, first_name, middle_name, class_id, position, coalesce(subjects, '{}'), external_ids
       from jsonb_to_recordset($1::jsonb) as r(id uuid, organisation_id uuid, kind text, last_name text,
         first_name text, middle_name text, class_id uuid, position text, subjects text[], external_ids jsonb)`,
      school.people.map((p) => ({
        id: id(p.id),
        organisation_id: orgId,
        kind: p.kind,
        last_name: p.last,
        first_name: p.first,
        middle_name: p.middle ?? null,
        class_id: p.class ? id(`class/${p.class}`) : null,
        position: p.position ?? null,
        subjects: p.subjects ?? [],
        external_ids: { demo: p.id },
      })),
    );
    await bulk(
      db,
      `insert into public.person_details (person_id, organisation_id, email, birth_year, sex, affiliation, experience_years)
       select person_id, organisation_id, email, birth_year, sex, affiliation, experience_years
       from jsonb_to_recordset($1::jsonb) as r(person_id uuid, organisation_id uuid, email text, birth_year int, sex text,
         affiliation text, experience_years int)`,
      school.people.map((p) => ({
        person_id: id(p.id),
        organisation_id: orgId,
        email: email(p) ?? null,
        birth_year: p.birth_year ?? null,
        sex: p.sex ?? null,
        affiliation: p.affiliation ?? null,
        experience_years: p.experience_years ?? null,
      })),
    );
    await bulk(
      db,
      `insert into public.teaching_assignments (person_id, class_id, organisation_id)
       select person_id, class_id, organisation_id from jsonb_to_recordset($1::jsonb) as r(person_id uuid, class_id uuid, organisation_id uuid)`,
      school.people
        .filter((p) => p.homeroom)
        .map((p) => ({ person_id: id(p.id), class_id: id(`class/${p.homeroom}`), organisation_id: orgId })),
    );
    await bulk(
      db,
      `insert into public.memberships (person_id, organisation_id, role)
       select person_id, organisation_id, role from jsonb_to_recordset($1::jsonb)
         as r(person_id uuid, organisation_id uuid, role text)`,
      school.people.flatMap((p) => rolesOf(p).map((role) => ({ person_id: id(p.id), organisation_id: orgId, role }))),
    );
    await bulk(
      db,
      `insert into public.consents (person_id, organisation_id, given_by, given_on)
       select person_id, organisation_id, given_by, given_on from jsonb_to_recordset($1::jsonb)
         as r(person_id uuid, organisation_id uuid, given_by text, given_on date)`,
      school.people
        .filter((p) => p.consent?.status === 'given')
        .map((p) => ({ person_id: id(p.id), organisation_id: orgId, given_by: p.consent?.by ?? 'parent', given_on: p.consent?.date })),
    );
    const programmeId = id('programme');
    await db.query(
      `insert into public.programmes (id, organisation_id, academic_year, name, current_stage, forms)
       values ($1, $2, $3, $4, $5, $6)`,
      [programmeId, orgId, school.academic_year, school.programme.name, school.programme.current_stage, school.programme.forms],
    );
    const groups = school.programme.groups;
    // The demo names role models by their Russian label; the database keeps the catalog's key.
    await bulk(
      db,
      `insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status, started_on, ended_on, external_ids)
       select r.id, r.organisation_id, r.programme_id, r.form, m.key, r.status, r.started_on,
         case when r.status in ('completed', 'cancelled') then greatest(r.started_on, current_date - 1) end, r.external_ids
       from jsonb_to_recordset($1::jsonb) as r(id uuid, organisation_id uuid, programme_id uuid, form text,
         role_model text, status text, started_on date, external_ids jsonb)
       join public.catalog_role_models m on m.organisation_id is null and m.form_key = r.form and m.label_ru = r.role_model`,
      groups.map((g) => ({
        id: id(g.id),
        organisation_id: orgId,
        programme_id: programmeId,
        form: g.form,
        role_model: g.role_model,
        status: g.status,
        started_on: g.started_on ?? null,
        external_ids: { demo: g.id },
      })),
    );
    // Stages 2–4 for everyone in a group: mentees in the base with their form, mentors trained
    // before the pairs were formed, with room for the mentees they have.
    const enrolments = new Map<string, { person_id: string; base: string; form_key: string; capacity: number }>();
    for (const g of groups) {
      for (const m of g.mentees) enrolments.set(`mentee/${m}`, { person_id: id(m), base: 'mentee', form_key: g.form, capacity: 1 });
      for (const m of g.mentors) {
        const current = enrolments.get(`mentor/${m}`);
        const capacity = (current?.capacity ?? 0) + g.mentees.length;
        enrolments.set(`mentor/${m}`, { person_id: id(m), base: 'mentor', form_key: g.form, capacity });
      }
    }
    await bulk(
      db,
      `insert into public.enrolments (organisation_id, programme_id, person_id, base, form_key, capacity, training_status, trained_on, entered_on)
       select organisation_id, programme_id, person_id, base, form_key, least(capacity, 30),
         case when base = 'mentor' then 'trained' else 'not_started' end,
         case when base = 'mentor' then date '2026-09-20' end, date '2026-09-10'
       from jsonb_to_recordset($1::jsonb)
         as r(organisation_id uuid, programme_id uuid, person_id uuid, base text, form_key text, capacity int)`,
      [...enrolments.values()].map((e) => ({ ...e, organisation_id: orgId, programme_id: programmeId })),
    );
    await bulk(
      db,
      `insert into public.group_members (group_id, person_id, organisation_id, role, joined_on)
       select group_id, person_id, organisation_id, role, joined_on from jsonb_to_recordset($1::jsonb)
         as r(group_id uuid, person_id uuid, organisation_id uuid, role text, joined_on date)`,
      groups.flatMap((g) => {
        const joined_on = g.started_on ?? null;
        return [
          ...g.mentors.map((m) => ({ group_id: id(g.id), person_id: id(m), organisation_id: orgId, role: 'mentor', joined_on })),
          ...g.mentees.map((m) => ({ group_id: id(g.id), person_id: id(m), organisation_id: orgId, role: 'mentee', joined_on })),
        ];
      }),
    );
    if (options.createAuthUsers) {
      // The link_auth_user trigger ties each account to its person by e-mail.
      await bulk(
        db,
        `insert into auth.users (id, email) select id, email from jsonb_to_recordset($1::jsonb) as r(id uuid, email text)
         on conflict (email) do nothing`,
        school.people.filter((p) => email(p)).map((p) => ({ id: id(`user/${p.id}`), email: email(p) })),
      );
    }
  });
  return orgId;
}

/** Loads the demo school unless the database already holds an organisation. */
export async function loadDemoSchoolIfEmpty(database: Database, options: LoadOptions): Promise<boolean> {
  const empty = await database.asService(async (db) => {
    const { rows } = await db.query<{ empty: boolean }>('select not exists (select 1 from public.organisations) as empty');
    return rows[0]?.empty ?? false;
  });
  if (empty) await loadDemoSchool(database, await readDemoSchool(), options);
  return empty;
}
