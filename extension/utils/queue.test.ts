// The queue on WXT's fake browser and a fake clock: kept across restarts, sent with backoff, retried
// with the same client id after a lost answer (nothing doubled), refusals kept with their reason,
// and the count on the toolbar icon.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// WXT's fake browser as `chrome`, and a test API (fake-extension.ts), before the modules under test load.
await vi.hoisted(() => import('./fake-extension.ts'));

const { fakeBrowser } = await import('wxt/testing/fake-browser');
const { backoffDelay, discard, flushQueue, forgetLoaded, queuedItems, submit, retryAlarm } = await import('./queue.ts');
const { legacyQueueItem, queueRetryItem, sessionItem } = await import('./storage.ts');

const start = new Date('2026-12-02T10:00:00+03:00');
const session = {
  access_token: 'token-1',
  expires_at: Math.floor(start.getTime() / 1000) + 86_400,
  email: 'novikova@school',
  name: 'Новикова',
};
const meeting = (n: number) => ({
  id: `7d8c2b1e-5d2a-4f4e-9a51-6f1d6a3f${String(n).padStart(4, '0')}`,
  group_id: '0b3e6a55-2c3c-4d0e-8a5f-3b9d3b1f2e22',
  kind: 'working' as const,
  held_on: '2026-12-01',
  duration_minutes: 45,
});
const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
const badge = () => fakeBrowser.action.getBadgeText({});

/** A server that stores meetings by id (as the API does) and can be told to fail in the ways networks fail. */
function server() {
  const stored = new Map<string, unknown>();
  let mode: 'down' | 'up' | 'drop-after-commit' | '503' | 'refuse' = 'up';
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === '503') return json({ error: { code: 'internal', message: 'Ошибка', message_en: 'Error' } }, 503);
    if (mode === 'refuse')
      return json({ error: { code: 'forbidden', message: 'Группа отменена', message_en: 'The group was cancelled' } }, 403);
    if (init?.method === 'DELETE') return json({ ok: true });
    const body = JSON.parse(String(init?.body)) as { id: string };
    const created = !stored.has(body.id);
    stored.set(body.id, body);
    // Committed, and then the answer is lost on the way back.
    if (mode === 'drop-after-commit') throw new TypeError('Failed to fetch');
    return json(body, created ? 201 : 200);
  });
  return { stored, fetch, set: (next: typeof mode) => (mode = next) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  forgetLoaded();
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(start);
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  await sessionItem.setValue(session);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the queue', () => {
  it('waits 1 s, 2 s, 4 s … up to 10 minutes between failed rounds', () => {
    expect([1, 2, 3, 4, 9, 30].map((failures) => backoffDelay(failures, 0.5))).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000]);
    // ±20% so that a school's browsers do not all retry in the same second.
    expect(backoffDelay(1, 0)).toBe(800);
    expect(backoffDelay(1, 1)).toBe(1200);
  });

  it('keeps writes made offline, shows their count on the icon, and sends them once the backoff is over', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('down');
    expect(await submit({ kind: 'log-meeting', meeting: meeting(1) })).toEqual({ status: 'queued' });
    expect(await submit({ kind: 'log-meeting', meeting: meeting(2) })).toEqual({ status: 'queued' });
    expect(await badge()).toBe('2');
    // Each was tried at once (a person's write always is), and each failure made the backoff longer.
    expect(api.fetch).toHaveBeenCalledTimes(2);
    const retry = await queueRetryItem.getValue();
    expect(retry.failures).toBe(2);
    expect(retry.notBefore - Date.now()).toBe(2000);
    expect((await fakeBrowser.alarms.get(retryAlarm))?.scheduledTime).toBeGreaterThanOrEqual(retry.notBefore);

    // Inside the backoff the automatic rounds try nothing.
    expect(await flushQueue()).toBe(2);
    expect(api.fetch).toHaveBeenCalledTimes(2);

    // A round that fails again waits twice as long (the backoff timer runs the round).
    await vi.advanceTimersByTimeAsync(2000);
    expect((await queueRetryItem.getValue()).failures).toBe(3);
    expect((await queueRetryItem.getValue()).notBefore - Date.now()).toBe(4000);

    // The network is back: the timer's next round sends both, and the icon clears.
    api.set('up');
    await vi.advanceTimersByTimeAsync(4000);
    expect(await queuedItems()).toEqual([]);
    expect([...api.stored.keys()].sort()).toEqual([meeting(1).id, meeting(2).id]);
    expect(await badge()).toBe('');
    expect(await queueRetryItem.getValue()).toEqual({ failures: 0, notBefore: 0 });
  });

  it('survives a restart of the browser: the queue is in storage, not in memory', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('down');
    await submit({ kind: 'log-meeting', meeting: meeting(3) });
    // A new service worker: nothing in memory, everything in storage.
    forgetLoaded();
    api.set('up');
    expect(await flushQueue({ force: true })).toBe(0);
    expect([...api.stored.keys()]).toEqual([meeting(3).id]);
  });

  it('moves a queue kept as one list (version 1) into its own keys, and sends it', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    await legacyQueueItem.setValue([{ meeting: meeting(20), queuedAt: 1, attempts: 3, lastError: 'HTTP 503' }]);
    forgetLoaded();
    expect((await queuedItems()).map((item) => [item.id, item.write.kind, item.refused])).toEqual([[meeting(20).id, 'log-meeting', null]]);
    expect(await legacyQueueItem.getValue()).toEqual([]);
    expect(await flushQueue()).toBe(0);
    expect([...api.stored.keys()]).toEqual([meeting(20).id]);
  });

  it('sends a write again with the same id after its answer was lost: the server holds it once', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('drop-after-commit');
    expect(await submit({ kind: 'log-meeting', meeting: meeting(4) })).toEqual({ status: 'queued' });
    expect(api.stored.size).toBe(1);
    api.set('up');
    expect(await flushQueue({ force: true })).toBe(0);
    expect(api.stored.size).toBe(1);
    const ids = api.fetch.mock.calls.map(([, init]) => (JSON.parse(String(init?.body)) as { id: string }).id);
    expect(ids).toEqual([meeting(4).id, meeting(4).id]);
  });

  it('goes on through a flaky network (some 5xx) and stops a round once five failed in a row', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('down');
    for (let n = 10; n < 20; n++) await submit({ kind: 'log-meeting', meeting: meeting(n) });
    api.set('503');
    const before = api.fetch.mock.calls.length;
    expect(await flushQueue({ force: true })).toBe(10);
    // Meetings go four at a time: the round stops after the batch that made five failures in a row.
    expect(api.fetch.mock.calls.length - before).toBe(8);
    // Every other request fails: the round still sends everything.
    let n = 0;
    const flaky = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      n += 1;
      return n % 2 ? json({}, 502) : api.fetch(url, init);
    });
    api.set('up');
    vi.stubGlobal('fetch', flaky);
    await flushQueue({ force: true });
    await vi.runAllTimersAsync();
    expect(await queuedItems()).toEqual([]);
    expect(api.stored.size).toBe(10);
  });

  it('keeps a refused write with the reason, tries it no more, and lets the person discard it', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('down');
    await submit({ kind: 'log-meeting', meeting: meeting(5) });
    api.set('refuse');
    expect(await flushQueue({ force: true })).toBe(1);
    const [item] = await queuedItems();
    expect(item?.refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'Группа отменена' } } });
    expect(await badge()).toBe('1');
    const calls = api.fetch.mock.calls.length;
    await flushQueue({ force: true });
    expect(api.fetch.mock.calls.length).toBe(calls);
    // Refused at once when submitted online: the form hears why, and the write stays to be fixed.
    await expect(submit({ kind: 'log-meeting', meeting: meeting(6) })).rejects.toMatchObject({ status: 403 });
    expect((await queuedItems()).map((i) => i.id)).toEqual([meeting(5).id, meeting(6).id]);
    // Fixed (sent again with the same id) it leaves the queue; discarded it is gone.
    api.set('up');
    expect(await submit({ kind: 'log-meeting', meeting: { ...meeting(6), duration_minutes: 60 } })).toEqual({ status: 'saved' });
    expect(await discard(meeting(5).id)).toBe(0);
    expect(await badge()).toBe('');
  });

  it('sends a person’s writes only with their own session', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('down');
    await submit({ kind: 'log-meeting', meeting: meeting(7) });
    await sessionItem.setValue({ ...session, email: 'someone.else@school' });
    api.set('up');
    // Not sent, not shown, not counted, not discardable by the next person.
    expect(await flushQueue({ force: true })).toBe(0);
    expect(await queuedItems()).toEqual([]);
    expect(await badge()).toBe('');
    expect(await discard(meeting(7).id)).toBe(0);
    expect(api.stored.size).toBe(0);
    await sessionItem.setValue(session);
    expect(await flushQueue({ force: true })).toBe(0);
    expect(api.stored.size).toBe(1);
  });

  it('queues plans and cancellations like meetings', async () => {
    const api = server();
    vi.stubGlobal('fetch', api.fetch);
    api.set('down');
    const plan = { ...meeting(8), starts_at: '2026-12-03T15:30:00+03:00' };
    await submit({ kind: 'plan-meeting', plan });
    await submit({ kind: 'cancel-plan', planId: meeting(9).id, groupId: plan.group_id });
    api.set('up');
    expect(await flushQueue({ force: true })).toBe(0);
    const urls = api.fetch.mock.calls.slice(-2).map(([url, init]) => `${init?.method} ${String(url)}`);
    expect(urls).toEqual(['POST http://api.test/planned-meetings', `DELETE http://api.test/planned-meetings/${meeting(9).id}`]);
  });
});
