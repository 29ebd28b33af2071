// Try the extension in real Firefox: `npm run try:firefox [-- e-mail]` (Node 22). Starts the local
// API on a throw-away database (the demo school), builds the extension for Firefox (`wxt build -b
// firefox`: Manifest V2, a background script), starts headless Firefox with it over WebDriver BiDi
// (tests/support/firefox.ts), signs a demo mentor in on the options page, opens the Дневник.ру
// fixture journal under its real host name, waits for the badges and opens the pair panel with a
// real click on one, runs the hourly reminder check, then logs a meeting through the popup, and one
// more with the API down — and checks that they reached the database and the toolbar button's count. Screenshots go to .screenshots/firefox/. Everything it started stops when it is done.
// Needs Firefox (apt-get install -y firefox-esr, or NASTAVNIK_FIREFOX=/path/to/firefox).
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoUuid } from '../../functions/db/demo-school.ts';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { middayZone, startServerStack } from './e2e-stack.ts';
import { findFirefox, launchFirefoxWithExtension } from './firefox.ts';
import { serveSites } from './fixture-sites.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = resolve(root, '.screenshots/firefox');
const email = process.argv[2] ?? 'p.novikova@school17.example.ru'; // a mentor: Карпова Мария is her mentee
const journal = 'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543';

/** What the script saw, step by step: the Firefox e2e test checks the same. */
export interface FirefoxWalk {
  badges: string[];
  /** The pair the panel opened on the badge's click shows (its aria-label: the mentees). */
  pairPanel: string;
  /** The notifications the reminder check showed. */
  reminders: string[];
  popupGroups: number;
  meetingStatus: string;
  storedMeetings: number;
  /** The popup's line about the meeting logged with the API down, and the toolbar button's count then. */
  offlineStatus: string;
  iconOffline: string;
  /** How many times that meeting reached the database once the API was back. */
  sentLater: number;
  /** Errors on the console of the pages, content scripts and background (WebDriver BiDi's log). */
  consoleErrors: string[];
  seconds: number;
}

/** The whole walk in Firefox; screenshots into `shots` when given. */
export async function walkFirefox(
  firefoxPath: string,
  options: { shots?: string; log?: (line: string) => void } = {},
): Promise<FirefoxWalk> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const stack = await startServerStack({ name: 'firefox' });
  const closers: (() => Promise<unknown>)[] = [() => stack.close()];
  try {
    log(`API: ${stack.server.url}`);
    const extensionDir = await buildExtension(stack.server.url, { outDir: join(stack.dataDir, 'extension'), browser: 'firefox' });
    log(`built for Firefox: ${extensionDir}`);
    const sites = await serveSites([
      { host: 'schools.dnevnik.ru', pages: [{ path: /.*/, file: new URL('../fixtures/pages/dnevnik-ru.html', import.meta.url) }] },
    ]);
    closers.push(() => sites.close());
    const firefox = await launchFirefoxWithExtension(firefoxPath, extensionDir, sites.port, middayZone());
    closers.push(() => firefox.close());
    log(`Firefox started, the extension installed at ${firefox.extensionBase}`);
    const shoot = async (context: string, name: string, width?: number, height?: number) => {
      if (options.shots) await firefox.screenshot(context, join(options.shots, name), width, height);
    };

    // Sign in on the options page, as a person would (the demo sign-in of local mode).
    const tab = await firefox.newTab();
    await firefox.navigate(tab, `${firefox.extensionBase}/options.html`);
    await firefox.waitFor(
      tab,
      `return document.querySelector('[data-testid="dev-login-user"] option[value="${email}"]') !== null;`,
      'the sign-in form',
    );
    await firefox.evaluate(
      tab,
      `const select = document.querySelector('[data-testid="dev-login-user"]');
       select.value = ${JSON.stringify(email)};
       select.dispatchEvent(new Event('change', { bubbles: true }));
       select.dispatchEvent(new Event('input', { bubbles: true }));
       await new Promise((resolve) => setTimeout(resolve, 100));
       document.querySelector('[data-testid="dev-login-submit"]').click();`,
    );
    const who = await firefox.waitFor<string>(
      tab,
      `return document.querySelector('[data-testid="signed-in-as"]')?.textContent;`,
      'signing in',
    );
    log(`signed in: ${who}`);
    await shoot(tab, 'options.png');

    // The journal page under its real host name: the badges.
    await firefox.navigate(tab, journal);
    const badges = await firefox.waitFor<string[]>(
      tab,
      `const found = [...document.querySelectorAll('[data-nastavnik-badge]')];
       return found.length ? found.map((badge) => (badge.previousSibling?.textContent ?? '').trim() + ' → ' + badge.textContent) : null;`,
      'badges on the Дневник.ру journal',
    );
    log(`badges: ${badges.join('; ')}`);
    await shoot(tab, 'dnevnik-ru-1280.png', 1280, 800);
    await shoot(tab, 'dnevnik-ru-1024.png', 1024, 800);

    // A click on the badge opens the pair panel: the extension's page in a frame of the journal.
    await firefox.click(tab, '[data-nastavnik-badge="participant"]');
    const panel = await firefox
      .waitFor<{ context: string; url: string }>(
        tab,
        `return document.querySelector('[data-nastavnik-ui="panel"] iframe') !== null;`,
        'the pair panel’s frame',
      )
      .then(async () => {
        const until = Date.now() + 20_000;
        for (;;) {
          const frame = (await firefox.frames(tab)).find((f) => f.url.includes('/pair-panel.html'));
          if (frame) return frame;
          if (Date.now() > until) throw new Error('Firefox: no pair panel frame');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      });
    const pairPanel = await firefox.waitFor<string>(
      panel.context,
      `return document.querySelector('[data-testid="pair-group"]')?.getAttribute('aria-label');`,
      'the pair in the panel',
    );
    log(`pair panel: ${pairPanel}`);
    await shoot(tab, 'pair-panel-1280.png', 1280, 800);
    await shoot(tab, 'pair-panel-1024.png', 1024, 800);

    // The hourly reminder check, now (the browser at local midday): the pair that never met is due.
    // Headless Firefox closes a notification as soon as it is shown (notifications.getAll() is
    // empty at once), so what is read is the extension's own record of the reminders it showed.
    await firefox.navigate(tab, `${firefox.extensionBase}/popup.html`);
    const reminders = await firefox.evaluate<string[]>(
      tab,
      `await browser.alarms.create('nastavnik:reminders', { when: Date.now() + 100, periodInMinutes: 60 });
       for (let i = 0; i < 100; i++) {
         const { remindersShown } = await browser.storage.local.get('remindersShown');
         if (remindersShown && Object.keys(remindersShown).length) return Object.keys(remindersShown);
         await new Promise((resolve) => setTimeout(resolve, 200));
       }
       return [];`,
    );
    log(`reminders shown: ${reminders.join(', ') || 'none'}`);

    // The popup page: log a meeting through its form.
    await firefox.navigate(tab, `${firefox.extensionBase}/popup.html`);
    const popupGroups = await firefox.waitFor<number>(
      tab,
      `return document.querySelectorAll('[data-testid="popup-group"]').length;`,
      'the popup’s groups',
    );
    await shoot(tab, 'popup.png', 420, 640);
    /** «Записать встречу», the topic typed, then saved (once the form has taken the topic in). */
    const logMeeting = async (topic: string, beforeSaving?: () => Promise<void>) => {
      await firefox.evaluate(tab, `document.querySelector('[data-testid="log-meeting"]').click();`);
      await firefox.waitFor(tab, `return document.querySelector('[data-testid="meeting-topic"]') !== null;`, 'the meeting form');
      await firefox.evaluate(
        tab,
        `const topic = document.querySelector('[data-testid="meeting-topic"]');
         topic.value = ${JSON.stringify(topic)};
         topic.dispatchEvent(new Event('input', { bubbles: true }));`,
      );
      await firefox.waitFor(tab, `return document.querySelector('[data-testid="meeting-topic"]')?.value !== '';`, 'the typed topic');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await beforeSaving?.();
      await firefox.evaluate(tab, `document.querySelector('[data-testid="meeting-save"]').click();`);
    };
    const topic = `Встреча из Firefox ${Date.now()}`;
    await logMeeting(topic, () => shoot(tab, 'popup-form.png', 420, 640));
    const meetingStatus = await firefox.waitFor<string>(
      tab,
      `return document.querySelector('[data-testid="meeting-status"]')?.textContent;`,
      'the saved meeting',
    );
    log(`popup: ${meetingStatus}`);
    await shoot(tab, 'popup-saved.png', 420, 640);
    const stored = (prefix: string) =>
      stack.server.db.asService(async (db) => {
        const { rows } = await db.query<{ n: number }>(
          'select count(*)::int as n from public.meetings where topic like $1 and group_id = $2',
          [`${prefix}%`, demoUuid('g-84')],
        );
        return rows[0]?.n ?? 0;
      });
    const storedMeetings = await stored(topic);
    log(`meetings with that topic in the database: ${storedMeetings}`);

    // The API down: the meeting waits in the queue, and the toolbar button counts it (Manifest V2: browserAction).
    await stack.stopServer();
    const offline = `Без сети из Firefox ${Date.now()}`;
    await firefox.navigate(tab, `${firefox.extensionBase}/popup.html`);
    await firefox.waitFor(tab, `return document.querySelector('[data-testid="log-meeting"]') !== null;`, 'the popup (offline)');
    await logMeeting(offline);
    const offlineStatus = await firefox.waitFor<string>(
      tab,
      `return document.querySelector('[data-testid="queue-waiting"]')?.textContent;`,
      'the waiting meeting',
    );
    const icon = `const action = globalThis.browser.browserAction ?? globalThis.browser.action;
       return action ? await action.getBadgeText({}) : 'no toolbar button API';`;
    const iconOffline = await firefox.evaluate<string>(tab, icon);
    log(`offline: «${offlineStatus}», the toolbar button says «${iconOffline}»`);
    await shoot(tab, 'popup-offline.png', 420, 640);
    await stack.startServer();
    await firefox.navigate(tab, `${firefox.extensionBase}/popup.html`); // opening the popup sends what waits
    const until = Date.now() + 20_000;
    while ((await stored(offline)) < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 300));
    const sentLater = await stored(offline);
    await shoot(tab, 'popup-back-online.png', 420, 640);
    const iconAfter = await firefox.waitFor<string>(
      tab,
      `const text = await (async () => { ${icon} })(); return text === '' ? 'empty' : null;`,
      'the count back to nothing',
    );
    log(`back online: stored ${sentLater}×, the toolbar button ${iconAfter}`);
    return {
      badges,
      pairPanel,
      reminders,
      popupGroups,
      meetingStatus,
      storedMeetings,
      offlineStatus,
      iconOffline,
      sentLater,
      consoleErrors: firefox.logs.filter((line) => line.startsWith('[error]')),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const closer of closers.reverse()) await closer().catch((error) => console.warn(error));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const firefox = findFirefox();
  if (!firefox) {
    console.error('✗ Firefox не найден: apt-get install -y firefox-esr (или NASTAVNIK_FIREFOX=/путь/к/firefox)');
    process.exit(1);
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const walk = await walkFirefox(firefox, { shots: out, log: (line) => console.log(`• ${line}`) });
  const ok =
    walk.badges.length > 0 && walk.pairPanel !== '' && walk.storedMeetings === 1 && walk.iconOffline === '1' && walk.sentLater === 1;
  console.log(
    `${ok ? '✓' : '✗'} Firefox: ${walk.badges.length} badges; the pair panel opened; reminders: ${walk.reminders.join(', ') || 'none'}; a meeting stored ${walk.storedMeetings}×; offline the icon said «${walk.iconOffline}» and the meeting was sent ${walk.sentLater}× later; ${walk.seconds.toFixed(1)} s; screenshots in ${out}`,
  );
  process.exit(ok ? 0 : 1);
}
