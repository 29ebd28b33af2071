// The curator in real Chromium (issue 6): the built extension, the API on a fresh database, fixture
// pages under the sites' real host names. The demo curator sees every participant of the school on
// a journal (more than a mentor does), opens the programme panel from its corner launcher, sees the
// seven stages, the current stage's checklist and the warnings, ticks an item with an evidence link
// (the row is in the database), and adds a class page's new pupil through roster capture.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium } from '../support/chromium.ts';
import { type ExtensionStack, startExtensionStack } from '../support/e2e-stack.ts';
import { badgedPeople, demoPeopleNamed, type Named, panelFrame, signIn } from '../support/extension-pages.ts';
import type { FixtureSite } from '../support/fixture-sites.ts';

const chromiumPath = findChromium();
const screenshots = process.env.NASTAVNIK_SCREENSHOTS;
const curator = 'a.korolev2@school17.example.ru'; // t-0555, the school's curator
const novikova = 'p.novikova@school17.example.ru'; // t-0574, mentor of g-84

const page = (name: string) => new URL(`../fixtures/pages/${name}`, import.meta.url);
const journal = 'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543';
/** The same journal with a pupil the school does not know yet (dnevnik-ru-new-pupil.html). */
const journalWithNewPupil = 'https://schools.dnevnik.ru/journals/journal.aspx?school=1000001234567&group=1000009876543';
const moodleParticipants = 'https://school17.moodlecloud.com/user/index.php?id=42';

const sites: FixtureSite[] = [
  {
    host: 'schools.dnevnik.ru',
    pages: [
      { path: /\/journal\.aspx$/, file: page('dnevnik-ru-new-pupil.html') },
      { path: /.*/, file: page('dnevnik-ru.html') },
    ],
  },
  { host: 'school17.moodlecloud.com', pages: [{ path: /.*/, file: page('moodle-participants.html') }] },
];

/** The demo people the journal shows who are in the programme, read from the database. */
const shownKeys = ['s-0482', 's-0477', 's-0498', 's-0487'];
const people = new Map<string, Named & { key: string }>();

/** Whom the badges stand next to, as demo keys ('?' for a badge beside anybody else), sorted. */
async function drawnKeys(tab: Page): Promise<string[]> {
  return (await badgedPeople(tab, [...people.values()])).map((person) => person?.key ?? '?').sort();
}

describe.skipIf(!chromiumPath)('the curator in Chromium: programme panel and roster capture', () => {
  let stack: ExtensionStack;
  let server: LocalServer;
  let browser: ExtensionBrowser;
  let mentorBadges = 0;

  const shoot = async (tab: Page, name: string) => {
    if (!screenshots) return;
    await mkdir(screenshots, { recursive: true });
    await tab.screenshot({ path: join(screenshots, name) });
  };

  async function openPanel(tab: Page) {
    const launcher = tab.getByTestId('programme-launcher');
    await launcher.waitFor({ timeout: 15_000 });
    // Keyboard first: the launcher is reachable and opens with Enter; the panel is an extension-origin frame.
    await launcher.focus();
    await launcher.press('Enter');
    const panel = panelFrame(tab).getByTestId('programme-panel');
    await panel.waitFor({ timeout: 15_000 });
    await panel.getByTestId('programme-stages').waitFor({ timeout: 15_000 });
    return panel;
  }

  beforeAll(async () => {
    stack = await startExtensionStack({ name: 'curator', chromiumPath: chromiumPath as string, sites });
    ({ server, browser } = stack);
    for (const [key, named] of await demoPeopleNamed(server.db, shownKeys)) people.set(key, named);
  });

  afterAll(() => stack?.close());

  it('a mentor: her mentee’s badge only, and no programme launcher', async () => {
    await signIn(browser, novikova);
    const tab = await browser.context.newPage();
    await tab.goto(journal);
    await expect.poll(() => drawnKeys(tab), { timeout: 15_000 }).toEqual(['s-0482']);
    mentorBadges = (await drawnKeys(tab)).length;
    await tab.waitForTimeout(500);
    expect(await tab.getByTestId('programme-launcher').count()).toBe(0);
    await tab.close();
  });

  it('the curator: badges for every participant of the school on the same page, more than the mentor sees', async () => {
    await signIn(browser, curator);
    const tab = await browser.context.newPage();
    await tab.goto(journal);
    // Карпова Мария, Карпова Анна, Воробьёва Василиса, Гаврилова Елена are in the programme (fixture's comment).
    await expect.poll(async () => (await drawnKeys(tab)).filter((key) => shownKeys.includes(key)).length, { timeout: 15_000 }).toBe(4);
    expect((await drawnKeys(tab)).length).toBeGreaterThan(mentorBadges);
    expect(mentorBadges).toBe(1);
    await tab.getByTestId('programme-launcher').waitFor({ timeout: 15_000 });
    await shoot(tab, 'curator-launcher.png');
    await tab.close();
  });

  it('programme panel: seven stages, stage 6’s checklist and warnings; a tick with an evidence link reaches the database', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(moodleParticipants);
    const panel = await openPanel(tab);
    expect(await panel.getByTestId('programme-stage').count()).toBe(7);
    expect(await panel.locator('[data-testid="programme-stages"] li[aria-current="step"] [data-stage]').getAttribute('data-stage')).toBe(
      '6',
    );
    const checklist = panel.getByTestId('programme-checklist');
    expect(await checklist.getAttribute('data-stage')).toBe('6');
    expect(await checklist.getByTestId('checklist-item').count()).toBe(5);
    expect(await panel.getByTestId('programme-warning').count()).toBeGreaterThan(0);
    await shoot(tab, 'programme-panel.png');

    // A refusal says why: the API's own reason, nothing ticked.
    const item = checklist.locator('[data-testid="checklist-item"][data-key="introduction_meetings"]');
    await item.getByTestId('checklist-check').click(); // opens the evidence form; the box ticks once saved
    await item.getByTestId('evidence-value').fill('12');
    await item.getByTestId('evidence-url').fill(`https://school17.example.ru/${'x'.repeat(1100)}`);
    await item.getByTestId('checklist-save').click();
    await expect.poll(() => item.getByTestId('checklist-status').textContent(), { timeout: 15_000 }).toContain('Не сохранено');
    expect(await item.getAttribute('data-done')).toBe('false');

    // Then with a good link, saved with the keyboard alone.
    const link = 'https://school17.example.ru/docs/prikaz-vstrechi-znakomstva.pdf';
    await item.getByTestId('evidence-url').fill(link);
    await item.getByTestId('evidence-url').press('Enter');
    await expect.poll(() => item.getByTestId('checklist-status').textContent(), { timeout: 15_000 }).toContain('Сохранено');
    expect(await item.getAttribute('data-done')).toBe('true');
    expect(await item.getByTestId('checklist-evidence').textContent()).toContain('12');
    const rows = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ done_at: Date | null; evidence_url: string | null; evidence_count: number | null }>(
        `select i.done_at, i.evidence_url, i.evidence_count from public.programme_checklist_items i
         join public.catalog_checklist_items t on t.id = i.catalog_item_id where t.key = 'introduction_meetings'`,
      );
      return rows;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.done_at).not.toBeNull();
    expect(rows[0]?.evidence_url).toBe(link);
    expect(rows[0]?.evidence_count).toBe(12);
    await shoot(tab, 'programme-panel-ticked.png');

    // A warning names the pair (from the groups the overlay already has); the drawer fits 360 px.
    const warning = panel.locator('[data-testid="programme-warning"]:not([data-kind="unfinished_stage"])').first();
    await warning.locator('summary').press('Enter');
    expect(await warning.locator('li').first().textContent()).toMatch(/\S — \S/);
    await tab.setViewportSize({ width: 360, height: 800 });
    await warning.scrollIntoViewIfNeeded();
    await shoot(tab, 'programme-panel-360.png');
    await tab.setViewportSize({ width: 1280, height: 900 });

    // The participants of a teachers' course are listed in «Имя Фамилия» order; the preview knows them.
    await panel.getByTestId('roster-check').click();
    await panel.getByTestId('roster-preview').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('roster-known').textContent()).toContain('Данилова Елизавета');
    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
    // The focus is back on the launcher that opened the drawer.
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-nastavnik-ui'))).toBe('launcher');
    await tab.close();
  });

  it('two curators: a tick on an item someone changed meanwhile is refused, and the panel shows their change', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(moodleParticipants);
    const panel = await openPanel(tab);
    const item = panel.locator('[data-testid="checklist-item"][data-key="trial_meetings"]');
    await item.waitFor();
    expect(await item.getAttribute('data-done')).toBe('false');

    // While the panel is open, the head records the same item elsewhere.
    const itemId = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `update public.programme_checklist_items i set done_at = now(), evidence_count = 31
         from public.catalog_checklist_items t where t.id = i.catalog_item_id and t.key = 'trial_meetings' returning i.id`,
      );
      return rows[0]?.id;
    });

    await item.getByTestId('checklist-check').click(); // opens the evidence form; the box ticks once saved
    await item.getByTestId('evidence-value').fill('7');
    await item.getByTestId('checklist-save').click();
    await expect.poll(() => item.getByTestId('checklist-status').textContent(), { timeout: 15_000 }).toContain('изменил кто-то другой');
    // The row now shows the head's record; nothing of the curator's was written over it.
    expect(await item.getAttribute('data-done')).toBe('true');
    expect(await item.getByTestId('checklist-evidence').textContent()).toContain('31');
    const stored = await server.db.asService(
      async (db) =>
        (await db.query<{ n: number }>('select evidence_count as n from public.programme_checklist_items where id = $1', [itemId])).rows[0]
          ?.n,
    );
    expect(stored).toBe(31);
    await shoot(tab, 'programme-panel-stale.png');
    await tab.close();
  });

  it('roster capture: the preview sorts the class page’s people, the import adds the new pupil, a second capture knows her', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(journalWithNewPupil);
    const panel = await openPanel(tab);
    const roster = panel.getByTestId('roster-capture');
    await expect.poll(() => roster.textContent(), { timeout: 15_000 }).toContain('10 человек, класс 10Б');
    await roster.getByTestId('roster-check').click();
    await roster.getByTestId('roster-preview').waitFor({ timeout: 15_000 });
    expect(await roster.getByTestId('roster-counts').textContent()).toBe('Новых: 1 · уже в базе: 7 · неоднозначных: 2 · ошибок: 0');
    expect(await roster.getByTestId('roster-new').textContent()).toContain('Петрова Злата, 10Б');
    const known = await roster.getByTestId('roster-known').textContent();
    expect(known).toContain('Карпова Мария');
    expect(known).toContain('Воробьёва Василиса');
    expect(await roster.getByTestId('roster-ambiguous').textContent()).toContain('Кудрявцев Даниил Маркович, 10А');
    await roster.getByTestId('roster-ambiguous').scrollIntoViewIfNeeded();
    await shoot(tab, 'roster-preview.png');
    await tab.setViewportSize({ width: 360, height: 800 });
    await roster.getByTestId('roster-ambiguous').scrollIntoViewIfNeeded();
    await shoot(tab, 'roster-preview-360.png');
    await tab.setViewportSize({ width: 1280, height: 900 });

    const addedBefore = await server.db.asService(async (db) => {
      const { rows } = await db.query('select 1 from public.people where last_name = $1 and first_name = $2', ['Петрова', 'Злата']);
      return rows.length;
    });
    expect(addedBefore).toBe(0);
    const importButton = roster.getByTestId('roster-import');
    expect(await importButton.textContent()).toBe('Добавить 1 нового');
    await importButton.click();
    await expect.poll(() => roster.getByTestId('roster-status').textContent(), { timeout: 15_000 }).toContain('добавлено 1');
    await shoot(tab, 'roster-imported.png');
    const added = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ kind: string; class_name: string | null }>(
        `select p.kind, c.name as class_name from public.people p left join public.classes c on c.id = p.class_id
         where p.last_name = 'Петрова' and p.first_name = 'Злата'`,
      );
      return rows;
    });
    expect(added).toEqual([{ kind: 'student', class_name: '10Б' }]);

    await roster.getByTestId('roster-check').click();
    await expect
      .poll(() => roster.getByTestId('roster-counts').textContent(), { timeout: 15_000 })
      .toBe('Новых: 0 · уже в базе: 8 · неоднозначных: 2 · ошибок: 0');
    expect(await roster.getByTestId('roster-known').textContent()).toContain('Петрова Злата');
    await tab.close();
  });
});
