// The API's two kinds of failure, in a module of their own: content scripts and the meeting form
// use them without pulling in the API client (and with it the session and supabase-js).
import type { ApiErrorBody } from '../../shared/errors.ts';
import { language } from './i18n.ts';

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
