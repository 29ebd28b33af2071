// Try the extension without a desktop: `node tests/support/try-headless.ts [e-mail] [page]` (Node 22).
// Starts the local API on a throw-away data folder (the demo school), builds the extension for it,
// launches headless Chromium with it, signs a demo person in, opens a fixture e-journal page under
// the site's real host name and saves screenshots of what that person sees (the journal with its
// badges, the pair panel, the curator's programme panel, the popup, the options page, the dashboard) at 1280 and
// 360 px, in Russian, to .screenshots/try/. Everything it started stops when it is done.
//
//   node tests/support/try-headless.ts                                  # the curator on Дневник.ру
//   node tests/support/try-headless.ts p.novikova@school17.example.ru  # a mentor
//   node tests/support/try-headless.ts p.novikova@school17.example.ru classroom
//
// Pages: dnevnik-ru, mesh, netschool, eljur, edu-tatar, classroom, classroom-grades, moodle,
// moodle-grader, canvas. Needs Chromium (/usr/lib/chromium/chromium, or NASTAVNIK_CHROMIUM).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { findChromium, launchWithExtension } from './chromium.ts';
import { panelFrame, signIn } from './extension-pages.ts';
import { serveSites } from './fixture-sites.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = resolve(root, '.screenshots/try');
const fixture = (name: string) => new URL(`../fixtures/pages/${name}`, import.meta.url);

/** Each fixture page under its site's host name, and the address a teacher would open. */
const pages = {
  'dnevnik-ru': {
    host: 'schools.dnevnik.ru',
    file: 'dnevnik-ru.html',
    url: 'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543',
  },
  mesh: { host: 'school.mos.ru', file: 'mesh.html', url: 'https://school.mos.ru/teacher/study-process/journal/grade/41877' },
  netschool: { host: 'deti.obr03.ru', file: 'netschool.html', url: 'https://deti.obr03.ru/app/school/journal/' },
  eljur: { host: 'school17.eljur.ru', file: 'eljur.html', url: 'https://school17.eljur.ru/journal-app/view.journal/' },
  'edu-tatar': {
    host: 'edu.tatar.ru',
    file: 'edu-tatar.html',
    url: 'https://edu.tatar.ru/school/journal/school_editor?term=2&criteria=123456&edu_class_id=654321&page=1',
  },
  classroom: {
    host: 'classroom.google.com',
    file: 'google-classroom-people.html',
    url: 'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name',
  },
  'classroom-grades': {
    host: 'classroom.google.com',
    file: 'google-classroom-grades.html',
    url: 'https://classroom.google.com/u/0/c/NjQ2NTQ3MjY1NjQy/gb/sort-name',
  },
  moodle: {
    host: 'school17.moodlecloud.com',
    file: 'moodle-participants.html',
    url: 'https://school17.moodlecloud.com/user/index.php?id=42',
  },
  'moodle-grader': {
    host: 'school17.moodlecloud.com',
    file: 'moodle-grader.html',
    url: 'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77',
  },
  canvas: { host: 'school17.instructure.com', file: 'canvas-people.html', url: 'https://school17.instructure.com/courses/910/users' },
} as const;

const email = process.argv[2] ?? 'a.korolev2@school17.example.ru'; // t-0555, the demo school's curator
const pageName = (process.argv[3] ?? 'dnevnik-ru') as keyof typeof pages;
const chosen = pages[pageName];
if (!chosen) {
  console.error(`✗ Нет такой страницы: ${pageName}. Есть: ${Object.keys(pages).join(', ')}`);
  process.exit(1);
}
const chromium = findChromium();
if (!chromium) {
  console.error('✗ Chromium не найден: apt-get install -y chromium (или NASTAVNIK_CHROMIUM=/путь/к/chromium)');
  process.exit(1);
}

const log = (line: string) => console.log(`• ${line}`);
const saved: string[] = [];
const shoot = async (tab: Page, name: string, fullPage = false) => {
  const path = join(out, name);
  await tab.screenshot({ path, fullPage });
  saved.push(path);
};

const dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-try-'));
const server = await startLocalServer({ port: 0, dataDir, log });
const hosts = await serveSites(
  // One host may serve several pages (Classroom's People and Grades): the first whose path matches.
  Object.values(pages)
    .filter((p) => p.host === chosen.host)
    .map((p) => ({
      host: p.host,
      pages: [{ path: new RegExp(`^${new URL(p.url).pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), file: fixture(p.file) }],
    }))
    .reduce<{ host: string; pages: { path: RegExp; file: URL }[] }[]>((sites, site) => {
      const same = sites.find((s) => s.host === site.host);
      if (same) same.pages.push(...site.pages);
      else sites.push(site);
      return sites;
    }, []),
);
let browser: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
try {
  log(`API: ${server.url} (данные: ${dataDir})`);
  log('Собираю расширение (WXT)…');
  const extensionDir = await buildExtension(server.url, { outDir: '.output/try' });
  log(`Запускаю Chromium без экрана с расширением ${extensionDir}`);
  browser = await launchWithExtension(chromium, extensionDir, hosts.chromiumArgs);
  await mkdir(out, { recursive: true });
  log(`Вхожу как ${email}`);
  await signIn(browser, email);

  for (const width of [1280, 360]) {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height: 800 });
    await tab.goto(chosen.url);
    // Badges come after the API answers: wait for the first, or give up quietly after a while.
    await tab
      .locator('[data-nastavnik-badge]')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => log('На странице нет отметок для этого человека.'));
    await tab.waitForTimeout(500);
    await shoot(tab, `${pageName}-journal-${width}.png`);
    const badge = tab.locator('[data-nastavnik-badge="participant"]').first();
    if (await badge.count()) {
      await badge.click();
      await panelFrame(tab).getByTestId('pair-group').first().waitFor({ timeout: 15_000 });
      await shoot(tab, `${pageName}-pair-panel-${width}.png`);
      await tab.keyboard.press('Escape');
    }
    const launcher = tab.getByTestId('programme-launcher');
    if (await launcher.isVisible().catch(() => false)) {
      await launcher.click();
      await panelFrame(tab).getByTestId('programme-stages').waitFor({ timeout: 15_000 });
      await shoot(tab, `${pageName}-programme-panel-${width}.png`);
      await tab.keyboard.press('Escape');
    }
    await tab.close();
  }
  for (const [name, width, height] of [
    ['popup', 360, 600],
    ['options', 1280, 800],
    ['options', 360, 800],
    ['dashboard', 1280, 800],
    ['dashboard', 1024, 768],
  ] as const) {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height });
    await tab.goto(`chrome-extension://${browser.extensionId}/${name}.html`);
    await tab.waitForTimeout(1500);
    await shoot(tab, `${name}-${width}.png`, true);
    await tab.close();
  }
  console.log(`\nСнимки / Screenshots (${saved.length}):\n${saved.map((path) => `  ${path}`).join('\n')}`);
} finally {
  await browser?.close();
  await hosts.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
