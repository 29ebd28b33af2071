// The pgTAP files in supabase/tests: with pg_prove on a fresh migrated Postgres database (what
// `supabase test db` does on a Supabase stack, which needs Docker), or on PGlite with its pgTAP
// extension where no Postgres answers. pg_prove's verdict is its exit code and its last line,
// «Result: PASS»: a failed assertion shows only as «# Failed test» in its summary, a wrong plan or
// an SQL error as «Bad plan» / «Dubious», never as a line starting with «not ok».
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { pgtap } from '@electric-sql/pglite-pgtap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../functions/db/migrate.ts';
import { createPglite, pgliteDatabase } from '../../functions/db/pglite.ts';
import { freshDatabase, postgresAvailable, type TestDatabase } from '../support/database.ts';
import { hasPgProve, runOnPglite, runWithPgProve, type TapResult } from '../support/pgtap.ts';

const testsDir = fileURLToPath(new URL('../../supabase/tests/', import.meta.url));
const files = readdirSync(testsDir)
  .filter((file) => file.endsWith('.test.sql'))
  .sort();
const realPostgres = await postgresAvailable();
const pgProve = hasPgProve();
if (realPostgres && !pgProve && process.env.NASTAVNIK_REQUIRE_PGTAP === '1') {
  throw new Error(
    'NASTAVNIK_REQUIRE_PGTAP=1 but pg_prove is missing (apt-get install libtap-parser-sourcehandler-pgtap-perl postgresql-15-pgtap)',
  );
}
const engine = realPostgres && pgProve ? 'pg_prove on Postgres' : 'PGlite with pgTAP';

describe(`pgTAP (supabase/tests, ${engine})`, () => {
  let run: (file: string) => Promise<TapResult>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'pg_prove on Postgres') {
      const database: TestDatabase = await freshDatabase();
      await migrate(database.db);
      run = async (file) => runWithPgProve(file, database.url as string);
      cleanup = () => database.dispose();
    } else {
      const pg: PGlite = await createPglite(undefined, { pgtap });
      await migrate(pgliteDatabase(pg));
      run = (file) => runOnPglite(file, pg);
      cleanup = () => pg.close();
    }
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it.each(files)('%s passes', async (file) => {
    const result = await run(`${testsDir}${file}`);
    const tail = result.output.slice(-3000);
    expect(result.status, tail).toBe(0);
    expect(result.output, tail).toMatch(/^Result: PASS$/m);
    expect(result.output, tail).not.toMatch(/^not ok/m);
  });
});
