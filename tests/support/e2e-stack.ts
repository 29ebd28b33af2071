// What a browser suite stands on: a fresh database, the API on it, the extension built against that
// API, the fixture sites under their real host names, and Chromium with the extension; one close()
// takes it all down. (The suites before issue 13 still spell this out each; new ones use this.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, launchWithExtension } from './chromium.ts';
import { freshDatabase } from './database.ts';
import { type FixtureSite, serveSites } from './fixture-sites.ts';

export interface E2eStack {
  server: LocalServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

/** Starts the stack for the suite `name` (its temporary folder and build output are named after it). */
export async function startE2eStack(chromiumPath: string, name: string, sites: readonly FixtureSite[]): Promise<E2eStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `nastavnik-e2e-${name}-`));
  const database = await freshDatabase();
  await database.db.close();
  const server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
  const extensionDir = await buildExtension(server.url, { outDir: `.output/e2e-${name}` });
  const hosts = await serveSites(sites);
  const browser = await launchWithExtension(chromiumPath, extensionDir, hosts.chromiumArgs);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await hosts.close();
      await server.close();
      await database.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
