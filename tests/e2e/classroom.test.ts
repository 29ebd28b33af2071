// The curator syncs the demo school from Google Classroom in real Chromium: the built extension,
// the API on a fresh database, the fake Classroom behind it (GOOGLE_API_ROOT_URL). The Google token
// comes from chrome.identity, stubbed in the background here (the only test-only part: the API and
// the extension are as shipped). Connect → live progress → the exact diff and the queue → an answer
// to the queue → apply; screenshots of each step go to NASTAVNIK_SCREENSHOTS.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium, launchWithExtension } from '../support/chromium.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { demoClassroom, demoClassroomToken } from '../support/demo-classroom.ts';
import { signIn } from '../support/extension-pages.ts';
import type { FakeClassroom } from '../support/fake-classroom.ts';

const chromiumPath = findChromium();
const screenshots = process.env.NASTAVNIK_SCREENSHOTS;
const curator = 'a.korolev2@school17.example.ru';

describe.skipIf(!chromiumPath)('the curator syncs Google Classroom in Chromium', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: LocalServer;
  let browser: ExtensionBrowser;
  let fake: FakeClassroom;
  const rootBefore = process.env.GOOGLE_API_ROOT_URL;

  const shoot = async (tab: Page, name: string) => {
    if (!screenshots) return;
    await mkdir(screenshots, { recursive: true });
    await tab.screenshot({ path: join(screenshots, name), fullPage: true });
  };

  beforeAll(async () => {
    // Slow enough to watch «Курс n из N» go by.
    fake = demoClassroom({ latencyMs: 400, pageCap: 2 });
    await fake.start();
    process.env.GOOGLE_API_ROOT_URL = fake.url;
    dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-e2e-classroom-'));
    database = await freshDatabase();
    await database.db.close();
    server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
    const extensionDir = await buildExtension(server.url, { outDir: '.output/e2e-classroom' });
    browser = await launchWithExtension(chromiumPath as string, extensionDir);
    // chrome.identity cannot sign in to Google here: the background's getAuthToken answers the fake's token.
    const worker = browser.context.serviceWorkers()[0];
    await worker?.evaluate((token) => {
      const identity = (globalThis as unknown as { chrome: { identity: Record<string, unknown> } }).chrome.identity;
      Object.defineProperty(identity, 'getAuthToken', { configurable: true, value: async () => ({ token, grantedScopes: [] }) });
    }, demoClassroomToken);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    if (rootBefore === undefined) delete process.env.GOOGLE_API_ROOT_URL;
    else process.env.GOOGLE_API_ROOT_URL = rootBefore;
    if (database?.url) await database.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('connect → progress → preview with the queue → apply', async () => {
    await signIn(browser, curator);
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(`chrome-extension://${browser.extensionId}/dashboard.html#/classroom`);
    const screen = tab.getByTestId('classroom-screen');
    await screen.waitFor({ timeout: 20_000 });
    await tab.getByTestId('classroom-history-empty').waitFor();
    await shoot(tab, 'classroom-connect.png');

    await tab.getByTestId('classroom-connect').click();
    const progress = tab.getByTestId('classroom-progress');
    await expect.poll(() => progress.textContent(), { timeout: 20_000 }).toMatch(/Курс \d+ из 5/);
    await shoot(tab, 'classroom-progress.png');

    await tab.getByTestId('classroom-preview').waitFor({ timeout: 60_000 });
    expect(await tab.getByTestId('classroom-count-new').textContent()).toBe('1');
    expect(await tab.getByTestId('classroom-count-changed').textContent()).toBe('5');
    expect(await tab.getByTestId('classroom-count-ambiguous').textContent()).toBe('2');
    expect(await tab.getByTestId('classroom-new').textContent()).toContain('Новенькая Ника');
    expect(await tab.getByTestId('classroom-changed').textContent()).toContain('Abramov Konstantin');
    await shoot(tab, 'classroom-preview.png');

    // The queue: the pupil whose courses disagree goes to 7А; the namesake stays for later.
    const romanova = tab.getByTestId('classroom-queue-u-romanova');
    await romanova.scrollIntoViewIfNeeded();
    await romanova.getByRole('combobox').selectOption('class:7А');
    await tab
      .getByTestId('classroom-section-ambiguous')
      .screenshot({ path: screenshots ? join(screenshots, 'classroom-queue.png') : join(dataDir, 'q.png') });

    await tab.getByTestId('classroom-apply').click();
    const applied = tab.getByTestId('classroom-applied');
    await applied.waitFor({ timeout: 60_000 });
    expect(await applied.textContent()).toMatch(/Готово\. Записано строк: \d+/);
    await tab.getByTestId('classroom-history').waitFor();
    expect(await tab.getByTestId('classroom-history').textContent()).toContain('применена');
    await shoot(tab, 'classroom-applied.png');

    const rows = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ google_user_id: string; class: string | null }>(
        `select p.google_user_id, c.name as class from public.people p left join public.classes c on c.id = p.class_id
         where p.google_user_id in ('u-new', 'u-romanova') order by p.google_user_id`,
      );
      return rows;
    });
    expect(rows).toEqual([
      { google_user_id: 'u-new', class: '7А' },
      { google_user_id: 'u-romanova', class: '7А' },
    ]);

    // The same again: nothing changed in Classroom, nothing to write; at 360 px.
    await tab.setViewportSize({ width: 360, height: 800 });
    await tab.getByTestId('classroom-connect').click();
    await tab.getByTestId('classroom-nothing').or(tab.getByTestId('classroom-apply')).first().waitFor({ timeout: 60_000 });
    expect(await tab.getByTestId('classroom-count-changed').textContent()).toBe('0');
    await shoot(tab, 'classroom-rerun-360.png');
    await tab.close();
  }, 180_000);
});
