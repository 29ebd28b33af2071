import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium } from '../support/chromium.ts';
import { type ExtensionStack, startExtensionStack } from '../support/e2e-stack.ts';
import { badgedPeople, badgeOf, type Named } from '../support/extension-pages.ts';

const chromiumPath = findChromium();
const mentorEmail = 'p.novikova@school17.example.ru';
const expectedBadges = ['s-0396', 's-0460', 's-0482'].map((key) => demoUuid(key)).sort();
const classroomPeople = 'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name';

describe.skipIf(!chromiumPath)('the slice in Chromium', () => {
  let stack: ExtensionStack;
  let server: LocalServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    stack = await startExtensionStack({
      name: 'slice',
      chromiumPath: chromiumPath as string,
      sites: [
        {
          host: 'classroom.google.com',
          pages: [{ path: /.*/, file: new URL('../fixtures/pages/google-classroom-people.html', import.meta.url) }],
        },
      ],
    });
    ({ server, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('signs a demo mentor in from the options page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('dev-login-user').selectOption(mentorEmail);
    await page.getByTestId('dev-login-submit').click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Новикова');
    await page.close();
  });

  it('badges exactly the mentor’s mentees on the Classroom People page', async () => {
    const page = await browser.context.newPage();
    await page.goto(classroomPeople);
    const badges = page.locator('[data-nastavnik-badge="participant"]');
    await expect.poll(() => badges.count(), { timeout: 15_000 }).toBe(expectedBadges.length);
    // Nothing more arrives later, and nothing was drawn in the hidden view or for the teacher.
    await page.waitForTimeout(500);
    const mentees = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ id: string; last: string; first: string }>(
        'select id, last_name as last, first_name as first from public.people where id = any($1::uuid[])',
        [expectedBadges],
      );
      return rows;
    });
    const drawn = (await badgedPeople(page, mentees)).map((person) => person?.id ?? '?');
    expect(drawn.sort()).toEqual(expectedBadges);
    expect(await page.locator('c-wiz[style*="hidden"] [data-nastavnik-badge]').count()).toBe(0);
    expect(await page.locator('[data-nastavnik-badge="ambiguous"]').count()).toBe(0);
    const karpova = mentees.find((person) => person.id === demoUuid('s-0482'));
    const badge = await badgeOf(page, karpova as Named);
    expect(await badge.textContent()).toBe('Наставляемая'); // a girl: in her own gender
    // The badge says its role and nothing more: who she is paired with is in the pair panel's frame.
    expect(await badge.evaluate((node) => node.getAttributeNames().sort())).toEqual([
      'aria-haspopup',
      'data-nastavnik-badge',
      'style',
      'type',
    ]);
    await page.screenshot({ path: join(stack.dataDir, 'classroom.png') });
    if (process.env.NASTAVNIK_SCREENSHOTS) await page.screenshot({ path: join(process.env.NASTAVNIK_SCREENSHOTS, 'classroom.png') });
    await page.close();
  });

  it('logs a meeting from the toolbar popup, and the row reaches the database', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 640 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const group = page.getByTestId('popup-group');
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.textContent()).toContain('Карпова Мария (10Б)');
    await group.getByTestId('log-meeting').click();
    expect(await page.getByTestId('meeting-kind').inputValue()).toBe('introduction');
    const topic = `Встреча-знакомство ${Date.now()}`;
    await page.getByTestId('meeting-topic').fill(topic);
    await page.locator(`[data-testid="meeting-rating"][data-person="${demoUuid('s-0482')}"]`).selectOption('9');
    if (process.env.NASTAVNIK_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.NASTAVNIK_SCREENSHOTS, 'popup-form.png'), fullPage: true });
    await page.getByTestId('meeting-save').click();
    await expect.poll(() => page.getByTestId('meeting-status').textContent()).toContain('Встреча записана');
    if (process.env.NASTAVNIK_SCREENSHOTS) await page.screenshot({ path: join(process.env.NASTAVNIK_SCREENSHOTS, 'popup-saved.png') });

    const rows = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ group_id: string; kind: string; author_person_id: string; duration_minutes: number }>(
        'select group_id, kind, author_person_id, duration_minutes from public.meetings where topic = $1',
        [topic],
      );
      return rows;
    });
    expect(rows).toEqual([
      { group_id: demoUuid('g-84'), kind: 'introduction', author_person_id: demoUuid('t-0574'), duration_minutes: 45 },
    ]);
    const feedback = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ person_id: string; rating: number }>(
        'select f.person_id, f.rating from public.meeting_feedback f join public.meetings m on m.id = f.meeting_id where m.topic = $1',
        [topic],
      );
      return rows;
    });
    expect(feedback).toEqual([{ person_id: demoUuid('s-0482'), rating: 9 }]);
    await expect.poll(() => group.textContent()).toContain('Встречались сегодня');
    await page.close();
  });

  it('keeps a meeting logged while the API is down, and sends it exactly once when it is back', async () => {
    await stack.stopServer();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 640 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.getByTestId('offline-snapshot').count()).toBe(1);
    await page.getByTestId('log-meeting').click();
    expect(await page.getByTestId('meeting-kind').inputValue()).toBe('trial');
    const topic = `Пробная встреча без сети ${Date.now()}`;
    await page.getByTestId('meeting-topic').fill(topic);
    await page.getByTestId('meeting-save').click();
    await expect.poll(() => page.getByTestId('meeting-status').textContent()).toContain('Нет связи');
    await expect.poll(() => page.getByTestId('queue-waiting').textContent()).toContain('1 встреча ждёт отправки');
    if (process.env.NASTAVNIK_SCREENSHOTS) await page.screenshot({ path: join(process.env.NASTAVNIK_SCREENSHOTS, 'popup-offline.png') });

    server = await stack.startServer();
    const stored = () =>
      server.db.asService(async (db) => {
        const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.meetings where topic = $1', [topic]);
        return rows[0]?.n;
      });
    expect(await stored()).toBe(0);
    await page.reload(); // opening the popup sends what waits
    await expect.poll(stored, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('queue-waiting').count(), { timeout: 10_000 }).toBe(0);
    await page.reload(); // and opening it again sends nothing twice
    await expect.poll(() => page.getByTestId('popup-group').textContent()).toContain('Встречались сегодня');
    expect(await stored()).toBe(1);
    await page.close();
  });
});
