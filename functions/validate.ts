import type { Context } from 'hono';
import { type ExpectedVersions, entityTag, expectedVersions } from './services/rows.ts';

/** The versions the request's `If-Match` accepts (null: none sent, any will do). */
export function ifMatch(c: Context): ExpectedVersions {
  return expectedVersions(c.req.header('if-match'));
}

/** Answers an editable record with its version as the ETag (GET, PATCH). */
export function withVersion<T extends { version: string }>(c: Context, row: T): T {
  c.header('ETag', entityTag(row.version));
  return row;
}
