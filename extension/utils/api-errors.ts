// The API's two kinds of failure, in a module of their own: content scripts and the meeting form
// use them without pulling in the API client (and with it the session and supabase-js).
import type { ApiErrorBody } from '../../shared/errors.ts';
import { language, t } from './i18n.ts';

/** The API answered with a refusal: its message is for the person, in their language. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;
  constructor(status: number, body: ApiErrorBody | null) {
    super(body ? (language === 'ru' ? body.error.message : body.error.message_en) : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** The API could not be reached at all (offline, server down): worth trying again later. */
export class OfflineError extends Error {}

/** What the browser's fetch says when nothing answered («Failed to fetch», Firefox's and Safari's words). */
const unreachable = /failed to fetch|networkerror|load failed|network request failed/i;

/**
 * What a failure says to a person, in their language: «Сервер недоступен…» when nothing answered
 * (never the browser's raw «Failed to fetch»), the API's own reason when it refused.
 */
export function describeError(error: unknown): string {
  if (error instanceof OfflineError) return t('error.network');
  if (error instanceof ApiError) return error.status === 401 && !error.body ? t('error.unauthorized') : error.message;
  const message = error instanceof Error ? error.message : String(error);
  return unreachable.test(message) ? t('error.network') : message;
}
