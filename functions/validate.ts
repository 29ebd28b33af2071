import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { fieldErrors } from '../shared/errors.ts';
import { apiError } from './errors.ts';
import { type ExpectedVersions, entityTag, expectedVersions } from './services/rows.ts';

/** What the OpenAPI document reads off a route's middleware: its input schemas and its summary. */
export const describedBy = Symbol('nastavnik.openapi');

export type RouteDescription =
  | { kind: 'input'; target: keyof ValidationTargets; schema: z.ZodType }
  | { kind: 'doc'; summary: string; tags: string[]; responses: Record<number, z.ZodType | null>; description?: string };

type Described = { [describedBy]?: RouteDescription };

/** Validates one part of the request with a schema from `shared/`; refuses with every bad field. */
export function valid<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  // The declared input type is the schema's input (defaults may be left out by the typed client).
  type Check = (value: z.input<Schema>, c: Context) => z.output<Schema>;
  const middleware = validator<z.input<Schema>, string, string, Target, string, Check>(target, (value): z.output<Schema> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw apiError(400, 'validation_failed', 'error.validation', fieldErrors(schema, value));
  });
  (middleware as Described)[describedBy] = { kind: 'input', target, schema };
  return middleware;
}

/** The route's entry in the OpenAPI document: a summary and the schema of each response. */
export function doc(description: { summary: string; tags: string[]; responses: Record<number, z.ZodType | null>; description?: string }) {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  (middleware as Described)[describedBy] = { kind: 'doc', ...description };
  return middleware;
}

export function descriptionOf(handler: unknown): RouteDescription | undefined {
  return (handler as Described)[describedBy];
}

/** The versions the request's `If-Match` accepts (null: none sent, any will do). */
export function ifMatch(c: Context): ExpectedVersions {
  return expectedVersions(c.req.header('if-match'));
}

/** Answers an editable record with its version as the ETag (GET, PATCH). */
export function withVersion<T extends { version: string }>(c: Context, row: T): T {
  c.header('ETag', entityTag(row.version));
  return row;
}
