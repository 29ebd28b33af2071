// Messages between content scripts and the background. Content scripts never call the API
// themselves: the background does, with the session, and checks who is asking.
import type { ApiErrorBody } from '../../shared/errors.ts';
import type { GroupSummary, MeetingCreate } from '../../shared/schemas.ts';

export type Request = { type: 'nastavnik:my-groups' } | { type: 'nastavnik:log-meeting'; meeting: MeetingCreate };

export type Reply<T> = { ok: true; value: T } | { ok: false; status: number; message: string; body?: ApiErrorBody | null };

/** What a meeting submission came to: sent now, or kept to be sent when the API answers again. */
export type SubmitResult = { status: 'saved' } | { status: 'queued' };

export interface Replies {
  /** The groups the signed-in person may see (more for curators later, same shape); null when nobody is signed in. */
  'nastavnik:my-groups': GroupSummary[] | null;
  'nastavnik:log-meeting': SubmitResult;
}

const requestTypes = new Set<string>(['nastavnik:my-groups', 'nastavnik:log-meeting']);

export function isRequest(message: unknown): message is Request {
  return typeof message === 'object' && message !== null && requestTypes.has((message as Request).type);
}
