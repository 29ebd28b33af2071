// One error shape for every API response that is not a success, in both languages, with the
// field paths a form needs to put the message next to the right input.
import { z } from 'zod';
import { en } from './i18n/en.ts';
import { type MessageKey, ru } from './i18n/ru.ts';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'rule_violation'
  | 'payload_too_large'
  | 'internal';

export interface FieldError {
  path: string;
  message: string;
  message_en: string;
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; message_en: string; fields?: FieldError[] };
}

export function errorBody(code: ErrorCode, key: MessageKey, fields?: FieldError[]): ApiErrorBody {
  return { error: { code, message: ru[key], message_en: en[key], ...(fields ? { fields } : {}) } };
}

const ruLocale = z.locales.ru().localeError;
const enLocale = z.locales.en().localeError;

/** The issues of a failed parse, each with its path and a Russian and an English message. */
export function fieldErrors(schema: z.ZodType, input: unknown): FieldError[] {
  const inRussian = schema.safeParse(input, { error: ruLocale });
  if (inRussian.success) return [];
  // The same input fails the same parse the same way: the English issues line up one for one. The
  // locale is named, as the API sets zod's default to both languages at once (functions/openapi.ts).
  const inEnglish = (schema.safeParse(input, { error: enLocale }).error as z.ZodError).issues;
  return inRussian.error.issues.map((issue, i) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
    message_en: (inEnglish[i] as z.core.$ZodIssue).message,
  }));
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'object';
}

/**
 * A 412's body carries the record as it is now (see `staleResponse` in shared/api/common.ts):
 * read with the record's own schema, so a caller gets its type from the contract, not from a cast.
 */
export function staleCurrent<T extends z.ZodType>(body: unknown, schema: T): z.output<T> | null {
  if (!isApiErrorBody(body) || body.error.code !== 'precondition_failed') return null;
  const parsed = schema.safeParse((body as { current?: unknown }).current);
  return parsed.success ? parsed.data : null;
}
