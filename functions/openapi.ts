// How a route declares its contract: `createRoute` (@hono/zod-openapi) with the request's schemas
// and a schema for every answer, errors included; the OpenAPI document and the typed client both
// come from those declarations, and a handler cannot answer what its route did not declare.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { apiErrorBody } from '../shared/api/common.ts';
import type { FieldError } from '../shared/errors.ts';
import type { AppEnv } from './env.ts';
import { apiError } from './errors.ts';

/** An answer with a JSON body. */
export function json<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function body<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

const refusal = (description: string) => json(apiErrorBody, description);

/** What any route may refuse with, in the one error shape (see shared/errors.ts). */
export const refusals = {
  400: refusal('The request is malformed: each bad field with its message in Russian and English'),
  403: refusal('Row-level security or a rule refused it'),
  404: refusal('Not found, or not visible to the caller'),
  409: refusal('Another record has this id or key'),
  413: refusal('The body is too large'),
  415: refusal('The body is not JSON'),
  422: refusal('A rule of the programme refused it (the message says which, in Russian)'),
  500: refusal('Something went wrong on our side'),
  502: refusal('A service we depend on failed'),
};
/** A polled read (etag middleware) answers 304 with no body while the caller's ETag still holds. */
export const notModified = { 304: { description: 'Not modified: the ETag sent in If-None-Match still holds' } };

/** Routes for a signed-in caller also refuse without a valid token. */
export const callerRefusals = { ...refusals, 401: refusal('No valid token') };

// Zod's messages in both languages at once, split again where a request is refused: a message the
// schema itself gives (already «Русский / English») stays as it is.
const separator = '\u2063';
const ruLocale = z.locales.ru().localeError;
const enLocale = z.locales.en().localeError;
const text = (message: ReturnType<typeof ruLocale>) => (typeof message === 'string' ? message : (message?.message ?? ''));
z.config({ localeError: (issue) => `${text(ruLocale(issue))}${separator}${text(enLocale(issue))}` });

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const [message = issue.message, messageEn = message] = issue.message.split(separator);
    return { path: issue.path.join('.') || '(body)', message, message_en: messageEn };
  });
}

/** A request that fails its schema is refused with every bad field, in the error shape. */
export function refuseInvalid(result: { success: boolean; error?: z.ZodError }): void {
  if (!result.success) throw apiError(400, 'validation_failed', 'error.validation', result.error ? fieldErrors(result.error) : []);
}

/** The OpenAPI 3.1 document of `app`, built from its routes' declarations. */
export function openApiDocument(app: OpenAPIHono<AppEnv>, version: string) {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Nastavnik API',
      version,
      description:
        'The mentoring programme (целевая модель наставничества) through its seven stages. Every request runs as the signed-in ' +
        'person; row-level security decides what they see. Creates take a client-generated id and are idempotent.',
    },
  });
  document.components = {
    ...document.components,
    securitySchemes: { supabaseJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Supabase Auth)' } },
  };
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations) as { tags?: string[]; security?: unknown[] }[]) {
      if (typeof operation !== 'object' || !operation) continue;
      operation.security = operation.tags?.includes('public') ? [] : [{ supabaseJwt: [] }];
    }
  }
  return document;
}
