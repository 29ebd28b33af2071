// A thousand meetings through the real popup and background while the network misbehaves (issue
// #14): logged while the API is down (each kept, the toolbar icon counting them), then sent through
// a flaky network — 30% of writes answered 503 and 15% committed by the API with their answer
// dropped on the way back — and the database ends with exactly 1,000 and the icon at 0. The first
// meeting goes through the form by hand; the rest through the same request the form sends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium, launchWithExtension } from '../support/chromium.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { signIn } from '../support/extension-pages.ts';
import { type FlakyProxy, startFlakyProxy } from '../support/flaky-proxy.ts';

const chromiumPath = findChromium();
const mentorEmail = 'p.novikova@school17.example.ru';
const total = 1000;
const tag = `Под плохой сетью ${Date.now()}`;

/** The extension's API as its own pages see it (the popup page is one of them). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string> };
}
declare const chrome: ExtensionApi;

describe.skipIf(!chromiumPath)('the queue under a bad network, in Chromium', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: LocalServer;
  let proxy: FlakyProxy;
  let browser: ExtensionBrowser;
  let popup: Page;

  const stored = () =>
    server.db.asService(async (db) => {
      const { rows } = await db.query<{ n: number; ids: number }>(
        'select count(*)::int as n, count(distinct id)::int as ids from public.meetings where topic like $1',
        [`${tag}%`],
      );
      return rows[0];
    });
  const iconText = () => popup.evaluate(() => chrome.action.getBadgeText({}));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-e2e-queue-'));
    database = await freshDatabase();
    await database.db.close();
    server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
    proxy = await startFlakyProxy(server.url, { failRate: 0.3, dropRate: 0.15 });
    // The extension talks to the API through the proxy.
    const extensionDir = await buildExtension(proxy.url, { outDir: '.output/e2e-queue' });
    browser = await launchWithExtension(chromiumPath as string, extensionDir);
    await signIn(browser, mentorEmail);
    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('popup-group').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
    if (database?.url) await database.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`keeps ${total} meetings logged while the API is down, and counts them on the icon`, async () => {
    proxy.mode = 'down';
    // The first one by hand, through the form.
    await popup.getByTestId('log-meeting').click();
    await popup.getByTestId('meeting-topic').fill(`${tag} 0`);
    await popup.getByTestId('meeting-topic').press('Enter');
    await expect.poll(() => popup.getByTestId('meeting-status').textContent()).toContain('Нет связи');
    // The rest through the request the form sends (MeetingForm → ask → the background's queue).
    const answers = await popup.evaluate(
      async ({ count, group, topic }) => {
        const statuses: Record<string, number> = {};
        const heldOn = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
        for (let i = 1; i < count; i++) {
          const reply = (await chrome.runtime.sendMessage({
            type: 'nastavnik:log-meeting',
            meeting: {
              id: crypto.randomUUID(),
              group_id: group,
              kind: 'working',
              held_on: heldOn,
              duration_minutes: 45,
              topic: `${topic} ${i}`,
            },
          })) as { ok: boolean; value?: { status: string } };
          const status = reply.ok ? (reply.value?.status ?? '?') : 'refused';
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
        return statuses;
      },
      { count: total, group: demoUuid('g-84'), topic: tag },
    );
    expect(answers).toEqual({ queued: total - 1 });
    expect(await iconText()).toBe(String(total));
    expect((await stored())?.n).toBe(0);
    await popup.reload();
    await expect.poll(() => popup.getByTestId('queue-waiting').textContent()).toContain(`${total} встреч ждут отправки`);
  }, 120_000);

  it('sends them all through a flaky network: exactly 1,000 in the database, and the icon back to 0', async () => {
    proxy.mode = 'flaky';
    const started = Date.now();
    // The person presses «Отправить сейчас» once; retries, rounds and backoff do the rest.
    await popup.getByTestId('queue-send-now').click();
    await expect.poll(async () => (await stored())?.n, { timeout: 150_000, interval: 1000 }).toBe(total);
    await expect.poll(iconText, { timeout: 30_000 }).toBe('');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    expect(await stored()).toEqual({ n: total, ids: total });
    // The network really misbehaved, and at the worst moments.
    expect(proxy.stats.failed5xx).toBeGreaterThan(100);
    expect(proxy.stats.droppedAfterCommit).toBeGreaterThan(50);
    console.log(
      `[queue] ${total} meetings sent through the flaky network in ${seconds} s: ${proxy.stats.failed5xx} answered 503, ${proxy.stats.droppedAfterCommit} answers dropped after commit, ${proxy.stats.forwarded} forwarded`,
    );
    await popup.reload();
    await expect.poll(() => popup.getByTestId('queue').count()).toBe(0);
  }, 200_000);
});
