import { meetingCreate } from '../../shared/schemas.ts';
import { ApiError, api } from './api.ts';
import { getAccessToken } from './auth.ts';
import { isRequest, type Replies, type Reply } from './messages.ts';
import { submitMeeting } from './queue.ts';

type AnyReply = Reply<Replies[keyof Replies]>;

function refusal(error: unknown): AnyReply {
  const status = error instanceof ApiError ? error.status : 0;
  return {
    ok: false,
    status,
    message: error instanceof Error ? error.message : String(error),
    body: error instanceof ApiError ? error.body : null,
  };
}

/**
 * What the background answers a content script (the caller has checked that the sender is ours).
 * `null` groups mean "nobody is signed in".
 */
export async function answerContentScript(message: unknown): Promise<AnyReply> {
  if (!isRequest(message)) return { ok: false, status: 400, message: 'unknown request' };
  try {
    switch (message.type) {
      case 'nastavnik:my-groups':
        if (!(await getAccessToken())) return { ok: true, value: null };
        return { ok: true, value: await api.visibleGroups() };
      case 'nastavnik:log-meeting': {
        // The same checks the API makes, before anything is queued: a queued meeting the API will refuse is lost work.
        const parsed = meetingCreate.safeParse(message.meeting);
        if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues.map((i) => i.message).join('; ') };
        return { ok: true, value: await submitMeeting(message.meeting) };
      }
    }
  } catch (error) {
    return refusal(error);
  }
}
