// Real Chromium with the built extension, headless, driven by playwright-core (never a downloaded
// browser). CI requires it (NASTAVNIK_REQUIRE_E2E=1); elsewhere a missing Chromium skips the suite
// and says so.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// NASTAVNIK_CHROMIUM names the binary; set to a missing path, it shows what happens without one.
const candidates = process.env.NASTAVNIK_CHROMIUM
  ? [process.env.NASTAVNIK_CHROMIUM]
  : ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary to use, or null (and a failure when CI requires the browser suite). */
export function findChromium(): string | null {
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
  if (!found && (process.env.NASTAVNIK_REQUIRE_E2E === '1' || process.env.CI)) {
    throw new Error('The browser suite is required here but no Chromium was found (apt-get install -y chromium).');
  }
  if (!found) console.warn('[e2e] browser suite skipped: no Chromium found (apt-get install -y chromium, or set NASTAVNIK_CHROMIUM)');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** How every suite starts Chromium: headless, quiet, offline but for what a test serves. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * `timezone`: the browser's own (the TZ of its process, which its service worker keeps too, unlike
 * Playwright's per-page emulation): where a suite needs a local hour, say a reminder's 8:00–20:00.
 */
export async function launchWithExtension(
  executablePath: string,
  extensionDir: string,
  extraArgs: string[] = [],
  timezone?: string,
): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'nastavnik-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: 'ru-RU',
    ...(timezone ? { env: { ...process.env, TZ: timezone } } : {}),
    // Playwright turns extensions off by default; this suite is about one.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--lang=ru', ...extraArgs],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
