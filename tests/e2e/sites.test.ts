import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium } from '../support/chromium.ts';
import { type ExtensionStack, startExtensionStack } from '../support/e2e-stack.ts';
import {
  addJournalHost,
  badgedPeople,
  badgeOf,
  demoPeopleNamed,
  grantHost,
  type Named,
  panelFrame,
  signIn,
} from '../support/extension-pages.ts';
import type { FixtureSite } from '../support/fixture-sites.ts';

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
  { host: 'schools.kundelik.kz', pages: [{ path: everything, file: page('dnevnik-ru-v2.html') }] },
  {
    host: 'school.mos.ru',
    pages: [
      { path: /\/grade\/777/, file: page('fallback/mesh.html') },
      { path: everything, file: page('mesh.html') },
    ],
  },
  { host: 'ms-edu.tatar.ru', pages: [{ path: everything, file: page('mesh.html') }] },
  { host: 'edu.rk.gov.ru', pages: [{ path: everything, file: page('eljur.html') }] },
  { host: 'deti.obr03.ru', pages: [{ path: everything, file: page('netschool.html') }] },
  { host: 'school17.eljur.ru', pages: [{ path: everything, file: page('eljur.html') }] },
  { host: 'edu.tatar.ru', pages: [{ path: everything, file: page('edu-tatar.html') }] },
  {
    host: 'school17.moodlecloud.com',
    pages: [
      { path: /grader/, file: page('moodle-grader.html') },
      { path: everything, file: page('moodle-participants.html') },
    ],
  },
  {
    host: 'school17.instructure.com',
    pages: [
      { path: /\/courses\/911\//, file: page('canvas-people-modern.html') },
      { path: everything, file: page('canvas-people.html') },
    ],
  },
  { host: journalHost, pages: [{ path: everything, file: page('generic-journal.html') }] },
];

interface Case {
  site: string;
  url: string;
  /** Demo keys of the people who must carry a badge; nobody else may. */
  badges: string[];
  /** Whose badge opens the pair panel for the meeting log. */
  open: string;
  /** How the page spells the people, where not as the school's base does (Classroom's Latin account names). */
  spelled?: Record<string, Named>;
}

const g84 = ['s-0396', 's-0460', 's-0482'];
const cases: Case[] = [
  { site: 'Google Classroom (People)', url: 'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name', badges: g84, open: 's-0396' },
  {
    site: 'Google Classroom (Grades)',
    url: 'https://classroom.google.com/u/1/c/NjQ2NTQ3MjY1NjQy/gb/sort-name',
    badges: g84,
    open: 's-0460',
    spelled: {
      's-0396': { last: 'Ivanov', first: 'Lev' },
      's-0460': { last: 'Kudryavtsev', first: 'Daniil' },
      's-0482': { last: 'Karpova', first: 'Mariya' },
      's-0477': { last: 'Karpova', first: 'Anna' },
      's-0498': { last: 'Vorobyova', first: 'Vasilisa' },
    },
  },
  {
    site: 'Дневник.ру',
    url: 'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543',
    badges: ['s-0482'],
    open: 's-0482',
  },
  { site: 'МЭШ', url: 'https://school.mos.ru/teacher/study-process/journal/grade/41877', badges: g84, open: 's-0482' },
  { site: 'МЭШ (Татарстан)', url: 'https://ms-edu.tatar.ru/teacher/study-process/journal/grade/41877', badges: g84, open: 's-0460' },
  {
    site: 'Дневник.ру /v2/ (Kundelik)',
    url: 'https://schools.kundelik.kz/v2/journals/journal?group=1000009876543',
    badges: ['s-0482'],
    open: 's-0482',
  },
  { site: 'Сетевой город', url: 'https://deti.obr03.ru/app/school/journal/', badges: ['s-0482'], open: 's-0482' },
  { site: 'ЭлЖур', url: 'https://school17.eljur.ru/journal-app/view.journal/', badges: ['s-0396'], open: 's-0396' },
  { site: 'ЭлЖур (edu.rk.gov.ru)', url: 'https://edu.rk.gov.ru/journal-app/view.journal/', badges: ['s-0396'], open: 's-0396' },
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
  { site: 'Canvas (modernised people)', url: 'https://school17.instructure.com/courses/911/users', badges: g84, open: 's-0482' },
];

/** The demo people the pages show (and some they show who must get no badge), read from the database. */
const shownKeys = ['s-0396', 's-0460', 's-0482', 's-0477', 's-0498', 's-0487', 't-0556', 't-0567', 't-0574'];
const people = new Map<string, Named & { key: string }>();

/** Whom the badges stand next to, as demo keys ('?' for a badge beside anybody else), sorted. */
async function drawnKeys(tab: Page, spelled?: Record<string, Named>): Promise<string[]> {
  const shown = spelled ? Object.entries(spelled).map(([key, name]) => ({ key, ...name })) : [...people.values()];
  return (await badgedPeople(tab, shown)).map((person) => person?.key ?? '?').sort();
}

async function expectBadges(tab: Page, keys: string[], spelled?: Record<string, Named>): Promise<void> {
  const expected = [...keys].sort();
  await expect.poll(() => drawnKeys(tab, spelled), { timeout: 15_000 }).toEqual(expected);
  // Nothing more arrives later, and no name was taken for several people.
  await tab.waitForTimeout(400);
  expect(await drawnKeys(tab, spelled)).toEqual(expected);
  expect(await tab.locator('[data-nastavnik-badge="ambiguous"]').count()).toBe(0);
}

const person = (key: string) => people.get(key) as Named;

describe.skipIf(!chromiumPath)('every supported site in Chromium', () => {
  let stack: ExtensionStack;
  let server: LocalServer;
  let browser: ExtensionBrowser;

  const meetingsWithTopic = (topic: string) =>
    server.db.asService(async (db) => {
      const { rows } = await db.query<{ group_id: string; kind: string; author_person_id: string }>(
        'select group_id, kind, author_person_id from public.meetings where topic = $1',
        [topic],
      );
      return rows;
    });

  /** Opens the pair panel (its frame) from a badge and logs a meeting; returns the kind it was logged as. */
  async function logMeetingFromPanel(tab: Page, personKey: string, topic: string, spelled?: Record<string, Named>): Promise<string> {
    await (await badgeOf(tab, spelled?.[personKey] ?? person(personKey))).click();
    const panel = panelFrame(tab).getByTestId('pair-panel');
    await panel.waitFor({ timeout: 15_000 });
    const group = panel.getByTestId('pair-group').first();
    await group.getByTestId('pair-log-meeting').click();
    const kind = await group.getByTestId('meeting-kind').inputValue();
    await group.getByTestId('meeting-topic').fill(topic);
    // Save waits until the frame has been plainly visible for a moment (clickjacking).
    await expect.poll(() => group.getByTestId('meeting-save').isEnabled(), { timeout: 10_000 }).toBe(true);
    await group.getByTestId('meeting-topic').press('Enter'); // saveable with the keyboard alone
    await expect.poll(() => group.getByTestId('pair-meeting-status').textContent(), { timeout: 15_000 }).toContain('Встреча записана');
    return kind;
  }

  beforeAll(async () => {
    stack = await startExtensionStack({ name: 'sites', chromiumPath: chromiumPath as string, sites });
    ({ server, browser } = stack);
    await signIn(browser, novikova);
    for (const [key, named] of await demoPeopleNamed(server.db, shownKeys)) people.set(key, named);
  });

  afterAll(() => stack?.close());

  for (const c of cases) {
    it(`${c.site}: badges exactly the mentor’s visible mentees, and the pair panel logs a meeting`, async () => {
      const tab = await browser.context.newPage();
      await tab.goto(c.url);
      await expectBadges(tab, c.badges, c.spelled);
      const badge = await badgeOf(tab, c.spelled?.[c.open] ?? person(c.open));
      // In the person's own gender: Карпова Мария is «Наставляемая», Лев and Даниил «Наставляемый».
      expect(await badge.textContent()).toBe(c.open === 's-0482' ? 'Наставляемая' : 'Наставляемый');

      const topic = `${c.site}: встреча ${Date.now()}`;
      const kind = await logMeetingFromPanel(tab, c.open, topic, c.spelled);
      expect(await meetingsWithTopic(topic)).toEqual([{ group_id: demoUuid('g-84'), kind, author_person_id: demoUuid('t-0574') }]);
      // The pair (the mentor, the next step) is in the frame, not in the page; the new state once fetched again.
      const frame = panelFrame(tab);
      expect(await frame.getByTestId('pair-group').first().textContent()).toContain('Новикова Полина');
      await expect.poll(() => frame.getByTestId('pair-last-meeting').first().textContent()).toContain('Последняя встреча');
      // Named by host (and the case's place: Classroom has two): the site names are Cyrillic.
      if (screenshots) await tab.screenshot({ path: join(screenshots, `site-${cases.indexOf(c)}-${new URL(c.url).hostname}.png`) });
      await tab.keyboard.press('Escape');
      await expect.poll(() => tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
      await tab.close();
    });
  }

  it('Дневник.ру at 1280 and 360 px: the journal with its badge, the pair panel’s frame, the meeting form; Escape gives the focus back', async () => {
    for (const width of [1280, 360]) {
      const tab = await browser.context.newPage();
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(cases[2]?.url as string);
      await expectBadges(tab, ['s-0482']);
      const shoot = (name: string) => (screenshots ? tab.screenshot({ path: join(screenshots, `${name}-${width}.png`) }) : undefined);
      await shoot('journal-badges');
      const badge = await badgeOf(tab, person('s-0482'));
      await badge.click();
      const group = panelFrame(tab).getByTestId('pair-group').first();
      await group.waitFor({ timeout: 15_000 });
      await shoot('pair-panel');
      await group.getByTestId('pair-log-meeting').click();
      await group.getByTestId('meeting-form').waitFor();
      await expect.poll(() => group.getByTestId('meeting-save').isEnabled(), { timeout: 10_000 }).toBe(true);
      await shoot('meeting-form');
      await group.getByTestId('meeting-topic').press('Escape');
      await expect.poll(() => tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
      expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-nastavnik-badge'))).toBe('participant');
      await tab.close();
    }
  });

  it('МЭШ: follows single-page navigation from the journals list to a journal', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://school.mos.ru/teacher/study-process/journal/my');
    await tab.waitForTimeout(1000);
    expect(await tab.locator('[data-nastavnik-badge]').count()).toBe(0); // the list is not a journal
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
    await expect.poll(() => tab.locator('c-wiz[jsrenderer="gradesHash"] [data-nastavnik-badge]').count(), { timeout: 15_000 }).toBe(3);
    expect(await tab.locator('c-wiz[style*="hidden"] [data-nastavnik-badge]').count()).toBe(0);
    await tab.close();
  });

  it('keeps the host page to itself: page scripts cannot open the panel or reach the extension, nothing else is written', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(cases[2]?.url as string);
    await expectBadges(tab, ['s-0482']);
    const reached = await tab.evaluate(() => {
      const badge = document.querySelector('[data-nastavnik-badge]');
      badge?.dispatchEvent(new MouseEvent('click', { bubbles: true })); // made up by the page: not trusted
      const chromeRuntime = (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      return { canMessage: typeof chromeRuntime?.sendMessage === 'function' };
    });
    expect(reached.canMessage).toBe(false);
    await tab.waitForTimeout(300);
    expect(await tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
    // The page minus our badges is exactly the page the site sent.
    const untouched = await tab.evaluate(async () => {
      const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const now = document.documentElement.cloneNode(true) as HTMLElement;
      for (const ours of now.querySelectorAll('[data-nastavnik-badge], [data-nastavnik-ui]')) ours.remove();
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
    expect(await before.locator('[data-nastavnik-badge]').count()).toBe(0); // no permission, no script
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

  it('a page whose markup changed: names read in the text, a quiet note in the curator’s panel, one count for the API', async () => {
    await signIn(browser, 'a.korolev2@school17.example.ru'); // the school's curator
    const tab = await browser.context.newPage();
    await tab.goto('https://school.mos.ru/teacher/study-process/journal/grade/777');
    await expect.poll(() => tab.locator('[data-nastavnik-badge]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await tab.getByTestId('programme-launcher').click();
    const note = panelFrame(tab).getByTestId('adapter-fallback-note');
    await note.waitFor({ timeout: 15_000 });
    expect(await note.textContent()).toContain('по именам в тексте');
    await panelFrame(tab).getByTestId('programme-stages').waitFor({ timeout: 15_000 });
    if (screenshots) await tab.screenshot({ path: join(screenshots, 'fallback-note.png') });
    const counted = () =>
      server.db.asService(async (db) => {
        const { rows } = await db.query<{ site: string; host: string; page_kind: string; count: number }>(
          'select site, host, page_kind, count from public.adapter_reports',
        );
        return rows;
      });
    await expect.poll(counted, { timeout: 15_000 }).toEqual([{ site: 'mesh', host: 'school.mos.ru', page_kind: 'journal', count: 1 }]);
    // Reloading the page counts nothing more today (once a day per site, host and kind).
    await tab.reload();
    await expect.poll(() => tab.locator('[data-nastavnik-badge]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await tab.waitForTimeout(500);
    expect(await counted()).toEqual([{ site: 'mesh', host: 'school.mos.ru', page_kind: 'journal', count: 1 }]);
    await tab.close();
  });

  it('Moodle participants of a teachers’ course: a teacher pair (учитель – учитель) for its mentor', async () => {
    await signIn(browser, danilova);
    const tab = await browser.context.newPage();
    await tab.goto('https://school17.moodlecloud.com/user/index.php?id=42');
    await expectBadges(tab, ['t-0556', 't-0567']);
    expect(await (await badgeOf(tab, person('t-0556'))).textContent()).toBe('Наставник');
    const topic = `Школа молодого педагога: встреча ${Date.now()}`;
    const kind = await logMeetingFromPanel(tab, 't-0567', topic);
    expect(await meetingsWithTopic(topic)).toEqual([{ group_id: demoUuid('g-71'), kind, author_person_id: demoUuid('t-0556') }]);
    await tab.close();
  });
});
