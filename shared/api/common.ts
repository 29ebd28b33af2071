// Pieces every resource's schemas share: ids, dates, the client id that makes creates
// idempotent, and paginated lists.
import { z } from 'zod';
import type { ErrorCode } from '../errors.ts';

export const id = z.uuid();
export const isoDate = z.iso.date();
export const className = z
  .string()
  .trim()
  // A letter, or none where a grade has one class («11»).
  .regex(/^(1[01]|[1-9])(\s*[-–]?\s*[А-ЯЁа-яё])?$/u, { message: 'Класс пишется как «7А» или «11» / Class looks like "7A" or "11"' })
  .transform((value) => value.replace(/[\s\-–]/g, '').toUpperCase());

/** Every create carries an id the client generated (crypto.randomUUID()): a repeat creates nothing. */
export const clientId = { id: z.uuid() };

/** An entry of the methodology's catalog as a response carries it: the key code refers to, the labels people see. */
export const catalogEntry = z.object({ key: z.string(), label_ru: z.string(), label_en: z.string() });
export type CatalogEntry = z.infer<typeof catalogEntry>;

export const idParam = z.object({ id: z.uuid() }).strict();

export const page = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^\d{1,7}$/)
      .optional(),
  })
  .strict();

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

export const okResponse = z.object({ ok: z.literal(true) });

/**
 * An editable record's version: also its ETag. Send it back as `If-Match: "<version>"` with a
 * PATCH, and the change is made only if nobody changed the record since (else 412).
 */
export const version = z.string().describe('Row version; its ETag. Send as If-Match with PATCH.');

/** 412: the record changed since the version sent in If-Match; `current` is the record as it is now. */
export function staleResponse<T extends z.ZodType>(current: T) {
  return z.object({ error: z.object({ code: z.literal('precondition_failed'), message: z.string(), message_en: z.string() }), current });
}

const errorCodes = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'rule_violation',
  'payload_too_large',
  'internal',
] as const satisfies readonly ErrorCode[];

/** Every refusal: a code, the message in Russian and English, and the bad fields of a malformed request. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    message_en: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string(), message_en: z.string() })).optional(),
  }),
});
