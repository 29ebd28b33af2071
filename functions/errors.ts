import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, errorBody, type FieldError } from '../shared/errors.ts';
import type { MessageKey } from '../shared/i18n/index.ts';

/** An error a person can act on, in the one JSON shape every route answers with. */
export function apiError(status: ContentfulStatusCode, code: ErrorCode, key: MessageKey, fields?: FieldError[]) {
  return new HTTPException(status, {
    res: new Response(JSON.stringify(errorBody(code, key, fields)), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  });
}

interface PostgresError {
  code?: string;
  message?: string;
  hint?: string;
}

/** Hints our own triggers give: their message says, in Russian, what rule was broken and why. */
const ruleHints = new Set([
  'group_member_not_allowed',
  'group_status_transition',
  'catalog_reference',
  'date_in_future',
  'consent_giver',
  'immutable_column',
  'not_a_member_then',
  'curator_not_staff',
  'last_curator',
]);

function isPostgresError(error: unknown): error is PostgresError {
  return typeof error === 'object' && error !== null && typeof (error as PostgresError).code === 'string';
}

/** Maps what the database refused to the HTTP answer: row-level security is the last word. */
export function fromDatabaseError(error: unknown): HTTPException | undefined {
  if (!isPostgresError(error)) return undefined;
  const code = error.code ?? '';
  if (error.hint && ruleHints.has(error.hint)) {
    const body = errorBody('rule_violation', 'error.rule');
    body.error.message = `${body.error.message} ${error.message ?? ''}`.trim();
    return new HTTPException(422, { res: Response.json(body, { status: 422 }) });
  }
  if (code === '42501') return apiError(403, 'forbidden', 'error.forbidden');
  if (code === '23505') return apiError(409, 'conflict', 'error.conflict');
  if (code.startsWith('22') || code.startsWith('23')) return apiError(422, 'validation_failed', 'error.validation');
  return undefined;
}
