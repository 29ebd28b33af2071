// Nothing lost, nothing doubled (issue #14). Every write the person makes — a meeting logged, a
// meeting planned, a plan cancelled, a journal reading saved as outcomes (issue #13) — is first
// kept in extension storage (it survives the service worker and the browser), then sent. It is sent again with its own client id until the API
// answers, so a retry after an answer lost on the way creates nothing new (the API is idempotent on
// that id). Sending is retried when the network returns (`online`), on an alarm, and after
// failures with exponential backoff; a write the API refuses (the group was cancelled, bad data)
// stays with the reason, to be fixed or discarded by the person — never dropped silently. The
// toolbar icon shows how many wait.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { ApiError, api, OfflineError } from './api.ts';
import { currentSession } from './auth.ts';
import type { SubmitResult } from './messages.ts';
import { legacyQueueItem, type QueuedItem, type QueuedWrite, queueKey, queueKeyPrefix, queueRetryItem, type Refusal } from './storage.ts';
import { showQueue } from './toolbar.ts';

export type { SubmitResult };

/** The alarm that sends what waits once the backoff is over (and every minute anyway). */
export const retryAlarm = 'nastavnik:flush-queue';
/** Backoff after a failed round: 1 s, 2 s, 4 s … up to 5 minutes, ±20% so that schools do not retry in step. */
export const backoff = { baseMs: 1_000, maxMs: 5 * 60_000, jitter: 0.2 };
/** A round stops after this many failures in a row (a flaky network fails some requests, a dead one all). */
export const failuresPerRound = 5;
/** Meetings are independent: a round sends this many at once. Plans and cancellations go one by one, in order. */
export const sendAtOnce = 4;

export function backoffDelay(failures: number, random = Math.random()): number {
  const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(delay * (1 - backoff.jitter + 2 * backoff.jitter * random));
}

function idOf(write: QueuedWrite): string {
  switch (write.kind) {
    case 'log-meeting':
      return write.meeting.id;
    case 'plan-meeting':
      return write.plan.id;
    case 'cancel-plan':
      return write.planId;
    case 'record-outcome':
      return write.outcome.id;
  }
}

function send(write: QueuedWrite): Promise<unknown> {
  switch (write.kind) {
    case 'log-meeting':
      return api.logMeeting(write.meeting);
    case 'plan-meeting':
      return api.planMeeting(write.plan);
    case 'cancel-plan':
      return api.cancelPlannedMeeting(write.planId);
    case 'record-outcome':
      return api.recordOutcome(write.outcome);
  }
}

/** Whether `newer` is the same outcome (programme, person, group, metric, subject) with every phase `older` sets. */
export function supersedes(newer: QueuedWrite, older: QueuedWrite): boolean {
  if (newer.kind !== 'record-outcome' || older.kind !== 'record-outcome') return false;
  const [a, b] = [newer.outcome, older.outcome];
  const phases = (o: typeof a) => (['value_before', 'value_after'] as const).filter((phase) => o[phase] !== undefined);
  return (
    a.programme_id === b.programme_id &&
    a.person_id !== undefined &&
    a.person_id === b.person_id &&
    (a.group_id ?? null) === (b.group_id ?? null) &&
    a.metric_key === b.metric_key &&
    (a.subject ?? null) === (b.subject ?? null) &&
    phases(b).every((phase) => phases(a).includes(phase))
  );
}

type Outcome = 'sent' | 'transient' | 'signed-out' | { refused: Refusal };

async function attempt(write: QueuedWrite): Promise<Outcome> {
  try {
    await send(write);
    return 'sent';
  } catch (error) {
    if (error instanceof OfflineError || !(error instanceof ApiError)) return 'transient';
    // A proxy's «too many requests» or «timeout» is the network's word, not the API's refusal.
    if ([408, 425, 429].includes(error.status)) return 'transient';
    // Not signed in (or the session expired): it waits for the sign-in, it is not refused.
    if (error.status === 401) return 'signed-out';
    return { refused: { status: error.status, body: error.body, message: error.message, at: Date.now() } };
  }
}

// The background is the queue's only reader and writer: it keeps the items in memory, loaded once
// from storage, and writes each change of an item through to that item's own key before it answers.
let loaded: Promise<Map<string, QueuedItem>> | undefined;
function items(): Promise<Map<string, QueuedItem>> {
  loaded ??= (async () => {
    const stored = await storage.snapshot('local');
    const found = Object.entries(stored)
      .filter(([key]) => key.startsWith(queueKeyPrefix))
      .map(([, item]) => item as QueuedItem);
    // A queue kept as one list (before per-item keys): moved over once.
    const legacy = (await legacyQueueItem.getValue()).map(
      ({ meeting, ...rest }): QueuedItem => ({
        id: meeting.id,
        write: { kind: 'log-meeting', meeting },
        owner: '',
        ...rest,
        refused: null,
      }),
    );
    if (legacy.length) {
      await storage.setItems(legacy.map((item) => ({ key: queueKey(item.id), value: item })));
      await legacyQueueItem.removeValue();
      found.push(...legacy);
    }
    found.sort((a, b) => a.queuedAt - b.queuedAt);
    return new Map(found.map((item) => [item.id, item]));
  })();
  return loaded;
}

/** Whose writes the person signed in now sees, sends and counts: their own (and those queued before owners were kept). */
async function mine(): Promise<QueuedItem[]> {
  const email = (await currentSession())?.email;
  return [...(await items()).values()].filter((item) => !item.owner || item.owner === email);
}

async function showCount(): Promise<void> {
  const all = await mine();
  const refused = all.filter((item) => item.refused).length;
  const results = all.filter((item) => !item.refused && item.write.kind === 'record-outcome').length;
  await showQueue(all.length - refused, refused, results);
}

/** Writes one item's change through to storage (null: gone), then the count on the icon. */
async function put(id: string, item: QueuedItem | null): Promise<void> {
  const map = await items();
  if (item) {
    map.set(id, item);
    await storage.setItem(queueKey(id), item);
  } else {
    map.delete(id);
    await storage.removeItem(queueKey(id));
  }
  await showCount();
}

/** What one attempt did to the kept item: gone when sent, marked when refused, counted otherwise. */
async function settle(item: QueuedItem, outcome: Outcome): Promise<void> {
  if (outcome === 'sent') return put(item.id, null);
  const current = (await items()).get(item.id) ?? item;
  const attempts = current.attempts + 1;
  if (typeof outcome === 'object')
    return put(item.id, { ...current, attempts, refused: outcome.refused, lastError: outcome.refused.message });
  return put(item.id, { ...current, attempts, lastError: outcome });
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

const waitingOut = async () => Date.now() < (await queueRetryItem.getValue()).notBefore;

/**
 * Keeps the write (before anything is sent), then sends it: `saved` when the API took it,
 * `queued` when it could not be reached. A refusal throws the API's reason (the form shows it) and the write stays in the
 * queue, refused, until it is fixed (sent again with the same id) or discarded.
 */
export async function submit(write: QueuedWrite): Promise<SubmitResult> {
  const id = idOf(write);
  const owner = (await currentSession())?.email ?? '';
  // A newer reading of the same outcome and phase replaces one still waiting: sent after it, the
  // older would overwrite it (the API updates the outcome on its key).
  for (const waiting of await mine())
    if (!inFlight.has(waiting.id) && waiting.id !== id && supersedes(write, waiting.write)) await put(waiting.id, null);
  const item: QueuedItem = { id, write, owner, queuedAt: Date.now(), attempts: 0, lastError: null, refused: null };
  await put(id, item);
  // The person's own write is always tried at once (it is how a mentor learns the network is back);
  // the automatic rounds are what the backoff holds back.
  inFlight.add(id);
  let outcome: Outcome;
  try {
    outcome = await attempt(write);
  } finally {
    inFlight.delete(id);
  }
  await settle(item, outcome);
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

/** The next writes to send together: meetings several at once, a plan or a cancellation alone (their order matters). */
function nextBatch(pending: QueuedItem[]): QueuedItem[] {
  if (pending[0]?.write.kind !== 'log-meeting') return pending.slice(0, 1);
  const batch: QueuedItem[] = [];
  for (const item of pending) {
    if (item.write.kind !== 'log-meeting' || batch.length === sendAtOnce) break;
    batch.push(item);
  }
  return batch;
}

let flushing: Promise<number> | undefined;

/**
 * Sends what waits, oldest first; answers how many still wait (refused ones included). Waits out
 * the backoff unless `force` (the network came back, the person asked: the backoff starts over).
 * One flush at a time.
 */
export function flushQueue(options: { force?: boolean } = {}): Promise<number> {
  flushing ??= (async () => {
    try {
      if (options.force) await recordRound(false);
      // Another person's writes wait for them: never sent with someone else's session, nor shown to them.
      const pending = (await mine()).filter((item) => !item.refused && !inFlight.has(item.id));
      if (pending.length === 0 || (await waitingOut())) {
        await showCount();
        return (await mine()).length;
      }
      let inARow = 0;
      let sentAny = false;
      let signedOut = false;
      while (pending.length > 0 && inARow < failuresPerRound && !signedOut) {
        const batch = nextBatch(pending);
        pending.splice(0, batch.length);
        const outcomes = await Promise.all(batch.map((item) => attempt(item.write)));
        for (const [index, outcome] of outcomes.entries()) {
          await settle(batch[index] as QueuedItem, outcome);
          if (outcome === 'signed-out') signedOut = true;
          else if (outcome === 'transient') inARow += 1;
          else {
            inARow = 0;
            sentAny = true;
          }
        }
      }
      // A round that sent something resets the backoff; one that only failed makes the next wait longer.
      await recordRound(!sentAny && inARow > 0);
      const left = await mine();
      // The round sent some and failed some (a flaky network): go on at once with what is left.
      if (sentAny && !signedOut && left.some((item) => !item.refused)) setTimeout(() => void flushQueue(), 0);
      return left.length;
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** The signed-in person's writes in the queue, oldest first, for the popup: what waits and what was refused (with why). */
export const queuedItems = mine;

/** The person gave up one of their writes (a refused one, most often): removed. Answers how many of theirs are left. */
export async function discard(id: string): Promise<number> {
  if ((await mine()).some((item) => item.id === id)) await put(id, null);
  return (await mine()).length;
}

/** Draws the count on the toolbar icon from storage (a restarted browser, a woken service worker). */
export const showQueuedCount = showCount;

/** For tests: forget what is in memory, as a restarted service worker would. */
export function forgetLoaded(): void {
  loaded = undefined;
}
