import type { z } from 'zod';
import type { Person, personCreate, personPatch } from '../../shared/api/people.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { createOnce, type ExpectedVersions, setClause, updateVersioned } from './rows.ts';

/** A person as the caller may see them: details (contacts, birth year) only where RLS allows. */
export const personSelect = `
  select p.id, p.xmin::text as version, p.organisation_id, p.kind, p.last_name, p.first_name, p.middle_name, p.class_id, c.name as class_name,
    p.position, p.subjects, p.google_user_id, p.erased_at is not null as erased,
    array(select m.role from public.memberships m where m.person_id = p.id order by m.role) as roles,
    (select json_build_object('email', d.email, 'phone', d.phone, 'birth_year', d.birth_year, 'sex', d.sex,
        'affiliation', d.affiliation, 'experience_years', d.experience_years)
     from public.person_details d where d.person_id = p.id) as details,
    public.consent_status(p.id) as consent
  from public.people p left join public.classes c on c.id = p.class_id`;

export async function readPerson(db: Queryable, id: string): Promise<Person | undefined> {
  return (await db.query<Person>(`${personSelect} where p.id = $1`, [id])).rows[0];
}

const detailColumns = ['email', 'phone', 'birth_year', 'sex', 'affiliation', 'experience_years'] as const;

function split(fields: Record<string, unknown>) {
  const details: Record<string, unknown> = {};
  const person: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if ((detailColumns as readonly string[]).includes(key)) details[key] = value;
    else person[key] = value;
  }
  return { person, details };
}

export async function createPerson(db: Queryable, sent: z.output<typeof personCreate>) {
  const { roles, ...fields } = sent;
  const defaultRole = sent.kind === 'student' ? 'student' : sent.kind === 'staff' ? 'teacher' : 'external_mentor';
  return createOnce(
    db,
    {
      sql: `insert into public.people (id, organisation_id, kind, last_name, first_name, middle_name, class_id, position, subjects, google_user_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing returning id`,
      params: [
        sent.id,
        sent.organisation_id,
        sent.kind,
        sent.last_name,
        sent.first_name,
        sent.middle_name ?? null,
        sent.class_id ?? null,
        sent.position ?? null,
        sent.subjects ?? [],
        sent.google_user_id ?? null,
      ],
    },
    () => readPerson(db, sent.id),
    split(fields).person,
    async () => {
      await db.query(
        `insert into public.person_details (person_id, organisation_id, email, phone, birth_year, sex, affiliation, experience_years)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          sent.id,
          sent.organisation_id,
          sent.email ?? null,
          sent.phone ?? null,
          sent.birth_year ?? null,
          sent.sex ?? null,
          sent.affiliation ?? null,
          sent.experience_years ?? null,
        ],
      );
      for (const role of new Set([defaultRole, ...(roles ?? [])])) {
        await db.query('insert into public.memberships (person_id, organisation_id, role) values ($1, $2, $3)', [
          sent.id,
          sent.organisation_id,
          role,
        ]);
      }
    },
  );
}

/**
 * A curator's edit of a person: the card and the details in one change. The person's row is
 * updated every time (its version moves even when only the details change), and only while it has
 * the version the curator edited, when one is given.
 */
export async function patchPerson(
  db: Queryable,
  id: string,
  patch: z.output<typeof personPatch>,
  expected: ExpectedVersions,
): Promise<Person> {
  const { person, details } = split(patch);
  const read = () => readPerson(db, id);
  // Erased people are not edited: their row is not the target.
  const updated = await updateVersioned(db, { table: 'people', id, expected }, setClause(person, 3), async () => {
    const current = await read();
    return current?.erased ? undefined : current;
  });
  if (Object.keys(details).length > 0) {
    const set = setClause(details, 2);
    const changed = await db.query(`update public.person_details set ${set.sql} where person_id = $1 returning person_id`, [
      id,
      ...set.params,
    ]);
    if (changed.rows.length === 0) throw apiError(404, 'not_found', 'error.notFound');
    return (await read()) ?? updated;
  }
  return updated;
}
