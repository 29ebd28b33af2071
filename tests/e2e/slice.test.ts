import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium } from '../support/chromium.ts';
import { type ExtensionStack, middayZone, startExtensionStack } from '../support/e2e-stack.ts';
import { badgedPeople, badgeOf, demoPeopleNamed, type Named, panelFrame } from '../support/extension-pages.ts';

const chromiumPath = findChromium();
const mentorEmail = 'p.novikova@school17.example.ru';
const expectedBadges = ['s-0396', 's-0460', 's-0482'].map((key) => demoUuid(key)).sort();
const classroomPeople = 'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name';
const pair = demoUuid('g-84'); // Новикова Полина and Карпова Мария

const zone = middayZone();

/** The extension's API as its service worker and pages see it. */
interface ExtensionApi {
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
}
declare const chrome: ExtensionApi;

async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.NASTAVNIK_SCREENSHOTS) await page.screenshot({ path: join(process.env.NASTAVNIK_SCREENSHOTS, name) });
}

describe.skipIf(!chromiumPath)('the slice in Chromium', () => {
  let stack: ExtensionStack;
  let server: LocalServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    stack = await startExtensionStack({
      name: 'slice',
      chromiumPath: chromiumPath as string,
      timezone: zone,
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

  /** The API down, the popup opened (it shows what it last knew), and its meeting form. */
  const offlineMeetingForm = async () => {
    await stack.stopServer();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 640 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.getByTestId('offline-snapshot').count()).toBe(1);
    await page.getByTestId('log-meeting').click();
    return page;
  };

  it('keeps a meeting logged while the API is down, and sends it exactly once when it is back', async () => {
    const page = await offlineMeetingForm();
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
    await page.reload(); // opening the popup sends what waits — once the backoff is over
    // On a loaded machine the API takes seconds to restart, and each failed round meanwhile
    // doubled the backoff (1, 2, 4, 8 s…): the popup's try waits it out, the background's timer sends.
    await expect.poll(stored, { timeout: 45_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('queue-waiting').count(), { timeout: 10_000 }).toBe(0);
    await page.reload(); // and opening it again sends nothing twice
    await expect.poll(() => page.getByTestId('popup-group').textContent()).toContain('Встречались сегодня');
    expect(await stored()).toBe(1);
    await page.close();
  });

  it('plans the next meeting in the pair panel; the day’s reminder opens the pair, where «Встреча состоялась» logs it once', async () => {
    const karpova = (await demoPeopleNamed(server.db, ['s-0482'])).get('s-0482') as Named;
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.goto(classroomPeople);
    await expect.poll(() => tab.locator('[data-nastavnik-badge="participant"]').count(), { timeout: 15_000 }).toBe(3);
    await (await badgeOf(tab, karpova)).click();
    const group = panelFrame(tab).getByTestId('pair-group').first();
    await group.waitFor({ timeout: 15_000 });
    expect(await group.getByTestId('next-meeting-when').textContent()).toBe('Следующая встреча не запланирована.');
    await group.getByTestId('plan-meeting').click();
    // Tonight at 19:30, the browser's local time (about midday now: see middayZone).
    const today = await tab.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    const form = group.getByTestId('plan-form');
    await form.locator('#plan-date').fill(today);
    await form.locator('#plan-time').fill('19:30');
    const topic = `Разбор пробной встречи ${Date.now()}`;
    await form.locator('#plan-topic').fill(topic);
    const kind = await form.locator('#plan-kind').inputValue();
    await group.getByTestId('plan-save').click();
    await expect.poll(() => group.getByTestId('pair-meeting-status').textContent()).toContain('Встреча запланирована.');
    await expect
      .poll(() => group.getByTestId('next-meeting-when').textContent())
      .toMatch(/^Следующая встреча: \d+ \p{L}+,? (в )?19:30 · /u);
    for (const width of [1280, 1024]) {
      await tab.setViewportSize({ width, height: 800 });
      await shoot(tab, `pair-panel-planned-${width}.png`);
    }
    const plans = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ id: string; group_id: string; kind: string; author: string; local: string }>(
        `select id, group_id, kind, author_person_id as author, to_char(starts_at at time zone $2, 'YYYY-MM-DD HH24:MI') as local
           from public.planned_meetings where topic = $1`,
        [topic, zone],
      );
      return rows;
    });
    expect(plans).toEqual([{ id: expect.any(String), group_id: pair, kind, author: demoUuid('t-0574'), local: `${today} 19:30` }]);
    const planId = plans[0]?.id as string;
    await tab.close();

    // The hourly reminder check, now: the mentor is told of today's meeting.
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    await worker.evaluate(() => chrome.alarms.create('nastavnik:reminders', { when: Date.now(), periodInMinutes: 60 }));
    const reminder = `planned-today:${pair}:${planId}`;
    await expect
      .poll(() => worker.evaluate(() => chrome.notifications.getAll().then((shown) => Object.keys(shown))), { timeout: 15_000 })
      .toContain(reminder);

    // Its click opens the popup page on this pair (reminderTarget, unit-tested with the click).
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?group=${pair}`);
    await expect
      .poll(() => popup.getByTestId('next-meeting-when').textContent())
      .toMatch(/^Следующая встреча: \d+ \p{L}+,? (в )?19:30 · /u);
    expect(await popup.getByTestId('popup-group').count()).toBe(1);
    expect(await popup.getByTestId('next-meeting').getAttribute('data-plan-id')).toBe(planId);
    await shoot(popup, 'popup-planned.png');
    await popup.getByTestId('meeting-held').click();
    await expect.poll(() => popup.getByTestId('meeting-status').textContent()).toContain('Встреча записана как состоявшаяся.');
    await expect.poll(() => popup.getByTestId('next-meeting-when').textContent()).toBe('Следующая встреча не запланирована.');
    expect(await popup.getByTestId('meeting-held').count()).toBe(0);
    await shoot(popup, 'popup-held.png');

    // The meeting is logged under the plan's own id, so the plan is held: no longer the pair's next.
    const held = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ group_id: string; kind: string; held_on: string; topic: string; author: string }>(
        `select group_id, kind, held_on::text, topic, author_person_id as author from public.meetings where id = $1`,
        [planId],
      );
      const open = await db.query<{ n: number }>(
        `select count(*)::int as n from public.planned_meetings p
          where p.group_id = $1 and not exists (select 1 from public.meetings m where m.id = p.id)`,
        [pair],
      );
      return { rows, open: open.rows[0]?.n };
    });
    expect(held).toEqual({ rows: [{ group_id: pair, kind, held_on: today, topic, author: demoUuid('t-0574') }], open: 0 });
    await popup.close();
  });

  it('a meeting kept offline for a pair cancelled meanwhile is refused with the reason, stays in the popup, and is discarded there', async () => {
    const page = await offlineMeetingForm();
    const topic = `Встреча пары, которую отменили ${Date.now()}`;
    await page.getByTestId('meeting-topic').fill(topic);
    await page.getByTestId('meeting-topic').press('Enter');
    await expect.poll(() => page.getByTestId('meeting-status').textContent()).toContain('Нет связи');
    // While the mentor is offline, the curator cancels the pair.
    server = await stack.startServer();
    await server.db.asService((db) =>
      db.query(`update public.mentoring_groups set status = 'cancelled', ended_reason = 'Отменена куратором (тест)' where id = $1`, [pair]),
    );
    await page.reload(); // opening the popup sends what waits: the API refuses it
    await expect
      .poll(() => page.getByTestId('queue-refused-reason').textContent(), { timeout: 45_000 })
      .toContain('её уже завершили или отменили');
    expect(await page.getByTestId('queue-refused').textContent()).toContain('1 запись не принята сервером');
    expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    await shoot(page, 'popup-refused.png');
    const stored = () =>
      server.db.asService(async (db) => {
        const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.meetings where topic = $1', [topic]);
        return rows[0]?.n;
      });
    expect(await stored()).toBe(0);
    // Kept across a reopening (never dropped silently), then discarded in two steps.
    await page.reload();
    await expect.poll(() => page.getByTestId('queue-refused-item').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('queue-discard').click();
    await page.getByTestId('queue-discard').click();
    await expect.poll(() => page.getByTestId('queue-refused-item').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    expect(await stored()).toBe(0);
    await page.close();
  });
});
