// One set-up for the browser suites (tests/e2e): a data folder, a fresh database with the demo
// school, the local API on it, and — for the suites that drive the extension — the extension built
// for that API, the fixture sites served under their real host names, and Chromium with the
// extension. `close()` takes it all down in the reverse order, whatever was reached.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, launchWithExtension } from './chromium.ts';
import { freshDatabase, type TestDatabase } from './database.ts';
import { type FixtureSite, type FixtureSites, serveSites } from './fixture-sites.ts';

export interface ServerStack {
  /** A throw-away folder: the server's data (or `serverFolder` below it) and anything the suite writes. */
  dataDir: string;
  database: TestDatabase;
  /** The API as it runs now (startServer replaces it). */
  server: LocalServer;
  /** The API's port, kept across restarts: the built extension knows only this one. */
  port: number;
  /** Stops the API (the API «down»); nothing if it is not running. */
  stopServer(): Promise<void>;
  /** Stops the API if it runs and starts it again on the same port and database (another data folder: another signing key). */
  startServer(dataDir?: string): Promise<LocalServer>;
  close(): Promise<void>;
}

export interface ExtensionStack extends ServerStack {
  hosts: FixtureSites;
  browser: ExtensionBrowser;
}

export interface StackOptions {
  /** Names the temporary folder and the extension's build folder (.output/e2e-<name>). */
  name: string;
  /** The server's data folder below dataDir (a suite that restarts with another key uses two). */
  serverFolder?: string;
}

export async function startServerStack({ name, serverFolder }: StackOptions): Promise<ServerStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `nastavnik-e2e-${name}-`));
  const closers: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const database = await freshDatabase();
    closers.push(() => database.dispose());
    // The local server opens the database itself.
    await database.db.close();
    const serverDir = serverFolder ? join(dataDir, serverFolder) : dataDir;
    const start = (port: number, folder: string) => startLocalServer({ port, dataDir: folder, databaseUrl: database.url });
    let running = true;
    const stack: ServerStack = {
      dataDir,
      database,
      server: await start(0, serverDir),
      port: 0,
      async stopServer() {
        if (!running) return;
        running = false;
        await stack.server.close();
      },
      async startServer(folder = serverDir) {
        await stack.stopServer();
        stack.server = await start(stack.port, folder);
        running = true;
        return stack.server;
      },
      close,
    };
    stack.port = Number(new URL(stack.server.url).port);
    closers.push(() => stack.stopServer());
    return stack;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The API, the extension built for it, the sites (built once dataDir exists, for pages written there) and Chromium. */
export async function startExtensionStack(
  options: StackOptions & {
    chromiumPath: string;
    sites: readonly FixtureSite[] | ((dataDir: string) => Promise<readonly FixtureSite[]>);
    /** The browser's time zone (its TZ): the machine's unless given. */
    timezone?: string;
  },
): Promise<ExtensionStack> {
  const base = await startServerStack(options);
  try {
    const extensionDir = await buildExtension(base.server.url, { outDir: `.output/e2e-${options.name}` });
    const hosts = await serveSites(typeof options.sites === 'function' ? await options.sites(base.dataDir) : options.sites);
    const closeBase = base.close;
    const stack = Object.assign(base, { hosts, browser: null as unknown as ExtensionBrowser });
    stack.close = async () => {
      await stack.browser?.close();
      await hosts.close();
      await closeBase();
    };
    stack.browser = await launchWithExtension(options.chromiumPath, extensionDir, hosts.chromiumArgs, options.timezone);
    return stack;
  } catch (error) {
    await base.close();
    throw error;
  }
}

/**
 * A time zone where it is about midday now (`Etc/GMT-8` is UTC+8), for a browser: reminders are
 * shown only between 8:00 and 20:00 local time, and a suite must not depend on when it runs.
 */
export function middayZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
