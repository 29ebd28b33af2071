// Messages between content scripts and the background. Content scripts never call the API
// themselves: the background does, with the session, and checks who is asking.
import type { GroupSummary } from '../../shared/schemas.ts';

export type Request = { type: 'nastavnik:my-groups' };

export type Reply<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export interface Replies {
  'nastavnik:my-groups': GroupSummary[] | null;
}

export function isRequest(message: unknown): message is Request {
  return typeof message === 'object' && message !== null && (message as Request).type === 'nastavnik:my-groups';
}
