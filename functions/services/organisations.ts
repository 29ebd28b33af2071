// Organisations and their classes (stage 1).
import type { z } from 'zod';
import type { classCreate, organisation, ProgrammeLead, schoolClass } from '../../shared/api/organisations.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { createOnce, type ExpectedVersions, listPage, oneOrNotFound, type Page, updateById } from './rows.ts';

type Organisation = z.infer<typeof organisation>;
type SchoolClass = z.infer<typeof schoolClass>;

const orgColumns = 'id, xmin::text as version, name, short_name, city, municipality, region, domain, kind';
const classColumns = 'id, xmin::text as version, organisation_id, name, grade';

export async function listOrganisations(db: Queryable): Promise<Page<Organisation>> {
  const { rows } = await db.query<Organisation>(`select ${orgColumns} from public.organisations order by name`);
  return { items: rows, next_cursor: null };
}

export async function readOrganisation(db: Queryable, id: string): Promise<Organisation> {
  return oneOrNotFound((await db.query<Organisation>(`select ${orgColumns} from public.organisations where id = $1`, [id])).rows);
}

export function patchOrganisation(db: Queryable, id: string, patch: Record<string, unknown>, expected: ExpectedVersions) {
  return updateById<Organisation>(db, 'organisations', id, patch, orgColumns, expected);
}

export function listClasses(db: Queryable, organisationId: string | null, page: { limit: number; cursor?: string | undefined }) {
  return listPage<SchoolClass>(
    db,
    `select ${classColumns} from public.classes where ($1::uuid is null or organisation_id = $1) order by grade nulls last, name`,
    [organisationId],
    page,
  );
}

export function createClass(db: Queryable, sent: z.output<typeof classCreate>) {
  return createOnce<SchoolClass>(
    db,
    {
      sql: `insert into public.classes (id, organisation_id, name, grade) values ($1, $2, $3, $4) on conflict (id) do nothing returning id`,
      params: [sent.id, sent.organisation_id, sent.name, Number.parseInt(sent.name, 10)],
    },
    async () => (await db.query<SchoolClass>(`select ${classColumns} from public.classes where id = $1`, [sent.id])).rows[0],
    sent,
  );
}

export function renameClass(db: Queryable, id: string, name: string, expected: ExpectedVersions) {
  return updateById<SchoolClass>(db, 'classes', id, { name, grade: Number.parseInt(name, 10) }, classColumns, expected);
}

/**
 * The head and the curators of a school, for its head and curators only (a mentor or another
 * school's curator is refused, not answered with an empty list).
 */
export async function listProgrammeLeads(db: Queryable, organisationId: string): Promise<ProgrammeLead[]> {
  await requireLeadOf(db, organisationId);
  const { rows } = await db.query<ProgrammeLead>(
    `select p.id as person_id, p.last_name, p.first_name, p.middle_name, p.position, m.role
     from public.memberships m join public.people p on p.id = m.person_id
     where m.organisation_id = $1 and m.role in ('head', 'curator') and p.erased_at is null
     order by m.role desc, p.last_name, p.first_name, p.id`,
    [organisationId],
  );
  return rows;
}

async function requireLeadOf(db: Queryable, organisationId: string): Promise<void> {
  const { rows } = await db.query<{ leads: boolean }>(`select $1::uuid in (select app.my_organisation_ids_as('{head,curator}')) as leads`, [
    organisationId,
  ]);
  if (!rows[0]?.leads) throw apiError(403, 'forbidden', 'error.forbidden');
}

async function readLead(db: Queryable, organisationId: string, personId: string): Promise<ProgrammeLead | undefined> {
  const { rows } = await db.query<ProgrammeLead>(
    `select p.id as person_id, p.last_name, p.first_name, p.middle_name, p.position, m.role
     from public.memberships m join public.people p on p.id = m.person_id
     where m.organisation_id = $1 and m.person_id = $2 and m.role = 'curator'`,
    [organisationId, personId],
  );
  return rows[0];
}

/**
 * Appoints a staff member of the school as curator. The database decides who may (the school's
 * head and curators: memberships' policies) and whom (a staff member of that school, not erased:
 * app.check_curator_is_staff); the change is in the audit log.
 */
export async function appointCurator(db: Queryable, organisationId: string, personId: string) {
  const { rows } = await db.query(
    `insert into public.memberships (person_id, organisation_id, role) values ($2, $1, 'curator')
     on conflict (person_id, role) do nothing returning person_id`,
    [organisationId, personId],
  );
  const row = await readLead(db, organisationId, personId);
  if (!row) throw apiError(404, 'not_found', 'error.notFound');
  return { row, created: rows.length > 0 };
}

/** Takes the curator's role back; the last curator of a school stays (app.keep_a_curator). */
export async function removeCurator(db: Queryable, organisationId: string, personId: string): Promise<void> {
  // Row-level security would only hide the row (404); those who may not change roles are told so.
  await requireLeadOf(db, organisationId);
  const { rows } = await db.query(
    `delete from public.memberships where organisation_id = $1 and person_id = $2 and role = 'curator' returning person_id`,
    [organisationId, personId],
  );
  if (rows.length === 0) throw apiError(404, 'not_found', 'error.notFound');
}
