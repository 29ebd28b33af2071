// Driving the extension's own pages in the browser suites.
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
