// Evaluated results from the e-journal (issue 13) in real Chromium: the built extension, the API on a
// fresh database, the Дневник.ру and Сетевой город journal fixtures under real host names. The demo
// mentor opens her mentee's pair panel from the badge, clicks «Взять оценки из журнала», picks the
// period (which cuts the page's columns by their dates), saves the reading as «до» (twice: still one
// row per metric) and then as «после»; with the API down the save waits in the queue and lands when
// the API is back. The outcomes are in the database and in stage 7's monitoring. A mentee not on the
// page and a site without a grades reader say so.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { monitoringReport } from '../../functions/services/programme-work.ts';
import { type ExtensionBrowser, findChromium } from '../support/chromium.ts';
import { type ExtensionStack, startExtensionStack } from '../support/e2e-stack.ts';
import { badgeOf, demoPeopleNamed, type Named, panelFrame, signIn } from '../support/extension-pages.ts';

const chromiumPath = findChromium();
const screenshots = process.env.NASTAVNIK_SCREENSHOTS || join(process.cwd(), '.screenshots', 'journal-grades');
const novikova = 'p.novikova@school17.example.ru'; // t-0574, mentor of g-84 (s-0396, s-0460, s-0482)
const curator = 'a.korolev2@school17.example.ru';
const journal = 'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543';
const moodle = 'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77';
const netschool = 'https://deti.obr03.ru/app/school/journal/';
const page = (name: string) => new URL(`../fixtures/pages/${name}`, import.meta.url);

interface OutcomeRow {
  metric_key: string;
  subject: string | null;
  person_id: string;
  group_id: string;
  value_before: number | null;
  value_after: number | null;
  measured_before_on: string | null;
  measured_after_on: string | null;
  source: string;
}

describe.skipIf(!chromiumPath)('grades from the e-journal into the outcomes, in Chromium', () => {
  let stack: ExtensionStack;
  let server: LocalServer;
  let browser: ExtensionBrowser;
  const people = new Map<string, Named>();

  const shoot = async (tab: Page, name: string) => {
    await mkdir(screenshots, { recursive: true });
    await tab.screenshot({ path: join(screenshots, name) });
  };
  const outcomes = () =>
    server.db.asService(
      async (db) =>
        (
          await db.query<OutcomeRow>(
            `select metric_key, subject, person_id, group_id, value_before::float8 as value_before, value_after::float8 as value_after,
               measured_before_on::text as measured_before_on, measured_after_on::text as measured_after_on, source
             from public.outcomes order by metric_key, created_at`,
          )
        ).rows,
    );
  /** The pair panel of `key`'s badge on `url`; its group card. */
  const openPanel = async (url: string, key: string, width = 1280) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height: 900 });
    await tab.goto(url);
    await expect.poll(() => tab.locator('[data-nastavnik-badge="participant"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await (await badgeOf(tab, people.get(key) as Named)).click();
    const group = panelFrame(tab).getByTestId('pair-group').first();
    await group.waitFor({ timeout: 15_000 });
    return { tab, group };
  };
  const takeFor = (group: ReturnType<ReturnType<typeof panelFrame>['getByTestId']>, key: string) =>
    group.locator(`[data-testid="grades"][data-person-id="${demoUuid(key)}"]`);

  beforeAll(async () => {
    stack = await startExtensionStack({
      name: 'grades',
      chromiumPath: chromiumPath as string,
      sites: [
        { host: 'schools.dnevnik.ru', pages: [{ path: /.*/, file: page('dnevnik-ru.html') }] },
        { host: 'school17.moodlecloud.com', pages: [{ path: /.*/, file: page('moodle-grader.html') }] },
        { host: 'deti.obr03.ru', pages: [{ path: /.*/, file: page('netschool.html') }] },
      ],
    });
    ({ server, browser } = stack);
    await signIn(browser, novikova);
    for (const [key, named] of await demoPeopleNamed(server.db, ['s-0396', 's-0460', 's-0482'])) people.set(key, named);
  }, 240_000);

  afterAll(() => stack?.close());

  it('Дневник.ру: the mentee’s row read on a click, saved as «до» and «после», in the database and in monitoring', async () => {
    expect(await outcomes()).toEqual([]);
    const { tab, group } = await openPanel(journal, 's-0482');
    // Nothing is read before the click: the panel offers one button per mentee of the group.
    expect(await group.getByTestId('grades-take').count()).toBe(3);
    expect(await group.getByTestId('grades-form').count()).toBe(0);
    await shoot(tab, 'grades-1-button.png');

    await takeFor(group, 's-0482').getByTestId('grades-take').click();
    const form = group.getByTestId('grades-form');
    await form.waitFor({ timeout: 10_000 });
    const figures = await form.getByTestId('grades-figures').textContent();
    expect(figures).toContain('Физика');
    expect(figures).toContain('II четверть');
    expect(figures).toContain('Дневник.ру');
    // No final meeting yet: «до» is preselected, its period ends when the pair started (in October):
    // the page's November columns are outside it, and the figures say so.
    expect(await form.getByTestId('grades-before').isChecked()).toBe(true);
    const started = await server.db.asService(
      async (db) =>
        (await db.query<{ on: string }>(`select started_on::text as on from public.mentoring_groups where id = $1`, [demoUuid('g-84')]))
          .rows[0]?.on,
    );
    expect(await form.getByTestId('grades-to').inputValue()).toBe(started);
    expect(started && started < '2026-11-11').toBe(true);
    expect(await form.getByTestId('grades-average').textContent()).toBe('оценок нет');
    expect(await form.getByTestId('grades-outside').textContent()).toBe('ещё 4 урока страницы вне периода — не учтены');
    // The row (fixture): 11.11 «5», 13.11 —, 18.11 «Н», 20.11 «4». The whole of November: all four lessons.
    const period = async (from: string, to: string) => {
      await form.getByTestId('grades-from').fill(from);
      await form.getByTestId('grades-to').fill(to);
    };
    await period('2026-11-01', '2026-11-30');
    expect(await form.getByTestId('grades-average').textContent()).toBe('4,5 (2 оценки)');
    expect(await form.getByTestId('grades-absences').textContent()).toBe('1 пропуск из 4 уроков');
    expect(await form.getByTestId('grades-attendance').textContent()).toBe('75 %');
    expect(await form.getByTestId('grades-outside').count()).toBe(0);
    // 12 to 18 November cuts the 11th and the 20th off: the 13th (nothing) and the 18th («Н») are left.
    await period('2026-11-12', '2026-11-18');
    expect(await form.getByTestId('grades-average').textContent()).toBe('оценок нет');
    expect(await form.getByTestId('grades-absences').textContent()).toContain('1 пропуск из 2 уроков');
    expect(await form.getByTestId('grades-outside').textContent()).toBe('ещё 2 урока страницы вне периода — не учтены');
    expect(await form.getByTestId('grades-attendance').textContent()).toBe('50 %');
    await shoot(tab, 'grades-2-period-cut.png');
    await period('2026-11-01', '2026-11-30');
    await shoot(tab, 'grades-2-read.png');
    await expect.poll(() => form.getByTestId('grades-save').isEnabled(), { timeout: 10_000 }).toBe(true);
    await form.getByTestId('grades-save').click();
    const status = takeFor(group, 's-0482').getByTestId('grades-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Сохранены 2 показателя «до» в оцениваемые результаты.');
    await shoot(tab, 'grades-3-saved.png');

    const mentee = demoUuid('s-0482');
    const g84 = demoUuid('g-84');
    const saved = [
      expect.objectContaining({
        metric_key: 'attendance_share',
        person_id: mentee,
        group_id: g84,
        subject: 'Физика',
        value_before: 0.75,
        value_after: null,
        measured_before_on: '2026-11-30',
      }),
      expect.objectContaining({ metric_key: 'grade_average', person_id: mentee, group_id: g84, value_before: 4.5, value_after: null }),
    ];
    expect(await outcomes()).toEqual(saved);
    expect((await outcomes())[0]?.source).toMatch(/^Дневник\.ру, Физика, /);

    // The same «до» saved again: the same two rows, not four.
    await takeFor(group, 's-0482').getByTestId('grades-take').click();
    await form.waitFor();
    await period('2026-11-01', '2026-11-30');
    await form.getByTestId('grades-save').click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('«до»');
    await expect.poll(() => outcomes(), { timeout: 5_000 }).toEqual(saved);

    // The «после», for the period the teacher types (11 to 13 November: the «5» and a lesson without a mark).
    await takeFor(group, 's-0482').getByTestId('grades-take').click();
    await form.waitFor();
    await form.getByTestId('grades-after').check();
    await period('2026-11-11', '2026-11-13');
    expect(await form.getByTestId('grades-attendance').textContent()).toBe('100 %');
    await form.getByTestId('grades-save').click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('«после»');
    // Onto the same rows: «до» kept, «после» added.
    expect((await outcomes()).map((o) => [o.metric_key, o.value_before, o.value_after, o.measured_after_on])).toEqual([
      ['attendance_share', 0.75, 1, '2026-11-13'],
      ['grade_average', 4.5, 5, '2026-11-13'],
    ]);

    // A mentee whose row this page does not show: said in words, nothing saved.
    await takeFor(group, 's-0396').getByTestId('grades-take').click();
    const missing = takeFor(group, 's-0396').getByTestId('grades-status');
    await expect.poll(() => missing.textContent(), { timeout: 10_000 }).toContain('На этой странице нет оценок для: Иванов Лев');
    await shoot(tab, 'grades-4-not-on-page.png');
    expect(await outcomes()).toHaveLength(2);
    await tab.close();

    // Stage 7's monitoring: one participant, the «до» and «после» averages.
    const report = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ programme_id: string }>('select programme_id from public.mentoring_groups where id = $1', [g84]);
      return monitoringReport(db, rows[0]?.programme_id as string);
    });
    expect(report.outcomes).toEqual([
      { metric_key: 'attendance_share', people: 1, before_average: 0.75, after_average: 1 },
      { metric_key: 'grade_average', people: 1, before_average: 4.5, after_average: 5 },
    ]);
  });

  it('Сетевой город, with the API down: the «после» waits in the queue, the panel says so, and it lands when the API is back', async () => {
    const { tab, group } = await openPanel(netschool, 's-0482');
    await takeFor(group, 's-0482').getByTestId('grades-take').click();
    const form = group.getByTestId('grades-form');
    await form.waitFor({ timeout: 10_000 });
    await form.getByTestId('grades-after').check();
    await form.getByTestId('grades-from').fill('2026-11-01');
    await form.getByTestId('grades-to').fill('2026-11-30');
    // Her row (the 5th of both tables): «4», «3», —, «5» under 11, 13, 18 and 20 November.
    expect(await form.getByTestId('grades-average').textContent()).toBe('4 (3 оценки)');
    expect(await form.getByTestId('grades-attendance').textContent()).toBe('100 %');
    expect(await form.getByTestId('grades-figures').textContent()).toContain('Сетевой город');

    await stack.stopServer();
    await form.getByTestId('grades-save').click();
    const status = takeFor(group, 's-0482').getByTestId('grades-status');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe('Нет связи с сервером: 2 показателя «после» ждут отправки и уйдут сами, когда связь вернётся.');
    await shoot(tab, 'grades-8-queued.png');
    // The popup counts them apart from meetings.
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.getByTestId('queue-waiting').textContent(), { timeout: 15_000 })
      .toContain('2 результата из журнала ждут отправки');
    expect(await popup.getByTestId('queue-waiting').textContent()).not.toContain('встреч');
    await shoot(popup, 'grades-9-popup-queued.png');
    await popup.close();

    server = await stack.startServer();
    // The queue's own retry sends them (no click): onto the same two rows.
    await expect
      .poll(async () => (await outcomes()).map((o) => [o.metric_key, o.subject, o.value_before, o.value_after]), { timeout: 60_000 })
      .toEqual([
        ['attendance_share', 'Физика', 0.75, 1],
        ['grade_average', 'Физика', 4.5, 4],
      ]);
    await tab.close();
  });

  it('at 1024 and 360 px the reading fits the panel', async () => {
    for (const width of [1024, 360]) {
      const { tab, group } = await openPanel(journal, 's-0482', width);
      await takeFor(group, 's-0482').getByTestId('grades-take').click();
      const form = group.getByTestId('grades-form');
      await form.waitFor({ timeout: 10_000 });
      await form.getByTestId('grades-from').fill('2026-11-12');
      await form.getByTestId('grades-to').fill('2026-11-18');
      await form.scrollIntoViewIfNeeded();
      // Nothing sticks out of the panel sideways.
      expect(await form.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await shoot(tab, `grades-5-read-${width}.png`);
      await tab.close();
    }
  });

  it('a site without a grades reader (Moodle) says which sites have one', async () => {
    const { tab, group } = await openPanel(moodle, 's-0460');
    await takeFor(group, 's-0460').getByTestId('grades-take').click();
    const said = takeFor(group, 's-0460').getByTestId('grades-status');
    await expect
      .poll(() => said.textContent(), { timeout: 10_000 })
      .toBe('С этого сайта оценки пока не читаются. Поддерживаются: Дневник.ру, Сетевой город, ЭлЖур, МЭШ, edu.tatar.ru.');
    await shoot(tab, 'grades-6-unsupported.png');
    await tab.close();
  });

  it('the curator sees them in stage 7’s monitoring', async () => {
    await signIn(browser, curator);
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(`chrome-extension://${browser.extensionId}/dashboard.html#/stage-7`);
    const table = tab.getByTestId('table-outcomes');
    await table.waitFor({ timeout: 20_000 });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim()).join(' | ')));
    expect(rows).toEqual(['Посещаемость, доля (журнал) | 1 | 0,75 | 1', 'Средний балл (журнал) | 1 | 4,5 | 4']);
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: join(screenshots, 'grades-7-stage7-outcomes.png') });
    await tab.close();
  });
});
