// Driving the extension's own pages in the browser suites.
import type { Page } from 'playwright-core';
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
