import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../app.ts';
import { noAccounts, standInAccounts, supabaseAccounts } from '../auth/accounts.ts';
import { type LocalSigner, openLocalSigner } from '../auth/local-keys.ts';
import { createVerifier } from '../auth/verifier.ts';
import type { Database } from '../db/database.ts';
import { loadDemoSchoolIfEmpty } from '../db/demo-school.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { devAuth } from '../routes/dev-auth.ts';
import { classroomSettingsFromEnv } from '../services/classroom/jobs.ts';
import { version } from '../settings.ts';
import { type DataLock, lockDataDir } from './data-lock.ts';

export interface LocalServerOptions {
  port: number;
  /** Data folder (PGlite + signing key); null keeps everything in memory. */
  dataDir: string | null;
  databaseUrl?: string | null;
  supabaseUrl?: string | null;
  log?: (line: string) => void;
}

export interface LocalServer {
  url: string;
  db: Database;
  signer: LocalSigner | null;
  demoLoaded: boolean;
  close(): Promise<void>;
}

/** Migrates, loads the demo school into an empty database, and serves the API on 127.0.0.1. */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const log = options.log ?? (() => undefined);
  // The data folder first: a second server on it must stop before it opens the database.
  const lock = options.dataDir ? await lockDataDir(options.dataDir) : null;
  let db: Database | undefined;
  // Requests that come before the app is ready wait for it.
  let answer!: (listener: RequestListener) => void;
  const app = new Promise<RequestListener>((resolve) => {
    answer = resolve;
  });
  const server = createServer((request, response) => void app.then((listener) => listener(request, response)));
  try {
    // Take the port before the database: a busy port stops the start before any work. Requests that
    // come meanwhile wait for the app (it answers them once the database is ready).
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUse(options.port) : error));
      server.listen(options.port, '127.0.0.1', resolve);
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;

    log(options.databaseUrl ? 'Подключаюсь к Postgres…' : 'Запускаю встроенную базу (PGlite)…');
    db = await openDatabase(options.databaseUrl ?? null, options.dataDir);
    const migrated = await migrate(db);
    if (migrated.applied.length > 0) log(`Применены миграции: ${migrated.applied.length} из ${migrated.total}`);
    const demoLoaded = await loadDemoSchoolIfEmpty(db, { createAuthUsers: migrated.standIns });
    if (demoLoaded) log('Загружена демо-школа.');
    await lock?.record(url);
    return await serve(options, { db, server, url, demoLoaded, lock, answer });
  } catch (error) {
    if (server.listening) server.close();
    await db?.close();
    await lock?.release();
    throw error;
  }
}

/** Another program (or another Nastavnik with its own data folder) listens on the port. */
export class PortInUse extends Error {
  constructor(port: number) {
    super(
      `Порт ${port} уже занят другой программой (или другим сервером Наставника со своей папкой данных).\n` +
        `  Запустите на другом порту: PORT=${port + 1} npm start`,
    );
    this.name = 'PortInUse';
  }
}

async function serve(
  options: LocalServerOptions,
  {
    db,
    server,
    url,
    demoLoaded,
    lock,
    answer,
  }: { db: Database; server: Server; url: string; demoLoaded: boolean; lock: DataLock | null; answer: (listener: RequestListener) => void },
): Promise<LocalServer> {
  const signer = options.supabaseUrl ? null : await openLocalSigner(options.dataDir, `${url}/auth/v1`);
  const verifier = signer
    ? createVerifier({ mode: 'local', jwks: signer.jwks, issuer: signer.issuer })
    : createVerifier({ mode: 'supabase', supabaseUrl: options.supabaseUrl ?? '' });
  const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
  const accounts = options.supabaseUrl
    ? serviceRoleKey
      ? supabaseAccounts({ supabaseUrl: options.supabaseUrl, serviceRoleKey })
      : noAccounts
    : standInAccounts(db);
  const app = createApp({
    db,
    verifier,
    accounts,
    version,
    classroom: classroomSettingsFromEnv(process.env),
    ...(signer ? { devAuth: devAuth(signer) } : {}),
  });
  answer(getRequestListener(app.fetch));

  return {
    url,
    db,
    signer,
    demoLoaded,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await lock?.release();
    },
  };
}
