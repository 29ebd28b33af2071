// A fresh, empty database for one test file: a new database on the real Postgres when one is
// reachable (DATABASE_URL, or 127.0.0.1:5432), PGlite in memory otherwise. CI sets
// NASTAVNIK_REQUIRE_POSTGRES=1 so that a missing Postgres fails instead of falling back;
// NASTAVNIK_TEST_DB=pglite runs the suites on PGlite even where a Postgres answers.
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';
import type { Database } from '../../functions/db/database.ts';
import { openPglite } from '../../functions/db/pglite.ts';
import { openPostgres } from '../../functions/db/postgres.ts';

export const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function canConnect(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 5432), hostname, () => done(true));
  });
}

export async function postgresAvailable(): Promise<boolean> {
  if (process.env.NASTAVNIK_TEST_DB === 'pglite') return false;
  const reachable = await canConnect(adminUrl);
  if (!reachable && process.env.NASTAVNIK_REQUIRE_POSTGRES === '1') {
    throw new Error(`NASTAVNIK_REQUIRE_POSTGRES=1 but no Postgres answers at ${new URL(adminUrl).host}`);
  }
  return reachable;
}

export interface TestDatabase {
  db: Database;
  /** A connection string for tools that need one (real Postgres only). */
  url: string | null;
  dispose(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  if (!(await postgresAvailable())) {
    const db = await openPglite();
    return { db, url: null, dispose: () => db.close() };
  }
  const name = `nastavnik_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 20 });
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
