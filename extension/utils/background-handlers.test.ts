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
type OutcomeCreate = import('./messages.ts').OutcomeCreate;

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
      'nastavnik:adapter-fallback',
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

  it('counts an adapter fallback with the API once a day, with the host the browser gives and nobody’s name', async () => {
    await sessionItem.setValue(session);
    const sent = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => json({ counted: true, count: 1 }));
    vi.stubGlobal('fetch', sent);
    const report = { site: 'moodle', pageKind: 'participants' };
    expect(await answer({ type: 'nastavnik:adapter-fallback', report }, contentScript)).toEqual({ ok: true, value: null });
    expect(await answer({ type: 'nastavnik:adapter-fallback', report }, contentScript)).toEqual({ ok: true, value: null });
    expect(sent).toHaveBeenCalledOnce();
    const [url, init] = sent.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://api.test/telemetry/adapter-fallback');
    expect(JSON.parse(String(init?.body))).toEqual({ site: 'moodle', host: 'school17.moodlecloud.com', page_kind: 'participants' });
    // What a page's script might slip in is refused before anything is sent.
    const forged = { type: 'nastavnik:adapter-fallback', report: { ...report, host: 'evil.example', name: 'Иванов Лев' } };
    expect(await answer(forged, contentScript)).toMatchObject({ ok: false, status: 400 });
    expect(await answer({ type: 'nastavnik:adapter-fallback', report: { site: 'Moodle!', pageKind: 'x' } }, contentScript)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(sent).toHaveBeenCalledOnce();
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

  it('passes the dashboard API calls with the session, and only for pages of its own', async () => {
    await sessionItem.setValue(session);
    const dashboard = { id, url: `chrome-extension://${id}/dashboard.html`, tab: { id: 9 }, frameId: 0, documentId: 'dash' };
    const sent = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json', etag: '"5"' } }),
    );
    vi.stubGlobal('fetch', sent);
    const call = { method: 'PATCH', path: '/checklist-items/1', body: '{"done":true}', ifMatch: '"4"' };
    expect(await answer({ type: 'nastavnik:api', call }, dashboard)).toEqual({
      ok: true,
      value: { status: 200, body: '{"items":[]}', base64: false, etag: '"5"', contentType: 'application/json' },
    });
    const [url, init] = sent.mock.calls[0] ?? [];
    expect(url).toBe('http://api.test/checklist-items/1');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer token-1');
    expect(new Headers(init?.headers).get('if-match')).toBe('"4"');

    // A file crosses as base64.
    sent.mockImplementationOnce(
      async () => new Response(new Uint8Array([0x50, 0x4b, 3, 4]), { headers: { 'content-type': 'application/zip' } }),
    );
    expect(await answer({ type: 'nastavnik:api', call: { method: 'GET', path: '/x' } }, dashboard)).toMatchObject({
      ok: true,
      value: { base64: true, body: 'UEsDBA==' },
    });

    // Never to a content script or a frame (even one holding a panel), never a path off the API.
    expect(await answer({ type: 'nastavnik:api', call }, contentScript)).toMatchObject({ ok: false, status: 403 });
    expect(await answer({ type: 'nastavnik:api', call }, strayFrame)).toMatchObject({ ok: false, status: 403 });
    for (const path of ['//evil.example/x', 'https://evil.example/', '/a/../../b', '\\evil']) {
      expect(await answer({ type: 'nastavnik:api', call: { method: 'GET', path } }, dashboard)).toMatchObject({ ok: false, status: 400 });
    }
    expect(await answer({ type: 'nastavnik:api', call: { method: 'TRACE', path: '/x' } }, dashboard)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(sent).toHaveBeenCalledTimes(2);
  });

  describe('a journal reading (issue 13): asked by the pair panel frame, read by the tab, figures only', () => {
    const mentee = '5b0c1c52-8f59-4c1a-9a0e-2f4a8d1e7a10';
    const pairFrame = { id, url: `chrome-extension://${id}/pair-panel.html`, tab: { id: 7 }, frameId: 4, documentId: 'pair' };
    const read = {
      status: 'read',
      site: 'dnevnik-ru',
      subject: 'Физика',
      period: 'II четверть',
      lessons: [
        { on: '2026-11-11', grades: [5], absent: false },
        { on: '2026-11-18', grades: [], absent: true },
        { on: null, grades: [5], absent: false },
      ],
    };
    const lesson = { on: '2026-11-11', grades: [5], absent: false };
    // The fake's sendMessage answers nothing (void): typed here as the browser's, which answers what the tab says.
    const tabs = fakeBrowser.tabs as unknown as { sendMessage: (...args: unknown[]) => Promise<unknown> };
    const openPair = async () => {
      await answer({ type: 'nastavnik:open-panel', request: { panel: 'pair', personIds: [mentee] } }, contentScript);
      expect(await answer({ type: 'nastavnik:panel' }, pairFrame)).toMatchObject({ ok: true, value: { panel: 'pair' } });
    };

    it('asks the frame’s own tab for that mentee, and passes on only a well-formed answer', async () => {
      await openPair();
      const tab = vi.spyOn(tabs, 'sendMessage').mockResolvedValue(read);
      expect(await answer({ type: 'nastavnik:page-grades', personId: mentee }, pairFrame)).toEqual({ ok: true, value: read });
      expect(tab).toHaveBeenCalledWith(7, { type: 'nastavnik:read-grades', personId: mentee }, { frameId: 0 });

      // The page's answer is checked: no extra fields (nothing else of the page), figures in range.
      for (const bad of [
        { ...read, grades: [5, 4] },
        { ...read, names: ['Карпова Мария'] },
        { ...read, lessons: [{ ...lesson, grades: [7] }] },
        { ...read, lessons: [{ ...lesson, on: '11.11' }] },
        { ...read, lessons: [{ ...lesson, name: 'Карпова Мария' }] },
        { ...read, lessons: [{ ...lesson, absent: 'н' }] },
        { ...read, lessons: Array(1001).fill(lesson) },
        { ...read, subject: 'x'.repeat(101) },
        { status: 'unsupported', sites: ['<img>'] },
        'Карпова Мария 5 4',
      ]) {
        tab.mockResolvedValueOnce(bad);
        expect(await answer({ type: 'nastavnik:page-grades', personId: mentee }, pairFrame)).toMatchObject({ ok: false, status: 400 });
      }
      // No overlay on the page (no answer): said as «not found», not as a failure.
      tab.mockRejectedValueOnce(new Error('Could not establish connection'));
      expect(await answer({ type: 'nastavnik:page-grades', personId: mentee }, pairFrame)).toEqual({
        ok: true,
        value: { status: 'not-found' },
      });
      tab.mockResolvedValueOnce({ status: 'unsupported', sites: ['dnevnik-ru'] });
      expect(await answer({ type: 'nastavnik:page-grades', personId: mentee }, pairFrame)).toEqual({
        ok: true,
        value: { status: 'unsupported', sites: ['dnevnik-ru'] },
      });
      // Not an id: the tab is not asked.
      tab.mockClear();
      expect(await answer({ type: 'nastavnik:page-grades', personId: 'Карпова' }, pairFrame)).toMatchObject({ ok: false, status: 400 });
      expect(tab).not.toHaveBeenCalled();
    });

    it('is never answered to the page’s content script or a frame without the panel', async () => {
      await openPair();
      const tab = vi.spyOn(tabs, 'sendMessage').mockResolvedValue(read);
      for (const message of [
        { type: 'nastavnik:page-grades', personId: mentee },
        { type: 'nastavnik:save-outcomes', outcomes: [] },
      ]) {
        expect(await answer(message, contentScript)).toMatchObject({ ok: false, status: 403 });
        expect(await answer(message, strayFrame)).toMatchObject({ ok: false, status: 403 });
      }
      expect(tab).not.toHaveBeenCalled();
    });

    it('saves the outcomes the API’s way, checked first', async () => {
      await sessionItem.setValue(session);
      await openPair();
      const outcome = {
        id: '6c1d2d63-9a6a-4d2b-8b1f-3a5b9e2f8b21',
        programme_id: '7d2e3e74-0b7b-4e3c-9c2a-4b6c0f3a9c32',
        group_id: meeting.group_id,
        person_id: mentee,
        metric_key: 'grade_average',
        value_after: 4.5,
        measured_after_on: '2026-12-01',
        source: 'Дневник.ру, Физика, 1 сентября – 1 декабря',
      };
      const sent = vi.fn(async (_url: string, init: RequestInit) => json({ ...JSON.parse(String(init.body)), version: '1' }, 201));
      vi.stubGlobal('fetch', sent);
      expect(await answer({ type: 'nastavnik:save-outcomes', outcomes: [outcome] }, pairFrame)).toEqual({
        ok: true,
        value: { status: 'saved' },
      });
      expect(sent.mock.calls[0]?.[0]).toBe('http://api.test/outcomes');
      expect(await queuedItems()).toEqual([]);
      for (const outcomes of [[], [{ ...outcome, metric_key: 'Grade Average' }], [{ ...outcome, id: 'x' }], Array(11).fill(outcome)]) {
        expect(await answer({ type: 'nastavnik:save-outcomes', outcomes }, pairFrame)).toMatchObject({ ok: false, status: 400 });
      }
      expect(sent).toHaveBeenCalledTimes(1);
    });

    it('keeps a reading saved offline in the meetings’ queue and sends each outcome once when the API answers again', async () => {
      await sessionItem.setValue(session);
      await openPair();
      const outcome = (metric: string, value: number): OutcomeCreate => ({
        id: crypto.randomUUID(),
        programme_id: '7d2e3e74-0b7b-4e3c-9c2a-4b6c0f3a9c32',
        group_id: meeting.group_id,
        person_id: mentee,
        metric_key: metric,
        subject: 'Физика',
        value_before: value,
        measured_before_on: '2026-10-01',
      });
      const reading = [outcome('grade_average', 3.5), outcome('attendance_share', 0.75)];
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => {
          throw new TypeError('Failed to fetch');
        }),
      );
      expect(await answer({ type: 'nastavnik:save-outcomes', outcomes: reading }, pairFrame)).toEqual({
        ok: true,
        value: { status: 'queued' },
      });
      expect((await queuedItems()).map((item) => item.write)).toEqual(reading.map((o) => ({ kind: 'record-outcome', outcome: o })));
      // Taken again while still offline: the newer «до» of each metric replaces the one waiting (sent
      // after it, the older would overwrite it); another subject's reading and an «после» are other writes.
      const again = [outcome('grade_average', 4), outcome('attendance_share', 0.8)];
      const russian = { ...outcome('grade_average', 3), subject: 'Русский язык' };
      const { value_before: _, measured_before_on: __, ...bare } = outcome('grade_average', 0);
      const afterwards = { ...bare, value_after: 4.5, measured_after_on: '2026-12-01' };
      await answer({ type: 'nastavnik:save-outcomes', outcomes: again }, pairFrame);
      await answer({ type: 'nastavnik:save-outcomes', outcomes: [russian, afterwards] }, pairFrame);
      reading.splice(0, reading.length, ...again, russian, afterwards);
      expect((await queuedItems()).map((item) => item.id)).toEqual(reading.map((o) => o.id));
      // The network returns: each outcome goes once, with its client id; nothing waits after.
      const sent = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) =>
        json({ ...JSON.parse(String(init?.body)), version: '1' }, 201),
      );
      vi.stubGlobal('fetch', sent);
      expect(await answer({ type: 'nastavnik:flush-queue', force: true }, popup)).toEqual({ ok: true, value: 0 });
      expect(sent.mock.calls.map(([url, init]) => [String(url), JSON.parse(String(init?.body)).id])).toEqual(
        reading.map((o) => ['http://api.test/outcomes', o.id]),
      );
      expect(await answer({ type: 'nastavnik:flush-queue', force: true }, popup)).toEqual({ ok: true, value: 0 });
      expect(sent).toHaveBeenCalledTimes(reading.length);
      expect(await queuedItems()).toEqual([]);
    });
  });
});
