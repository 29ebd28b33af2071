// Nothing lost, nothing doubled: a meeting that cannot be sent now waits in extension storage and
// is sent again with the same client id until the API answers. The API's idempotency makes every
// retry safe.
import type { MeetingCreate } from '../../shared/api/meetings.ts';
import { ApiError, api, OfflineError } from './api.ts';
import type { SubmitResult } from './messages.ts';
import { meetingQueueItem } from './storage.ts';

export type { SubmitResult };

/** Sends a meeting now, or keeps it for later when the API cannot be reached. Refusals throw. */
export async function submitMeeting(meeting: MeetingCreate): Promise<SubmitResult> {
  try {
    await api.logMeeting(meeting);
    return { status: 'saved' };
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    const queue = await meetingQueueItem.getValue();
    if (!queue.some((item) => item.meeting.id === meeting.id)) {
      await meetingQueueItem.setValue([...queue, { meeting, queuedAt: Date.now(), attempts: 1, lastError: error.message }]);
    }
    return { status: 'queued' };
  }
}

let flushing: Promise<number> | undefined;

/** Sends what waits, oldest first; returns how many are still waiting. One flush at a time. */
export function flushQueue(): Promise<number> {
  flushing ??= (async () => {
    try {
      for (const item of await meetingQueueItem.getValue()) {
        let keep = false;
        let lastError: string | null = null;
        try {
          await api.logMeeting(item.meeting);
        } catch (error) {
          // Offline or a 5xx: try again later. A refusal (4xx) will never succeed: drop it, keep why.
          keep = error instanceof OfflineError || (error instanceof ApiError && error.status === 401);
          lastError = error instanceof Error ? error.message : String(error);
          if (!keep) console.warn('[nastavnik] a queued meeting was refused and dropped:', lastError);
        }
        const rest = (await meetingQueueItem.getValue()).filter((queued) => queued.meeting.id !== item.meeting.id);
        await meetingQueueItem.setValue(keep ? [...rest, { ...item, attempts: item.attempts + 1, lastError }] : rest);
        if (keep) break;
      }
      return (await meetingQueueItem.getValue()).length;
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}
