// Evaluated results from the e-journal (issue 13) in real Chromium: the built extension, the API on a
// fresh database, the Дневник.ру journal fixture under its real host name. The demo mentor opens her
// mentee's pair panel from the badge, clicks «Взять оценки из журнала», sees the figures of the
// mentee's row, saves them as «до» and then as «после», and the outcomes rows are in the database
// and in stage 7's monitoring. A mentee not on the page and a site without a grades reader say so.
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
const page = (name: string) => new URL(`../fixtures/pages/${name}`, import.meta.url);

interface OutcomeRow {
  metric_key: string;
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
            `select metric_key, person_id, group_id, value_before::float8 as value_before, value_after::float8 as value_after,
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
    expect(await form.getByTestId('grades-average').textContent()).toBe('4,5 (2 оценки)');
    expect(figures).toContain('1 пропуск из 4 уроков');
    expect(await form.getByTestId('grades-attendance').textContent()).toBe('75 %');
    // No final meeting yet: «до» is preselected, its period ends when the pair started.
    expect(await form.getByTestId('grades-before').isChecked()).toBe(true);
    const before = { from: await form.getByTestId('grades-from').inputValue(), to: await form.getByTestId('grades-to').inputValue() };
    expect(before.from < before.to).toBe(true);
    await shoot(tab, 'grades-2-read.png');
    await expect.poll(() => form.getByTestId('grades-save').isEnabled(), { timeout: 10_000 }).toBe(true);
    await form.getByTestId('grades-save').click();
    const status = takeFor(group, 's-0482').getByTestId('grades-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Сохранены 2 показателя «до» в оцениваемые результаты.');
    await shoot(tab, 'grades-3-saved.png');

    const mentee = demoUuid('s-0482');
    const g84 = demoUuid('g-84');
    expect(await outcomes()).toEqual([
      expect.objectContaining({
        metric_key: 'attendance_share',
        person_id: mentee,
        group_id: g84,
        value_before: 0.75,
        value_after: null,
        measured_before_on: before.to,
      }),
      expect.objectContaining({ metric_key: 'grade_average', person_id: mentee, group_id: g84, value_before: 4.5, value_after: null }),
    ]);
    expect((await outcomes())[0]?.source).toMatch(/^Дневник\.ру, Физика, /);

    // The «после», with the period the teacher types.
    await takeFor(group, 's-0482').getByTestId('grades-take').click();
    await form.waitFor();
    await form.getByTestId('grades-after').check();
    await form.getByTestId('grades-from').fill('2026-11-01');
    await form.getByTestId('grades-to').fill('2026-11-30');
    await form.getByTestId('grades-save').click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('«после»');
    const after = (await outcomes()).filter((o) => o.value_after !== null);
    expect(after.map((o) => [o.metric_key, o.value_after, o.measured_after_on])).toEqual([
      ['attendance_share', 0.75, '2026-11-30'],
      ['grade_average', 4.5, '2026-11-30'],
    ]);

    // A mentee whose row this page does not show: said in words, nothing saved.
    await takeFor(group, 's-0396').getByTestId('grades-take').click();
    const missing = takeFor(group, 's-0396').getByTestId('grades-status');
    await expect.poll(() => missing.textContent(), { timeout: 10_000 }).toContain('На этой странице нет оценок для: Иванов Лев');
    await shoot(tab, 'grades-4-not-on-page.png');
    expect(await outcomes()).toHaveLength(4);
    await tab.close();

    // Stage 7's monitoring: one participant, the «до» and «после» averages.
    const report = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ programme_id: string }>('select programme_id from public.mentoring_groups where id = $1', [g84]);
      return monitoringReport(db, rows[0]?.programme_id as string);
    });
    expect(report.outcomes).toEqual([
      { metric_key: 'attendance_share', people: 1, before_average: 0.75, after_average: 0.75 },
      { metric_key: 'grade_average', people: 1, before_average: 4.5, after_average: 4.5 },
    ]);
  });

  it('at 360 px the reading fits the panel', async () => {
    const { tab, group } = await openPanel(journal, 's-0482', 360);
    await takeFor(group, 's-0482').getByTestId('grades-take').click();
    await group.getByTestId('grades-form').waitFor({ timeout: 10_000 });
    await group.getByTestId('grades-form').scrollIntoViewIfNeeded();
    await shoot(tab, 'grades-5-read-360.png');
    await tab.close();
  });

  it('a site without a grades reader (Moodle) says which sites have one', async () => {
    const { tab, group } = await openPanel(moodle, 's-0460');
    await takeFor(group, 's-0460').getByTestId('grades-take').click();
    const said = takeFor(group, 's-0460').getByTestId('grades-status');
    await expect
      .poll(() => said.textContent(), { timeout: 10_000 })
      .toBe('С этого сайта оценки пока не читаются. Поддерживаются: Дневник.ру.');
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
    expect(rows).toEqual(['Посещаемость, доля (журнал) | 1 | 0.75 | 0.75', 'Средний балл (журнал) | 1 | 4.5 | 4.5']);
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: join(screenshots, 'grades-7-stage7-outcomes.png') });
    await tab.close();
  });
});
