// Nothing lost, nothing doubled (issue #14). Every write the person makes — a meeting logged, a
// meeting planned, a plan cancelled — is first kept in extension storage (it survives the service
// worker and the browser), then sent. It is sent again with its own client id until the API
// answers, so a retry after an answer lost on the way creates nothing new (the API is idempotent on
// that id). Sending is retried when the network returns (`online`), on an alarm, and after
// failures with exponential backoff; a write the API refuses (the group was cancelled, bad data)
// stays with the reason, to be fixed or discarded by the person — never dropped silently. The
// toolbar icon shows how many wait.
import { browser } from 'wxt/browser';
import { ApiError, api, OfflineError } from './api.ts';
import { currentSession } from './auth.ts';
import type { SubmitResult } from './messages.ts';
import { type QueuedItem, type QueuedWrite, queueRetryItem, type Refusal, writeQueueItem } from './storage.ts';
import { showQueue } from './toolbar.ts';

export type { SubmitResult };

/** The alarm that sends what waits once the backoff is over (and every minute anyway). */
export const retryAlarm = 'nastavnik:flush-queue';
/** Backoff after a failed round: 1 s, 2 s, 4 s … up to 10 minutes, ±20% so that schools do not retry in step. */
export const backoff = { baseMs: 1_000, maxMs: 10 * 60_000, jitter: 0.2 };
/** A round stops after this many failures in a row (a flaky network fails some requests, a dead one all). */
export const failuresPerRound = 5;

export function backoffDelay(failures: number, random = Math.random()): number {
  const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(delay * (1 - backoff.jitter + 2 * backoff.jitter * random));
}

const idOf = (write: QueuedWrite): string =>
  write.kind === 'log-meeting' ? write.meeting.id : write.kind === 'plan-meeting' ? write.plan.id : write.planId;

function send(write: QueuedWrite): Promise<unknown> {
  switch (write.kind) {
    case 'log-meeting':
      return api.logMeeting(write.meeting);
    case 'plan-meeting':
      return api.planMeeting(write.plan);
    case 'cancel-plan':
      return api.cancelPlannedMeeting(write.planId);
  }
}

type Outcome = 'sent' | 'transient' | 'signed-out' | { refused: Refusal };

async function attempt(write: QueuedWrite): Promise<Outcome> {
  try {
    await send(write);
    return 'sent';
  } catch (error) {
    if (error instanceof OfflineError) return 'transient';
    if (!(error instanceof ApiError)) return 'transient';
    // A proxy's «too many requests» or «timeout» is the network's word, not the API's refusal.
    if ([408, 425, 429].includes(error.status)) return 'transient';
    // Not signed in (or the session expired): it waits for the sign-in, it is not refused.
    if (error.status === 401) return 'signed-out';
    return { refused: { status: error.status, body: error.body, message: error.message, at: Date.now() } };
  }
}

// Every change to the stored queue goes through one chain: a write submitted during a flush is never lost to a race.
let chain: Promise<unknown> = Promise.resolve();
function mutate<T>(change: (items: QueuedItem[]) => { items: QueuedItem[]; result: T }): Promise<T> {
  const next = chain.then(async () => {
    const { items, result } = change(await writeQueueItem.getValue());
    await writeQueueItem.setValue(items);
    await showCount(items);
    return result;
  });
  chain = next.catch(() => undefined);
  return next;
}

function showCount(items: readonly QueuedItem[]): Promise<void> {
  const refused = items.filter((item) => item.refused).length;
  return showQueue(items.length - refused, refused);
}

function update(id: string, change: (item: QueuedItem) => QueuedItem | null): Promise<void> {
  return mutate((items) => ({
    items: items.flatMap((item) => {
      if (item.id !== id) return [item];
      const changed = change(item);
      return changed ? [changed] : [];
    }),
    result: undefined,
  }));
}

/** What one attempt did to the stored item: gone when sent, marked when refused, counted otherwise. */
function settle(id: string, outcome: Outcome, error: string | null): Promise<void> {
  return update(id, (item) => {
    if (outcome === 'sent') return null;
    const attempts = item.attempts + 1;
    if (typeof outcome === 'object') return { ...item, attempts, refused: outcome.refused, lastError: outcome.refused.message };
    return { ...item, attempts, lastError: error };
  });
}

// Writes being sent right now by their own submission: a flush leaves them alone.
const inFlight = new Set<string>();
let retryTimer: ReturnType<typeof setTimeout> | undefined;

async function recordRound(failed: boolean): Promise<void> {
  const { failures } = await queueRetryItem.getValue();
  if (!failed) {
    if (failures) await queueRetryItem.setValue({ failures: 0, notBefore: 0 });
    return;
  }
  const notBefore = Date.now() + backoffDelay(failures + 1);
  await queueRetryItem.setValue({ failures: failures + 1, notBefore });
  // While the service worker lives a timer is on time; the alarm wakes it when it has gone to sleep.
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushQueue(), notBefore - Date.now());
  await browser.alarms.create(retryAlarm, { when: Math.max(notBefore, Date.now() + 30_000), periodInMinutes: 1 });
}

/**
 * Keeps the write (before anything is sent), then sends it: `saved` when the API took it,
 * `queued` when it could not be reached. A refusal throws the API's reason (the form shows it) and
 * the write stays in the queue, refused, until it is fixed (sent again with the same id) or discarded.
 */
export async function submit(write: QueuedWrite): Promise<SubmitResult> {
  const id = idOf(write);
  const owner = (await currentSession())?.email ?? '';
  await mutate((items) => {
    const kept = items.filter((item) => item.id !== id);
    return { items: [...kept, { id, write, owner, queuedAt: Date.now(), attempts: 0, lastError: null, refused: null }], result: undefined };
  });
  inFlight.add(id);
  let outcome: Outcome;
  try {
    outcome = await attempt(write);
  } finally {
    inFlight.delete(id);
  }
  await settle(id, outcome, outcome === 'transient' ? 'offline' : null);
  if (outcome === 'sent') {
    await recordRound(false);
    void flushQueue();
    return { status: 'saved' };
  }
  if (typeof outcome === 'object') {
    const { status, body, message } = outcome.refused;
    throw body ? new ApiError(status, body) : Object.assign(new ApiError(status, null), { message });
  }
  if (outcome === 'transient') await recordRound(true);
  return { status: 'queued' };
}

let flushing: Promise<number> | undefined;

/**
 * Sends what waits, oldest first, one at a time; answers how many still wait (refused ones
 * included). Waits out the backoff unless `force` (the network came back, the person asked). One
 * flush at a time.
 */
export function flushQueue(options: { force?: boolean } = {}): Promise<number> {
  flushing ??= (async () => {
    try {
      const retry = await queueRetryItem.getValue();
      const items = await writeQueueItem.getValue();
      // Another person's writes wait for them: never sent with someone else's session.
      const email = (await currentSession())?.email;
      const pending = items.filter((item) => !item.refused && (!item.owner || item.owner === email));
      if (pending.length === 0 || (!options.force && Date.now() < retry.notBefore)) {
        await showCount(items);
        return items.length;
      }
      let inARow = 0;
      let sentAny = false;
      for (const item of pending) {
        if (inFlight.has(item.id)) continue;
        const outcome = await attempt(item.write);
        await settle(item.id, outcome, outcome === 'transient' ? 'offline' : null);
        if (outcome === 'signed-out') break;
        if (outcome === 'transient') {
          inARow += 1;
          if (inARow >= failuresPerRound) break;
          continue;
        }
        inARow = 0;
        sentAny = true;
      }
      // A round that sent something resets the backoff; one that only failed makes the next wait longer.
      if (sentAny || inARow === 0) await recordRound(false);
      else await recordRound(true);
      const left = await writeQueueItem.getValue();
      // The round sent some and failed some (a flaky network): go on at once with what is left.
      if (sentAny && left.some((item) => !item.refused)) setTimeout(() => void flushQueue(), 0);
      return left.length;
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** Everything in the queue, for the popup: what waits and what was refused (with why). */
export function queuedItems(): Promise<QueuedItem[]> {
  return writeQueueItem.getValue();
}

/** The person gave up a refused (or waiting) write: removed. Answers how many are left. */
export async function discard(id: string): Promise<number> {
  await update(id, () => null);
  return (await writeQueueItem.getValue()).length;
}

/** Draws the count on the toolbar icon from storage (a restarted browser, a woken service worker). */
export async function showQueuedCount(): Promise<void> {
  await showCount(await writeQueueItem.getValue());
}
