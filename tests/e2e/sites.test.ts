// Every supported site in real Chromium: the built extension, the API on a fresh database, each
// fixture page served under the site's real host name. A demo mentor signs in; on every page the
// right people get badges and nobody else does, the pair panel opens from a badge and logs a
// meeting that reaches the database. Plus: single-page navigation, a school-added host with the
// generic script, a teacher pair, and what page scripts can and cannot do.
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
import { addJournalHost, grantHost, signIn } from '../support/extension-pages.ts';
import { type FixtureSite, type FixtureSites, serveSites } from '../support/fixture-sites.ts';

const chromiumPath = findChromium();
const screenshots = process.env.NASTAVNIK_SCREENSHOTS;
const novikova = 'p.novikova@school17.example.ru'; // t-0574, mentor of g-84
const danilova = 'e.danilova3@school17.example.ru'; // t-0556, mentor of g-71 (учитель – учитель)
const journalHost = 'journal.school17.example.ru'; // a school's own e-journal, added on the options page

const page = (name: string) => new URL(`../fixtures/pages/${name}`, import.meta.url);
const everything = /.*/;

const sites: FixtureSite[] = [
  {
    host: 'classroom.google.com',
    pages: [
      { path: /\/gb\//, file: page('google-classroom-grades.html') },
      { path: everything, file: page('google-classroom-people.html') },
    ],
  },
  { host: 'schools.dnevnik.ru', pages: [{ path: everything, file: page('dnevnik-ru.html') }] },
  { host: 'school.mos.ru', pages: [{ path: everything, file: page('mesh.html') }] },
  { host: 'sgo.rso23.ru', pages: [{ path: everything, file: page('netschool.html') }] },
  { host: 'school17.eljur.ru', pages: [{ path: everything, file: page('eljur.html') }] },
  { host: 'edu.tatar.ru', pages: [{ path: everything, file: page('edu-tatar.html') }] },
  {
    host: 'school17.moodlecloud.com',
    pages: [
      { path: /grader/, file: page('moodle-grader.html') },
      { path: everything, file: page('moodle-participants.html') },
    ],
  },
  { host: 'school17.instructure.com', pages: [{ path: everything, file: page('canvas-people.html') }] },
  { host: journalHost, pages: [{ path: everything, file: page('generic-journal.html') }] },
];

interface Case {
  site: string;
  url: string;
  /** Demo keys of the people who must carry a badge; nobody else may. */
  badges: string[];
  /** Whose badge opens the pair panel for the meeting log. */
  open: string;
}

const g84 = ['s-0396', 's-0460', 's-0482'];
const cases: Case[] = [
  { site: 'Google Classroom (People)', url: 'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name', badges: g84, open: 's-0396' },
  {
    site: 'Google Classroom (Grades)',
    url: 'https://classroom.google.com/u/1/c/NjQ2NTQ3MjY1NjQy/gb/sort-name',
    badges: g84,
    open: 's-0460',
  },
  {
    site: 'Дневник.ру',
    url: 'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543',
    badges: ['s-0482'],
    open: 's-0482',
  },
  { site: 'МЭШ', url: 'https://school.mos.ru/teacher/study-process/journal/grade/41877', badges: g84, open: 's-0482' },
  { site: 'Сетевой город', url: 'https://sgo.rso23.ru/app/school/journal/', badges: ['s-0482'], open: 's-0482' },
  { site: 'ЭлЖур', url: 'https://school17.eljur.ru/journal-app/view.journal/', badges: ['s-0396'], open: 's-0396' },
  {
    site: 'edu.tatar.ru',
    url: 'https://edu.tatar.ru/school/journal/school_editor?term=2&criteria=123456&edu_class_id=654321&page=1',
    badges: ['s-0482'],
    open: 's-0482',
  },
  {
    site: 'Moodle (grader report)',
    url: 'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77',
    badges: g84,
    open: 's-0460',
  },
  { site: 'Canvas (people)', url: 'https://school17.instructure.com/courses/910/users', badges: g84, open: 's-0396' },
];

async function drawnIds(tab: Page): Promise<string[]> {
  return (
    await tab.locator('[data-nastavnik-person]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-nastavnik-person') ?? ''))
  ).sort();
}

async function expectBadges(tab: Page, keys: string[]): Promise<void> {
  const expected = keys.map((key) => demoUuid(key)).sort();
  await expect.poll(() => drawnIds(tab), { timeout: 15_000 }).toEqual(expected);
  // Nothing more arrives later, and no name was taken for several people.
  await tab.waitForTimeout(400);
  expect(await drawnIds(tab)).toEqual(expected);
  expect(await tab.locator('[data-nastavnik-ambiguous]').count()).toBe(0);
}

describe.skipIf(!chromiumPath)('every supported site in Chromium', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: LocalServer;
  let hosts: FixtureSites;
  let browser: ExtensionBrowser;

  const meetingsWithTopic = (topic: string) =>
    server.db.asService(async (db) => {
      const { rows } = await db.query<{ group_id: string; kind: string; author_person_id: string }>(
        'select group_id, kind, author_person_id from public.meetings where topic = $1',
        [topic],
      );
      return rows;
    });

  /** Opens the pair panel from a badge and logs a meeting; returns the kind it was logged as. */
  async function logMeetingFromPanel(tab: Page, personKey: string, topic: string): Promise<string> {
    await tab
      .locator(`[data-nastavnik-person="${demoUuid(personKey)}"]`)
      .first()
      .click();
    const panel = tab.getByTestId('pair-panel');
    await panel.waitFor();
    const group = panel.getByTestId('pair-group').first();
    await group.getByTestId('pair-log-meeting').click();
    const kind = await group.getByTestId('meeting-kind').inputValue();
    await group.getByTestId('meeting-topic').fill(topic);
    await group.getByTestId('meeting-topic').press('Enter'); // saveable with the keyboard alone
    await expect.poll(() => group.getByTestId('pair-meeting-status').textContent(), { timeout: 15_000 }).toContain('Встреча записана');
    return kind;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-e2e-sites-'));
    database = await freshDatabase();
    await database.db.close();
    server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
    const extensionDir = await buildExtension(server.url, { outDir: '.output/e2e-sites' });
    hosts = await serveSites(sites);
    browser = await launchWithExtension(chromiumPath as string, extensionDir, hosts.chromiumArgs);
    await signIn(browser, novikova);
  });

  afterAll(async () => {
    await browser?.close();
    await hosts?.close();
    await server?.close();
    if (database?.url) await database.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(`${c.site}: badges exactly the mentor’s visible mentees, and the pair panel logs a meeting`, async () => {
      const tab = await browser.context.newPage();
      await tab.goto(c.url);
      await expectBadges(tab, c.badges);
      const badge = tab.locator(`[data-nastavnik-person="${demoUuid(c.open)}"]`);
      expect(await badge.textContent()).toBe('Наставляемый');
      expect(await badge.getAttribute('title')).toContain('Новикова Полина');

      const topic = `${c.site}: встреча ${Date.now()}`;
      const kind = await logMeetingFromPanel(tab, c.open, topic);
      expect(await meetingsWithTopic(topic)).toEqual([{ group_id: demoUuid('g-84'), kind, author_person_id: demoUuid('t-0574') }]);
      // The panel shows the new state once the background has fetched it again.
      await expect.poll(() => tab.getByTestId('pair-last-meeting').first().textContent()).toContain('Последняя встреча');
      if (screenshots) await tab.screenshot({ path: join(screenshots, `site-${c.site.replace(/\W+/g, '-')}.png`) });
      await tab.keyboard.press('Escape');
      await expect.poll(() => tab.getByTestId('pair-panel').count()).toBe(0);
      await tab.close();
    });
  }

  it('МЭШ: follows single-page navigation from the journals list to a journal', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://school.mos.ru/teacher/study-process/journal/my');
    await tab.waitForTimeout(1000);
    expect(await tab.locator('[data-nastavnik-person]').count()).toBe(0); // the list is not a journal
    await tab.evaluate(() => history.pushState({}, '', '/teacher/study-process/journal/grade/41877'));
    await expectBadges(tab, g84);
    await tab.close();
  });

  it('Classroom: moves the badges to the new view when the app swaps views, none stay in hidden ones', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name');
    await expectBadges(tab, g84);
    // What Classroom does on navigation: hide the old <c-wiz>, append the new one, push the URL.
    await tab.evaluate(async () => {
      const html = await (await fetch('/c/NjQ2NTQ3MjY1NjQy/gb/sort-name')).text();
      const next = new DOMParser().parseFromString(html, 'text/html').querySelector('c-wiz[jsrenderer="gradesHash"]');
      for (const view of document.querySelectorAll('c-wiz')) view.setAttribute('style', 'visibility:hidden');
      if (next) document.body.append(document.importNode(next, true));
      history.pushState({}, '', '/u/0/c/NjQ2NTQ3MjY1NjQy/gb/sort-name');
    });
    await expect.poll(() => tab.locator('c-wiz[jsrenderer="gradesHash"] [data-nastavnik-person]').count(), { timeout: 15_000 }).toBe(3);
    expect(await tab.locator('c-wiz[style*="hidden"] [data-nastavnik-person]').count()).toBe(0);
    await tab.close();
  });

  it('keeps the host page to itself: page scripts cannot open the panel or reach the extension, nothing else is written', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(cases[2]?.url as string);
    await expectBadges(tab, ['s-0482']);
    const reached = await tab.evaluate(() => {
      const badge = document.querySelector('[data-nastavnik-person]');
      badge?.dispatchEvent(new MouseEvent('click', { bubbles: true })); // made up by the page: not trusted
      const chromeRuntime = (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      return { canMessage: typeof chromeRuntime?.sendMessage === 'function' };
    });
    expect(reached.canMessage).toBe(false);
    await tab.waitForTimeout(300);
    expect(await tab.getByTestId('pair-panel').count()).toBe(0);
    // The page minus our badges is exactly the page the site sent.
    const untouched = await tab.evaluate(async () => {
      const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const now = document.documentElement.cloneNode(true) as HTMLElement;
      for (const ours of now.querySelectorAll('[data-nastavnik-person], [data-nastavnik-ambiguous], nastavnik-pair-panel')) ours.remove();
      const normal = (html: string) => html.replace(/\s+/g, ' ');
      return normal(now.innerHTML) === normal(sent.documentElement.innerHTML);
    });
    expect(untouched).toBe(true);
    await tab.close();
  });

  it('a host the school adds: nothing before, the options page asks for it, then the generic script finds names in the text', async () => {
    const url = `https://${journalHost}/classes/physics`;
    const before = await browser.context.newPage();
    await before.goto(url);
    await before.waitForTimeout(1000);
    expect(await before.locator('[data-nastavnik-person]').count()).toBe(0); // no permission, no script
    await before.close();

    await grantHost(browser, journalHost);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('journal-host-input').fill('classroom.google.com');
    await options.getByTestId('journal-host-add').click();
    await expect.poll(() => options.getByTestId('journal-host-message').textContent()).toContain('уже поддерживается');
    await addJournalHost(browser, journalHost, options);
    expect(await options.getByTestId('journal-host-message').textContent()).toContain('добавлен');
    if (screenshots) await options.screenshot({ path: join(screenshots, 'options-hosts.png'), fullPage: true });
    await options.close();

    const tab = await browser.context.newPage();
    await tab.goto(url);
    await expectBadges(tab, g84);
    const topic = `Свой журнал школы: встреча ${Date.now()}`;
    const kind = await logMeetingFromPanel(tab, 's-0482', topic);
    expect(await meetingsWithTopic(topic)).toEqual([{ group_id: demoUuid('g-84'), kind, author_person_id: demoUuid('t-0574') }]);
    if (screenshots) await tab.screenshot({ path: join(screenshots, 'site-generic.png') });
    await tab.close();
  });

  it('Moodle participants of a teachers’ course: a teacher pair (учитель – учитель) for its mentor', async () => {
    await signIn(browser, danilova);
    const tab = await browser.context.newPage();
    await tab.goto('https://school17.moodlecloud.com/user/index.php?id=42');
    await expectBadges(tab, ['t-0556', 't-0567']);
    expect(await tab.locator(`[data-nastavnik-person="${demoUuid('t-0556')}"]`).textContent()).toBe('Наставник');
    const topic = `Школа молодого педагога: встреча ${Date.now()}`;
    const kind = await logMeetingFromPanel(tab, 't-0567', topic);
    expect(await meetingsWithTopic(topic)).toEqual([{ group_id: demoUuid('g-71'), kind, author_person_id: demoUuid('t-0556') }]);
    await tab.close();
  });
});
