// Small pieces every resource service uses: creating once (idempotent on the client's id),
// patching the columns a schema allowed, and pages of lists.
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';

function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
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
 * `insert ... on conflict (id) do nothing` names one arbiter; a table that also has the unique
 * (id, organisation_id) key that composite foreign keys need can, when two identical requests race,
 * report the duplicate on that second key instead. It is the same conflict: treat it so.
 */
async function insertOnce(db: Queryable, insert: { sql: string; params: unknown[] }): Promise<{ rows: unknown[] }> {
  await db.query('savepoint create_once');
  try {
    const inserted = await db.query(insert.sql, insert.params);
    await db.query('release savepoint create_once');
    return inserted;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code !== '23505' || !constraint?.endsWith('_id_organisation_id_key')) throw error;
    await db.query('rollback to savepoint create_once');
    return { rows: [] };
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
  if (!stored) throw apiError(404, 'not_found', 'error.notFound');
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

/** Updates the row `id` of `table` with a validated patch; not found when RLS hides it or it is not there. */
export async function updateById<T = Record<string, unknown>>(
  db: Queryable,
  table: string,
  id: string,
  patch: Record<string, unknown>,
  returning: string,
): Promise<T> {
  const set = setClause(patch, 2);
  return oneOrNotFound(
    (await db.query<T>(`update public.${table} set ${set.sql} where id = $1 returning ${returning}`, [id, ...set.params])).rows,
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
