// Small pieces every resource service uses: creating once (idempotent on the client's id),
// patching the columns a schema allowed, and pages of lists.

import { HTTPException } from 'hono/http-exception';
import { errorBody } from '../../shared/errors.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';

function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  // A catalog entry ({key, label_ru, label_en}) is what a request names by its key.
  if (typeof value === 'object' && 'key' in value && 'label_ru' in value) return value.key;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/** Whether a stored row is what `sent` asked for: every field sent (but the id) has that value. */
export function storedAsSent(stored: Record<string, unknown>, sent: Record<string, unknown>): boolean {
  return Object.entries(sent).every(
    ([key, value]) => key === 'id' || !(key in stored) || JSON.stringify(normalise(stored[key])) === JSON.stringify(normalise(value)),
  );
}

/**
 * `insert ... on conflict (id) do nothing` names one arbiter. When two identical requests race, the
 * loser can instead trip another unique key of the table — the (id, organisation_id) key composite
 * foreign keys need, or a natural key such as a programme's (organisation, year) — once the winner
 * commits. Whatever key it names, the caller reads the row back by id: a row there is the winner's
 * (the same request, answered with the stored row); none means the request really collides with
 * another record (`conflict` carries that error, a 409).
 */
async function insertOnce(db: Queryable, insert: { sql: string; params: unknown[] }): Promise<{ rows: unknown[]; conflict?: unknown }> {
  await db.query('savepoint create_once');
  try {
    const inserted = await db.query(insert.sql, insert.params);
    await db.query('release savepoint create_once');
    return inserted;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await db.query('rollback to savepoint create_once');
    return { rows: [], conflict: error };
  }
}

/**
 * Runs `insert` (which must say `on conflict (id) do nothing returning id`) and reads the row back.
 * A repeat of the same request returns the row stored first and creates nothing; the same id with
 * other content is a conflict. Nothing inserted and nothing visible under the id means what the
 * row refers to (a person, a group) is not the caller's to use: not found.
 */
export async function createOnce<Row extends Record<string, unknown>>(
  db: Queryable,
  insert: { sql: string; params: unknown[] },
  read: () => Promise<Row | undefined>,
  sent: Record<string, unknown>,
  afterInsert?: () => Promise<void>,
): Promise<{ row: Row; created: boolean }> {
  const inserted = await insertOnce(db, insert);
  if (inserted.rows.length > 0) {
    await afterInsert?.();
    const row = await read();
    if (!row) throw apiError(404, 'not_found', 'error.notFound');
    return { row, created: true };
  }
  const stored = await read();
  if (!stored) throw inserted.conflict ? apiError(409, 'conflict', 'error.conflict') : apiError(404, 'not_found', 'error.notFound');
  if (storedAsSent(stored, sent)) return { row: stored, created: false };
  throw apiError(409, 'conflict', 'error.conflict');
}

/** `set a = $n, b = $n+1` for the keys of a validated patch (column names = field names). */
export function setClause(patch: Record<string, unknown>, firstParam: number): { sql: string; params: unknown[] } {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
  return {
    sql: entries.map(([column], i) => `${column} = $${firstParam + i}`).join(', '),
    params: entries.map(([, value]) => value),
  };
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** One page of `sql` (which must end with its `order by`): reads one row more to know if there is a next page. */
export async function listPage<T = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params: unknown[],
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<T>> {
  const offset = offsetOf(page.cursor);
  const n = params.length;
  const { rows } = await db.query<T>(`${sql} limit $${n + 1} offset $${n + 2}`, [...params, page.limit + 1, offset]);
  return pageOf(rows, page.limit, offset);
}

/**
 * Versions for optimistic concurrency. Every editable resource carries `version` (its row's xmin:
 * Postgres gives the row a new one with every update, triggers' updates included) and answers it
 * as its ETag. A PATCH with `If-Match` changes the row only while it still has that version, in the
 * update itself, so two curators editing one record cannot overwrite each other silently: the
 * second gets 412 with the record as it is now.
 */
export type ExpectedVersions = readonly string[] | null;

/** A row as an editable resource answers it: with its version. */
export type Versioned = { version: string } & Record<string, unknown>;

/** The versions an `If-Match` header accepts; null: no header (or `*`), any version will do. Weak tags never match (RFC 9110 §13.1.1). */
export function expectedVersions(ifMatch: string | undefined): ExpectedVersions {
  if (ifMatch === undefined || ifMatch.trim() === '*') return null;
  return [...ifMatch.matchAll(/(W\/)?"([^"]*)"/g)].filter((tag) => !tag[1]).map((tag) => tag[2] ?? '');
}

/** The ETag of a version. */
export function entityTag(version: string): string {
  return `"${version}"`;
}

/** Where the row has moved on since the version the client edited: 412 with the row as it is now. */
export function staleVersion(current: { version: string }): HTTPException {
  const body = { ...errorBody('precondition_failed', 'error.stale'), current };
  return new HTTPException(412, {
    res: Response.json(body, { status: 412, headers: { ETag: entityTag(current.version) } }),
  });
}

/**
 * `update public.<table> as <alias> set <assignments> where id = $1`, only while the row has one of
 * `expected` (if given); answers the row as `read` shows it. `assignments` may use `$3` on for its
 * parameters. Not found when RLS hides the row or does not let the caller change it.
 */
export async function updateVersioned<T extends Versioned>(
  db: Queryable,
  target: { table: string; alias?: string; id: string; expected: ExpectedVersions },
  assignments: { sql: string; params: unknown[] },
  read: () => Promise<T | undefined>,
): Promise<T> {
  const alias = target.alias ?? 't';
  const updated = await db.query(
    `update public.${target.table} as ${alias} set ${assignments.sql || `id = ${alias}.id`}
     where ${alias}.id = $1 and ($2::text[] is null or ${alias}.xmin::text = any ($2::text[])) returning ${alias}.id`,
    [target.id, target.expected, ...assignments.params],
  );
  const current = await read();
  if (!current) throw apiError(404, 'not_found', 'error.notFound');
  if (updated.rows.length > 0) return current;
  if (target.expected && !target.expected.includes(current.version)) throw staleVersion(current);
  throw apiError(404, 'not_found', 'error.notFound');
}

/** Updates the row `id` of `table` with a validated patch (see updateVersioned); `columns` must select `version`. */
export async function updateById<T extends Versioned = Versioned>(
  db: Queryable,
  table: string,
  id: string,
  patch: Record<string, unknown>,
  columns: string,
  expected: ExpectedVersions,
): Promise<T> {
  return updateVersioned<T>(
    db,
    { table, id, expected },
    setClause(patch, 3),
    async () => (await db.query<T>(`select ${columns} from public.${table} where id = $1`, [id])).rows[0],
  );
}

/** Reads `limit + 1` rows from `offset` to know whether there is a next page. */
export function offsetOf(cursor: string | undefined): number {
  return cursor ? Number(cursor) : 0;
}

export function pageOf<T>(rows: T[], limit: number, offset: number): Page<T> {
  return { items: rows.slice(0, limit), next_cursor: rows.length > limit ? String(offset + limit) : null };
}

export function oneOrNotFound<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw apiError(404, 'not_found', 'error.notFound');
  return row;
}
