import { createServer } from 'node:http';
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
import { version } from '../settings.ts';

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
  log(options.databaseUrl ? 'Подключаюсь к Postgres…' : 'Запускаю встроенную базу (PGlite)…');
  const db = await openDatabase(options.databaseUrl ?? null, options.dataDir);
  const migrated = await migrate(db);
  if (migrated.applied.length > 0) log(`Применены миграции: ${migrated.applied.length} из ${migrated.total}`);
  const demoLoaded = await loadDemoSchoolIfEmpty(db, { createAuthUsers: migrated.standIns });
  if (demoLoaded) log('Загружена демо-школа.');

  // Listen first: the port is known only then (PORT=0 picks a free one), and the issuer names it.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

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
  const app = createApp({ db, verifier, accounts, version, ...(signer ? { localSigner: signer } : {}) });
  server.on('request', getRequestListener(app.fetch));

  return {
    url,
    db,
    signer,
    demoLoaded,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
