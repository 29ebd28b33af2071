// Driving the extension's own pages in the browser suites.
import type { Page } from 'playwright-core';
import type { Database } from '../../functions/db/database.ts';
import { demoUuid } from '../../functions/db/demo-school.ts';
import type { ExtensionBrowser } from './chromium.ts';

/** Signs a demo person in on the options page (local mode), signing out whoever was in. */
export async function signIn(browser: ExtensionBrowser, email: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const signOut = page.getByRole('button', { name: /^(Выйти|Sign out)$/ });
  await page.getByTestId('dev-login-user').or(signOut).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await page.getByTestId('dev-login-user').selectOption(email);
  await page.getByTestId('dev-login-submit').click();
  await page.getByTestId('signed-in-as').waitFor();
  await page.close();
}

/**
 * Grants the extension a host as a person does in chrome://extensions (site access). Headless
 * Chromium cannot click the browser's own permission prompt; once granted, the options page's
 * permissions.request() answers at once, without one.
 */
export async function grantHost(browser: ExtensionBrowser, host: string): Promise<void> {
  const settings = await browser.context.newPage();
  await settings.goto(`chrome://extensions/?id=${browser.extensionId}`);
  await settings.evaluate(
    ([id, pattern]) => {
      const api = (
        globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }
      ).chrome.developerPrivate;
      return api.addHostPermission(id as string, pattern as string);
    },
    [browser.extensionId, `https://${host}/*`],
  );
  await settings.close();
}

/** Adds a school's own e-journal host on the options page, as a curator would; resolves once it is active. */
export async function addJournalHost(browser: ExtensionBrowser, host: string, options?: Page): Promise<void> {
  const page = options ?? (await browser.context.newPage());
  if (!options) await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('journal-host-input').fill(`https://${host}/`);
  await page.getByTestId('journal-host-add').click();
  await page
    .locator(`[data-testid="journal-host"][data-host="${host}"] [data-testid="journal-host-status"]`)
    .getByText(/^(работает|active)$/)
    .waitFor();
  if (!options) await page.close();
}

/** A person as the page prints them (the demo school's people, read from the database). */
export interface Named {
  last: string;
  first: string;
}

/**
 * The text each of our badges stands next to, badge by badge, as the host page sees it: the badge
 * carries only `data-nastavnik-badge` (whom it stands for stays in the content script), so a test
 * tells badges apart by the name they stand beside.
 */
export function badgeNeighbours(tab: Page, kind: 'participant' | 'ambiguous' = 'participant'): Promise<string[]> {
  return tab.evaluate((wanted) => {
    const ours = (node: Node | null) => node instanceof Element && node.hasAttribute('data-nastavnik-badge');
    return [...document.querySelectorAll(`[data-nastavnik-badge="${wanted}"]`)].map((badge) => {
      let before = badge.previousSibling;
      while (before && ours(before)) before = before.previousSibling;
      return (before?.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  }, kind);
}

const folded = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** Whether a name as a page prints it («КАРПОВА М. А.», «Лев Иванов», «Кудрявцев Д.М.») is this person's. */
export function printsName(text: string, person: Named): boolean {
  const words = folded(text)
    .split(/[\s.,]+/)
    .filter(Boolean);
  const first = folded(person.first);
  return words.includes(folded(person.last)) && words.some((word) => word === first || word === first[0]);
}

/** Which of `people` the page's badges stand next to, in order (null: a badge next to nobody of them). */
export async function badgedPeople<T extends Named>(tab: Page, people: readonly T[]): Promise<(T | null)[]> {
  return (await badgeNeighbours(tab)).map((text) => people.find((person) => printsName(text, person)) ?? null);
}

/** The badge standing next to `person`'s name. */
export async function badgeOf(tab: Page, person: Named) {
  const index = (await badgeNeighbours(tab)).findIndex((text) => printsName(text, person));
  if (index < 0) throw new Error(`no badge next to ${person.last} ${person.first}`);
  return tab.locator('[data-nastavnik-badge="participant"]').nth(index);
}

/** The open panel's frame (the drawer), as Playwright reaches into it; the page itself cannot. */
export function panelFrame(tab: Page) {
  return tab.frameLocator('[data-nastavnik-ui="panel"] iframe');
}

/** The demo people `keys` name (s-0482 …) as the database holds them, by key, for badgedPeople. */
export async function demoPeopleNamed(db: Database, keys: readonly string[]): Promise<Map<string, Named & { key: string }>> {
  const { rows } = await db.asService((q) =>
    q.query<{ id: string; last: string; first: string }>(
      'select id, last_name as last, first_name as first from public.people where id = any($1::uuid[])',
      [keys.map((key) => demoUuid(key))],
    ),
  );
  const named = new Map<string, Named & { key: string }>();
  for (const key of keys) {
    const row = rows.find((r) => r.id === demoUuid(key));
    if (row) named.set(key, { key, last: row.last, first: row.first });
  }
  return named;
}
