import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { fieldErrors } from '../shared/errors.ts';
import { apiError } from './errors.ts';

/** Validates one part of the request with a schema from `shared/`; refuses with every bad field. */
export function valid<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return validator(target, (value): z.output<Schema> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw apiError(400, 'validation_failed', 'error.validation', fieldErrors(schema, value));
  });
}
