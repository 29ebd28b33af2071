// People of a school and their guardians' consents.
import type { z } from 'zod';
import type { Consent, consentCreate, Person, peopleQuery, personCreate, personPatch } from '../../shared/api/people.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import {
  createOnce,
  type ExpectedVersions,
  listPage,
  offsetOf,
  oneOrNotFound,
  type Page,
  pageOf,
  setClause,
  updateVersioned,
} from './rows.ts';

/** A person as the caller may see them: details (contacts, birth year) only where RLS allows. */
const personSelect = `
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

/** People by name (every word, ё as е), kind and class. */
export async function findPeople(db: Queryable, query: z.output<typeof peopleQuery>): Promise<Page<Person>> {
  const { organisation_id, q, kind, class_id, limit, cursor } = query;
  const offset = offsetOf(cursor);
  const words = (q ?? '').toLocaleLowerCase('ru').replaceAll('ё', 'е').split(/\s+/).filter(Boolean);
  const sql = `${personSelect}
    where ($1::uuid is null or p.organisation_id = $1) and ($2::text is null or p.kind = $2) and ($3::uuid is null or p.class_id = $3)
      and (select bool_and(replace(lower(p.last_name || ' ' || p.first_name || ' ' || coalesce(p.middle_name, '')), 'ё', 'е') like '%' || w || '%')
           from unnest($4::text[]) w) is not false
    order by p.last_name, p.first_name, p.id limit $5 offset $6`;
  const { rows } = await db.query<Person>(sql, [organisation_id ?? null, kind ?? null, class_id ?? null, words, limit + 1, offset]);
  return pageOf(rows, limit, offset);
}

export async function requirePerson(db: Queryable, id: string): Promise<Person> {
  return (await readPerson(db, id)) ?? oneOrNotFound([]);
}

/** The sign-in account of a person the caller may erase (head, curator of their school); refuses otherwise. */
export async function accountToErase(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ auth_user_id: string | null; may_erase: boolean }>(
    `select p.auth_user_id, p.organisation_id in (select app.my_organisation_ids_as('{head,curator}')) as may_erase
     from public.people p where p.id = $1`,
    [id],
  );
  const [person] = rows;
  if (!person) throw apiError(404, 'not_found', 'error.notFound');
  if (!person.may_erase) throw apiError(403, 'forbidden', 'error.forbidden');
  return person.auth_user_id;
}

export async function erasePerson(db: Queryable, id: string): Promise<void> {
  await db.query('select public.erase_person($1)', [id]);
}

const consentColumns = 'id, person_id, organisation_id, given_by, given_on, document_version, medium, withdrawn_on';

export function listConsents(
  db: Queryable,
  personId: string | null,
  organisationId: string | null,
  page: { limit: number; cursor?: string | undefined },
) {
  return listPage<Consent>(
    db,
    `select ${consentColumns} from public.consents where ($1::uuid is null or person_id = $1) and ($2::uuid is null or organisation_id = $2)
    order by given_on desc, id`,
    [personId, organisationId],
    page,
  );
}

export function recordConsent(db: Queryable, sent: z.output<typeof consentCreate>) {
  return createOnce<Consent>(
    db,
    {
      sql: `insert into public.consents (id, organisation_id, person_id, given_by, given_on, document_version, medium)
          select $1, p.organisation_id, p.id, $3, $4, $5, $6 from public.people p where p.id = $2
          on conflict (id) do nothing returning id`,
      params: [sent.id, sent.person_id, sent.given_by, sent.given_on, sent.document_version, sent.medium],
    },
    async () => (await db.query<Consent>(`select ${consentColumns} from public.consents where id = $1`, [sent.id])).rows[0],
    sent,
  );
}

export async function withdrawConsent(db: Queryable, id: string, withdrawnOn: string): Promise<Consent> {
  const { rows } = await db.query<Consent>(
    `update public.consents set withdrawn_on = coalesce(withdrawn_on, $2) where id = $1 returning ${consentColumns}`,
    [id, withdrawnOn],
  );
  return oneOrNotFound(rows);
}
