// Organisations and their classes (stage 1).
import type { z } from 'zod';
import type { classCreate, organisation, schoolClass } from '../../shared/api/organisations.ts';
import type { Queryable } from '../db/database.ts';
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
