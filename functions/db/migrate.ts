import { readdir, readFile } from 'node:fs/promises';
import type { Database, Queryable } from './database.ts';

const migrationsDir = new URL('../../supabase/migrations/', import.meta.url);
const standInsFile = new URL('../../supabase/stand-ins/supabase.sql', import.meta.url);

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
}

/** `supabase/migrations/YYYYMMDDHHMMSS_name.sql`, oldest first. */
export async function readMigrations(): Promise<MigrationFile[]> {
  const files = (await readdir(migrationsDir)).filter((file) => /^\d{14}_.+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version = '', name = ''] = /^(\d{14})_(.+)\.sql$/.exec(file) ?? [];
      return { version, name, sql: await readFile(new URL(file, migrationsDir), 'utf8') };
    }),
  );
}

/** A Supabase database has its own auth schema; anything else gets the stand-ins. */
async function needsStandIns(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ uid: string | null; comment: string | null }>(
    `select to_regprocedure('auth.uid()')::text as uid,
            obj_description(to_regclass('auth.users'), 'pg_class') as comment`,
  );
  const row = rows[0];
  return !row?.uid || (row.comment ?? '').startsWith('nastavnik stand-in');
}

export interface MigrateResult {
  applied: string[];
  total: number;
  standIns: boolean;
}

/**
 * Applies what is missing of `supabase/migrations`, each file in its own transaction, recording it
 * in `supabase_migrations.schema_migrations` as the Supabase CLI does, so that a database migrated
 * here and `supabase db push` agree on what has been applied.
 */
export async function migrate(database: Database): Promise<MigrateResult> {
  const migrations = await readMigrations();
  const standIns = await database.asService(async (db) => {
    // One migrator at a time (two `npm start`s, parallel test workers on one server).
    await db.query('select pg_advisory_xact_lock(7411902)');
    const wanted = await needsStandIns(db);
    if (wanted) await db.exec(await readFile(standInsFile, 'utf8'));
    await db.exec(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text not null primary key,
        statements text[],
        name text
      );`);
    return wanted;
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await database.asService(async (db) => {
      await db.query('select pg_advisory_xact_lock(7411902)');
      const { rows } = await db.query('select 1 from supabase_migrations.schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await db.exec(migration.sql);
      await db.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        [migration.sql],
      ]);
      return true;
    });
    if (done) applied.push(`${migration.version}_${migration.name}`);
  }
  return { applied, total: migrations.length, standIns };
}

export async function appliedMigrationCount(database: Database): Promise<number> {
  return database.asService(async (db) => {
    const { rows } = await db.query<{ count: number }>('select count(*)::int as count from supabase_migrations.schema_migrations');
    return rows[0]?.count ?? 0;
  });
}
