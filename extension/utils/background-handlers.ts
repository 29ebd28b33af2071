import { ApiError, api } from './api.ts';
import { getAccessToken } from './auth.ts';
import { isRequest, type Replies, type Reply } from './messages.ts';

/** What the background answers a content script; `null` groups mean "nobody is signed in". */
export async function answerContentScript(message: unknown): Promise<Reply<Replies['nastavnik:my-groups']>> {
  if (!isRequest(message)) return { ok: false, status: 400, message: 'unknown request' };
  try {
    if (!(await getAccessToken())) return { ok: true, value: null };
    return { ok: true, value: await api.myGroups() };
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 0;
    return { ok: false, status, message: error instanceof Error ? error.message : String(error) };
  }
}
