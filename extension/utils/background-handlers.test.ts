// The background as the one owner of the session, the API client and the offline queue, run on
// WXT's fake browser (its storage is real enough for the items): every other context only asks.
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';

// WXT's fake browser as `chrome`, and a test API (fake-extension.ts), before the modules under test load.
await vi.hoisted(() => import('./fake-extension.ts'));

const { fakeBrowser } = await import('wxt/testing/fake-browser');
const { answer } = await import('./background-handlers.ts');
const { sessionItem } = await import('./storage.ts');
const { forgetLoaded, queuedItems } = await import('./queue.ts');
const { protocol, requestAccess } = await import('./messages.ts');
type Replies = import('./messages.ts').Replies;

const id = fakeBrowser.runtime.id;
const popup = { id, url: `chrome-extension://${id}/popup.html`, documentId: 'popup' };
const options = { id, url: `chrome-extension://${id}/options.html`, documentId: 'options' };
const contentScript = { id, url: 'https://school17.moodlecloud.com/user/index.php?id=42', tab: { id: 7 }, frameId: 0 };
const strayFrame = { id, url: `chrome-extension://${id}/pair-panel.html`, tab: { id: 7 }, frameId: 3, documentId: 'stray' };

const session = {
  access_token: 'token-1',
  expires_at: Math.floor(Date.now() / 1000) + 3600,
  email: 'ivanova@school17.example.ru',
  name: 'Иванова',
};
const meeting = {
  id: '7d8c2b1e-5d2a-4f4e-9a51-6f1d6a3f0c11',
  group_id: '0b3e6a55-2c3c-4d0e-8a5f-3b9d3b1f2e22',
  kind: 'working',
  held_on: new Date().toISOString().slice(0, 10),
  duration_minutes: 45,
};

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  fakeBrowser.reset();
  forgetLoaded();
  vi.unstubAllGlobals();
});

describe('the background service', () => {
  it('declares every request once, with who may send it', () => {
    expect(Object.keys(requestAccess)).toEqual(Object.keys(protocol));
    // Content scripts: the badges, the launcher, asking for a panel and closing it; nothing else.
    expect(
      Object.entries(requestAccess)
        .filter(([, access]) => access !== 'extension-page')
        .map(([type]) => type)
        .sort(),
    ).toEqual([
      'nastavnik:badge-people',
      'nastavnik:badge-people-cached',
      'nastavnik:close-panel',
      'nastavnik:open-panel',
      'nastavnik:runs-programme',
    ]);
    expectTypeOf<Replies['nastavnik:flush-queue']>().toEqualTypeOf<number>();
    expectTypeOf<Replies['nastavnik:badge-people']>().not.toBeNever();
  });

  it('refuses content scripts every write and the session, and frames that hold no panel', async () => {
    for (const message of [
      { type: 'nastavnik:log-meeting', meeting },
      { type: 'nastavnik:session' },
      { type: 'nastavnik:dev-sign-in', email: session.email },
      { type: 'nastavnik:flush-queue' },
      { type: 'nastavnik:sign-out' },
    ]) {
      expect(await answer(message, contentScript)).toMatchObject({ ok: false, status: 403 });
      expect(await answer(message, strayFrame)).toMatchObject({ ok: false, status: 403 });
    }
    expect(await queuedItems()).toEqual([]);
  });

  it('signs in and out: the session it writes is the one the overlay watches', async () => {
    const fetch = vi.fn(async () => json(session));
    vi.stubGlobal('fetch', fetch);
    const seen: unknown[] = [];
    sessionItem.watch((value) => seen.push(value));
    expect(await answer({ type: 'nastavnik:session' }, options)).toEqual({ ok: true, value: null });
    expect(await answer({ type: 'nastavnik:dev-sign-in', email: session.email }, options)).toEqual({ ok: true, value: session });
    expect(await sessionItem.getValue()).toEqual(session);
    expect(await answer({ type: 'nastavnik:session' }, popup)).toEqual({ ok: true, value: session });
    expect(await answer({ type: 'nastavnik:sign-out' }, options)).toEqual({ ok: true, value: null });
    expect(await sessionItem.getValue()).toBeNull();
    await vi.waitFor(() => expect(seen).toEqual([session, null]));
    expect(await answer({ type: 'nastavnik:dev-sign-in', email: '' }, options)).toMatchObject({ ok: false, status: 400 });
  });

  it('keeps a meeting logged offline in its queue and sends it when the API answers again', async () => {
    await sessionItem.setValue(session);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await answer({ type: 'nastavnik:log-meeting', meeting }, popup)).toEqual({ ok: true, value: { status: 'queued' } });
    // The same meeting twice is queued once (the API's idempotency keys on its id).
    await answer({ type: 'nastavnik:log-meeting', meeting }, popup);
    expect((await queuedItems()).map((item) => item.id)).toEqual([meeting.id]);
    expect(await answer({ type: 'nastavnik:flush-queue' }, popup)).toEqual({ ok: true, value: 1 });

    const sent = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => json({ ...meeting }, 201));
    vi.stubGlobal('fetch', sent);
    // The backoff after the failure waits; the person's «Отправить сейчас» (force) does not.
    expect(await answer({ type: 'nastavnik:flush-queue' }, popup)).toEqual({ ok: true, value: 1 });
    expect(await answer({ type: 'nastavnik:flush-queue', force: true }, popup)).toEqual({ ok: true, value: 0 });
    expect(sent).toHaveBeenCalledOnce();
    const [url, init] = sent.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://api.test/meetings');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer token-1');
    expect(await queuedItems()).toEqual([]);
  });

  it.each([500, 502, 503])('keeps a meeting the API answered %i in its queue, then sends it once', async (status) => {
    await sessionItem.setValue(session);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'internal', message: 'Ошибка', message_en: 'Error' } }, status)),
    );
    expect(await answer({ type: 'nastavnik:log-meeting', meeting }, popup)).toEqual({ ok: true, value: { status: 'queued' } });
    expect(await answer({ type: 'nastavnik:flush-queue' }, popup)).toEqual({ ok: true, value: 1 });
    expect((await queuedItems()).map((item) => item.id)).toEqual([meeting.id]);

    const sent = vi.fn(async () => json({ ...meeting }, 201));
    vi.stubGlobal('fetch', sent);
    // The backoff after the failure waits; the person's «Отправить сейчас» (force) does not.
    expect(await answer({ type: 'nastavnik:flush-queue' }, popup)).toEqual({ ok: true, value: 1 });
    expect(await answer({ type: 'nastavnik:flush-queue', force: true }, popup)).toEqual({ ok: true, value: 0 });
    expect(await answer({ type: 'nastavnik:flush-queue' }, popup)).toEqual({ ok: true, value: 0 });
    expect(sent).toHaveBeenCalledOnce();
    expect(await queuedItems()).toEqual([]);
  });

  it('checks a meeting before it queues it: one the API would refuse is never kept', async () => {
    await sessionItem.setValue(session);
    expect(await answer({ type: 'nastavnik:log-meeting', meeting: { ...meeting, duration_minutes: 1 } }, popup)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await queuedItems()).toEqual([]);
  });

  it('forgets a session the API refuses, and says so to every context', async () => {
    await sessionItem.setValue(session);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'unauthorized', message: 'Нет', message_en: 'No' } }, 401)),
    );
    expect(await answer({ type: 'nastavnik:check-session' }, options)).toMatchObject({ ok: false, status: 401 });
    expect(await sessionItem.getValue()).toBeNull();
    expect(await answer({ type: 'nastavnik:session' }, popup)).toEqual({ ok: true, value: null });
  });
});
