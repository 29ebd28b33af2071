// Issue #9, part 1: a hostile page on a supported host. Anyone can run a *.moodlecloud.com site (and
// a journal page carries the vendor's, an ad's, another extension's scripts), so the fixture pages
// here carry a script of the page's own, in its main world, that goes after everything the extension
// does: it clicks our marks with made-up events the moment they appear, reads every node, attribute
// and open shadow root for ids and programme text, tries the frames, messages them, frames our panel
// page itself, fakes a class list for roster capture, fades and covers the panel to lure a real
// click, and calls chrome.runtime. Each attempt must fail, and the database shows that nothing was
// written; the real person's clicks (Playwright's are trusted) still work through the frames.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import type { LocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium } from '../support/chromium.ts';
import { type ExtensionStack, startExtensionStack } from '../support/e2e-stack.ts';
import { badgedPeople, badgeOf, type Named, panelFrame, signIn } from '../support/extension-pages.ts';

const chromiumPath = findChromium();
const curator = 'a.korolev2@school17.example.ru'; // t-0555, the school's curator
const novikova = 'p.novikova@school17.example.ru'; // t-0574, mentor of g-84

const grader = 'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77';
const journal = 'https://schools.dnevnik.ru/journals/journal.aspx?school=1000001234567&group=1000009876543';

/** People the page invents for roster capture: they must never reach the school's base. */
const invented = ['Злоумышленникова Ева', 'Подставной Игорь', 'Фиктивная Алиса'];

/**
 * The page's own script. Everything it learns or does is kept in window.hostile for the test to read
 * (Playwright's evaluate runs in the page's main world too: what it sees, any page script sees).
 */
const hostileScript = String.raw`<script>
(() => {
  const seen = { syntheticClicks: 0 };
  /** Everything a page script can read: text and attributes of every element, open shadow roots included. */
  function scan(root, out) {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) out.push(attribute.name + '=' + attribute.value);
      for (const child of element.childNodes) if (child.nodeType === 3) out.push(child.data);
      if (element.shadowRoot) { out.push('#shadow-root'); scan(element.shadowRoot, out); }
      if (element.localName === 'iframe') {
        try { if (element.contentDocument) scan(element.contentDocument, out); } catch {}
      }
    }
    return out;
  }
  /** Made-up clicks, keys and focus on everything of the extension's the page can find. */
  function poke() {
    const targets = document.querySelectorAll('[data-nastavnik-badge], [data-nastavnik-ui], [data-nastavnik-ui] *, button, iframe');
    for (const element of targets) {
      if (element.closest('#hostile-controls')) continue;
      seen.syntheticClicks += 1;
      element.click?.();
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      element.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      element.focus?.();
      element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      element.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    }
  }
  function frames() {
    return [...document.querySelectorAll('iframe')].map((frame) => {
      let contentDocument = 'null';
      try { contentDocument = frame.contentDocument === null ? 'null' : 'readable'; } catch { contentDocument = 'threw'; }
      let text = 'threw';
      try { text = String(frame.contentWindow.document.body.innerText); } catch {}
      return { id: frame.id, src: frame.src, contentDocument, text };
    });
  }
  function postToFrames() {
    const messages = [
      'close', { type: 'close' }, { type: 'resize', height: 10 },
      { type: 'nastavnik:log-meeting', meeting: { topic: 'Подделка страницы' } },
      { type: 'nastavnik:panel' }, { type: 'nastavnik:open-panel', request: { panel: 'programme' } },
      { type: 'click', selector: '[data-testid="pair-log-meeting"]' },
    ];
    for (const frame of document.querySelectorAll('iframe')) for (const message of messages) frame.contentWindow?.postMessage(message, '*');
  }
  function runtime() {
    const chrome = window.chrome;
    if (!chrome || !chrome.runtime || typeof chrome.runtime.sendMessage !== 'function') return 'no chrome.runtime';
    try {
      chrome.runtime.sendMessage(document.documentElement.dataset.extensionId || '', { type: 'nastavnik:my-groups' }, () => {});
      return 'sent';
    } catch (error) { return 'threw: ' + error.message; }
  }
  /** The page adds people of its own to its list (for roster capture); the names come from the test. */
  function invent(names) {
    const body = document.querySelector('table.grid tbody');
    names.forEach((name, i) => {
      const row = document.createElement('tr');
      row.className = 'invented';
      row.innerHTML = '<td>' + (90 + i) + '</td><td><a href="/user/user.aspx?user=99' + i + '&amp;student=98' + i + '">' + name + '</a></td>';
      body?.append(row);
    });
  }
  function uninvent() { for (const row of document.querySelectorAll('tr.invented')) row.remove(); }
  window.hostile = {
    seen, poke, frames, postToFrames, runtime, invent, uninvent,
    scan: () => scan(document, []).join('\n'),
    openShadowRoots: () => [...document.querySelectorAll('*')].filter((element) => element.shadowRoot).length,
    ourFrame: () => document.querySelector('[data-nastavnik-ui="panel"] iframe'),
    /** Frames the extension's own page itself, at the address it read off our frame. */
    frameItself(src) {
      const frame = document.createElement('iframe');
      frame.id = 'hostile-frame';
      frame.src = src;
      frame.style.cssText = 'position:fixed;left:0;top:0;width:380px;height:600px;z-index:2147483647;border:0';
      document.body.append(frame);
      return new Promise((resolve) => { frame.onload = () => resolve(true); setTimeout(() => resolve(false), 5000); });
    },
    fade(opacity) { window.hostile.ourFrame()?.style.setProperty('opacity', String(opacity), 'important'); },
    cover(on) {
      document.getElementById('hostile-cover')?.remove();
      if (!on) return;
      const cover = document.createElement('div');
      cover.id = 'hostile-cover';
      cover.style.cssText = 'position:fixed;right:0;top:0;width:420px;height:100vh;z-index:2147483647;background:transparent;pointer-events:none';
      document.body.append(cover);
    },
  };
  // With no user action at all: whenever the DOM changes (our marks appear, a panel opens), click everything.
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; poke(); }, 30);
  });
  observer.observe(document.documentElement, { subtree: true, childList: true });
  window.hostile.stop = () => observer.disconnect();
})();
</script>`;

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Programme text a page must never read: the meeting sequence, forms, role models, the curator's panel. */
const programmeWords = [
  'Знакомство',
  'Пробная',
  'Планирование',
  'Рабочие встречи',
  'Итоговая',
  'учитель – талантливый ученик',
  'Записать встречу',
  'согласи',
  'Перед проверкой',
  'Этап',
  'Добавить класс',
];

type Hostile = {
  seen: { syntheticClicks: number };
  poke(): void;
  frames(): { id: string; src: string; contentDocument: string; text: string }[];
  postToFrames(): void;
  runtime(): string;
  invent(names: string[]): void;
  uninvent(): void;
  scan(): string;
  openShadowRoots(): number;
  frameItself(src: string): Promise<boolean>;
  fade(opacity: number): void;
  cover(on: boolean): void;
  stop(): void;
};
const hostile = <T>(tab: Page, run: (h: Hostile) => T | Promise<T>) =>
  tab.evaluate(`(${run.toString()})(window.hostile)`) as Promise<Awaited<T>>;

describe.skipIf(!chromiumPath)('a hostile page on a supported host', () => {
  let stack: ExtensionStack;
  let server: LocalServer;
  let browser: ExtensionBrowser;
  let people: Map<string, Named>;

  const count = (sql: string, params: unknown[] = []) =>
    server.db.asService(async (db) => {
      const { rows } = await db.query<{ n: number }>(sql, params);
      return rows[0]?.n ?? -1;
    });
  const meetings = () => count('select count(*)::int as n from public.meetings');
  const peopleCount = () => count('select count(*)::int as n from public.people');
  const person = (key: string) => people.get(key) as Named;

  /** Everything the page can read, checked: no ids, no programme text, no names it did not show itself. */
  async function expectNothingReadable(tab: Page, pristine: string) {
    // Our frame's address holds the extension's per-session id (a GUID, use_dynamic_url): not the programme's.
    const text = (await hostile(tab, (h) => h.scan())).replace(/chrome-extension:\/\/[^/]+\//g, 'chrome-extension://…/');
    expect(text).not.toMatch(uuidPattern);
    for (const word of programmeWords) if (!pristine.includes(word)) expect(text, word).not.toContain(word);
    // A name the page shows is the page's; any other demo name (the pair's mentor, say) must not appear.
    for (const { last, first } of people.values()) {
      const name = `${last} ${first}`;
      if (!pristine.includes(last)) expect(text, name).not.toContain(last);
      if (!pristine.includes(first)) expect(text, name).not.toContain(first);
    }
    expect(await hostile(tab, (h) => h.openShadowRoots())).toBe(0);
    // Our marks say what they are and nothing more.
    const marks = await tab.evaluate(() =>
      [...document.querySelectorAll('[data-nastavnik-badge]')].map((badge) => ({
        attributes: badge.getAttributeNames().sort(),
        text: badge.textContent,
      })),
    );
    for (const mark of marks) {
      expect(['Наставник', 'Наставница', 'Наставляемый', 'Наставляемая', '?']).toContain(mark.text);
      expect(
        mark.attributes.filter((name) => !['type', 'style', 'data-nastavnik-badge', 'aria-haspopup', 'aria-label'].includes(name)),
      ).toEqual([]);
    }
  }

  const pageText = async (tab: Page) =>
    tab.evaluate(async () => {
      const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return sent.documentElement.textContent ?? '';
    });

  beforeAll(async () => {
    // The fixture pages, each with the page's own script added at the end of <body>.
    const withScript = async (dataDir: string, name: string) => {
      const html = await readFile(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
      const file = join(dataDir, `hostile-${name}`);
      await writeFile(file, html.replace('</body>', `${hostileScript}\n</body>`));
      return pathToFileURL(file);
    };
    stack = await startExtensionStack({
      name: 'hostile',
      chromiumPath: chromiumPath as string,
      sites: async (dataDir) => [
        { host: 'school17.moodlecloud.com', pages: [{ path: /.*/, file: await withScript(dataDir, 'moodle-grader.html') }] },
        { host: 'schools.dnevnik.ru', pages: [{ path: /.*/, file: await withScript(dataDir, 'dnevnik-ru-new-pupil.html') }] },
      ],
    });
    ({ server, browser } = stack);
    const keys = ['s-0396', 's-0460', 's-0482', 's-0477', 's-0498', 's-0487', 't-0574', 't-0555'];
    people = await server.db.asService(async (db) => {
      const { rows } = await db.query<{ id: string; last: string; first: string }>(
        'select id, last_name as last, first_name as first from public.people where id = any($1::uuid[])',
        [keys.map((key) => demoUuid(key))],
      );
      return new Map(keys.map((key) => [key, rows.find((row) => row.id === demoUuid(key)) as Named]));
    });
  });

  afterAll(() => stack?.close());

  it('the curator’s page: the page can neither open the programme panel nor run roster capture, nor read anything', async () => {
    await signIn(browser, curator);
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    const peopleBefore = await peopleCount();
    await tab.goto(journal);
    const launcher = tab.getByTestId('programme-launcher');
    await launcher.waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await badgedPeople(tab, [...people.values()])).length, { timeout: 15_000 }).toBeGreaterThan(1);
    const pristine = await pageText(tab);

    // The page's observer has clicked every badge and the launcher; the page invents a class and clicks again.
    await hostile(tab, (h) => h.invent(['Злоумышленникова Ева', 'Подставной Игорь', 'Фиктивная Алиса']));
    await tab.waitForTimeout(800);
    await hostile(tab, (h) => h.poke());
    await tab.waitForTimeout(800);
    expect(await hostile(tab, (h) => h.seen.syntheticClicks)).toBeGreaterThan(10);
    expect(await tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
    expect(await tab.locator('iframe').count()).toBe(0);
    expect(await peopleCount()).toBe(peopleBefore);
    await expectNothingReadable(tab, pristine);
    expect(await hostile(tab, (h) => h.runtime())).toBe('no chrome.runtime');
    await hostile(tab, (h) => h.uninvent());

    // A real click opens the panel in a frame the page cannot read.
    await launcher.click();
    const frame = panelFrame(tab);
    await frame.getByTestId('programme-stages').waitFor({ timeout: 15_000 });
    const frames = await hostile(tab, (h) => h.frames());
    expect(frames).toHaveLength(1);
    expect(frames[0]?.contentDocument).toBe('null');
    expect(frames[0]?.text).toBe('threw');
    expect(frames[0]?.src).toMatch(/^chrome-extension:\/\/[^/]+\/programme-panel\.html$/);
    // use_dynamic_url: the address the page reads holds a per-session id, not the extension's own.
    expect(new URL(frames[0]?.src ?? '').host).not.toBe(browser.extensionId);
    await hostile(tab, (h) => h.poke());
    await hostile(tab, (h) => h.postToFrames());
    await expectNothingReadable(tab, pristine);

    // The page frames our panel page itself: it gets nothing to show (and still cannot read it).
    expect(await hostile(tab, (h) => h.frameItself(h.frames()[0]?.src ?? ''))).toBe(true);
    await tab.frameLocator('#hostile-frame').getByTestId('panel-placeholder').waitFor({ timeout: 15_000 });
    expect(await tab.frameLocator('#hostile-frame').getByTestId('programme-stages').count()).toBe(0);
    expect((await hostile(tab, (h) => h.frames())).map((f) => f.contentDocument)).toEqual(['null', 'null']);
    await tab.evaluate(() => document.getElementById('hostile-frame')?.remove());

    // The curator ticks a checklist item with evidence, inside the frame: the row is in the database.
    const item = frame.locator('[data-testid="checklist-item"][data-key="introduction_meetings"]');
    await item.getByTestId('checklist-check').click(); // opens the evidence form; the box ticks once saved
    await item.getByTestId('evidence-value').fill('9');
    await item.getByTestId('checklist-save').click();
    await expect.poll(() => item.getByTestId('checklist-status').textContent(), { timeout: 15_000 }).toContain('Сохранено');
    expect(
      await count(
        `select count(*)::int as n from public.programme_checklist_items i join public.catalog_checklist_items t
         on t.id = i.catalog_item_id where t.key = 'introduction_meetings' and i.done_at is not null and i.evidence_count = 9`,
      ),
    ).toBe(1);

    // Roster capture: the curator previews the page's class; then the page swaps in invented people
    // before the import. The import sends exactly what the curator previewed.
    const roster = frame.getByTestId('roster-capture');
    await roster.getByTestId('roster-check').click();
    await roster.getByTestId('roster-preview').waitFor({ timeout: 15_000 });
    expect(await roster.getByTestId('roster-new').textContent()).toContain('Петрова Злата');
    await hostile(tab, (h) => h.invent(['Злоумышленникова Ева', 'Подставной Игорь', 'Фиктивная Алиса']));
    await hostile(tab, (h) => h.poke());
    await roster.getByTestId('roster-import').click();
    await expect.poll(() => roster.getByTestId('roster-status').textContent(), { timeout: 15_000 }).toContain('добавлено 1');
    expect(await peopleCount()).toBe(peopleBefore + 1);
    for (const name of invented) {
      const [last, first] = name.split(' ');
      expect(await count('select count(*)::int as n from public.people where last_name = $1 and first_name = $2', [last, first])).toBe(0);
    }

    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
    await tab.close();
  });

  it('the mentor’s page: no meeting is saved by the page, before or after a real click on a badge', async () => {
    await signIn(browser, novikova);
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    const meetingsBefore = await meetings();
    await tab.goto(grader);
    const mentees = [person('s-0396'), person('s-0460'), person('s-0482')];
    await expect.poll(async () => (await badgedPeople(tab, mentees)).filter(Boolean).length, { timeout: 15_000 }).toBe(3);
    const pristine = await pageText(tab);
    await tab.waitForTimeout(800);
    expect(await tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
    await expectNothingReadable(tab, pristine);

    // One real click on Мария Карпова's badge: the pair panel opens in a frame, the focus goes into it.
    const badge = await badgeOf(tab, person('s-0482'));
    await badge.click();
    const frame = panelFrame(tab);
    const group = frame.getByTestId('pair-group').first();
    await group.waitFor({ timeout: 15_000 });
    await expect.poll(() => tab.evaluate(() => document.activeElement?.localName)).toBe('iframe');

    // The page tries «Записать встречу»: it finds no such button, clicks what it can, messages the
    // frame, frames our page itself and reads the frames. Nothing is saved.
    await hostile(tab, (h) => h.poke());
    await hostile(tab, (h) => h.postToFrames());
    expect(await hostile(tab, (h) => h.frameItself(h.frames()[0]?.src ?? ''))).toBe(true);
    await tab.frameLocator('#hostile-frame').getByTestId('panel-placeholder').waitFor({ timeout: 15_000 });
    expect(await tab.frameLocator('#hostile-frame').getByTestId('pair-log-meeting').count()).toBe(0);
    await hostile(tab, (h) => h.postToFrames());
    expect((await hostile(tab, (h) => h.frames())).map((f) => [f.contentDocument, f.text])).toEqual([
      ['null', 'threw'],
      ['null', 'threw'],
    ]);
    await expectNothingReadable(tab, pristine);
    await tab.evaluate(() => document.getElementById('hostile-frame')?.remove());
    await tab.waitForTimeout(1000);
    expect(await meetings()).toBe(meetingsBefore);
    expect(await group.getByTestId('meeting-form').count()).toBe(0); // the page's clicks opened nothing in the frame

    // The person opens the form; the page fades the frame or covers it to lure the click: Save stays off.
    await group.getByTestId('pair-log-meeting').click();
    const save = group.getByTestId('meeting-save');
    await expect.poll(() => save.isEnabled(), { timeout: 10_000 }).toBe(true);
    await hostile(tab, (h) => h.fade(0.2));
    await expect.poll(() => save.isDisabled(), { timeout: 5_000 }).toBe(true);
    await hostile(tab, (h) => h.fade(1));
    await expect.poll(() => save.isEnabled(), { timeout: 5_000 }).toBe(true);
    await hostile(tab, (h) => h.cover(true));
    await expect.poll(() => save.isDisabled(), { timeout: 5_000 }).toBe(true);
    await hostile(tab, (h) => h.cover(false));
    await expect.poll(() => save.isEnabled(), { timeout: 5_000 }).toBe(true);

    // The real person logs the meeting with the keyboard: exactly one meeting, the person's own.
    const topic = `Встреча в кадре ${Date.now()}`;
    await group.getByTestId('meeting-topic').fill(topic);
    await group.getByTestId('meeting-topic').press('Enter');
    await expect.poll(() => group.getByTestId('pair-meeting-status').textContent(), { timeout: 15_000 }).toContain('Встреча записана');
    expect(await meetings()).toBe(meetingsBefore + 1);
    expect(await count('select count(*)::int as n from public.meetings where topic = $1', [topic])).toBe(1);

    // Escape closes the drawer and gives the focus back to the badge (the page stops moving the focus around first).
    await hostile(tab, (h) => h.stop());
    await frame.locator('body').press('Escape');
    await expect.poll(() => tab.locator('[data-nastavnik-ui="panel"]').count()).toBe(0);
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-nastavnik-badge'))).toBe('participant');
    await expectNothingReadable(tab, pristine);
    await tab.close();
  });
});
