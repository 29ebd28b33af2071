// The pgTAP files in supabase/tests, run with pg_prove on a fresh migrated database — what
// `supabase test db` does on a Supabase stack (it needs Docker, which this suite does not).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../functions/db/migrate.ts';
import { freshDatabase, postgresAvailable, type TestDatabase } from '../support/database.ts';

const testsDir = fileURLToPath(new URL('../../supabase/tests/', import.meta.url));
const files = readdirSync(testsDir)
  .filter((file) => file.endsWith('.sql'))
  .sort();
const hasPgProve = spawnSync('pg_prove', ['--version']).status === 0;
const required = process.env.NASTAVNIK_REQUIRE_PGTAP === '1';
const realPostgres = await postgresAvailable();

if (required && !hasPgProve)
  throw new Error('NASTAVNIK_REQUIRE_PGTAP=1 but pg_prove is missing (apt-get install libtap-parser-sourcehandler-pgtap-perl)');
if (!hasPgProve || !realPostgres) {
  console.warn(`[db] pgTAP suite skipped: ${hasPgProve ? 'PGlite has no pgTAP; it needs a real Postgres' : 'pg_prove is not installed'}`);
}

describe.skipIf(!hasPgProve || !realPostgres)('pgTAP (supabase/tests)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
    await migrate(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it.each(files)('%s passes', (file) => {
    const url = new URL(database.url as string);
    const run = spawnSync(
      'pg_prove',
      [
        '--host',
        url.hostname,
        '--port',
        url.port || '5432',
        '--username',
        url.username || 'postgres',
        '--dbname',
        url.pathname.slice(1),
        file,
      ],
      { cwd: testsDir, encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
    );
    expect(`${run.stdout}\n${run.stderr}`, 'pg_prove output').toMatch(/Result: PASS/);
    expect(run.status).toBe(0);
  });
});
