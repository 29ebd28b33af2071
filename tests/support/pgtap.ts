// Runs the pgTAP files of supabase/tests: with pg_prove on a real Postgres (what
// `supabase test db` does inside Docker), or on PGlite with its pgTAP extension, reading the TAP
// lines the file's selects return.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export interface TapResult {
  /** pg_prove's exit code; on PGlite 0 when every test ran as planned and passed, 1 otherwise. */
  status: number | null;
  output: string;
}

export function hasPgProve(): boolean {
  return spawnSync('pg_prove', ['--version']).status === 0;
}

/** pg_prove on one file, verbose (so a failing test's own «not ok» line is in the output too). */
export function runWithPgProve(file: string, databaseUrl: string): TapResult {
  const url = new URL(databaseUrl);
  const run = spawnSync(
    'pg_prove',
    [
      '--verbose',
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
    { cwd: dirname(file), encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The file with psql's `\ir` includes inlined, as one script. */
function inline(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\\ir\s+(\S+)\s*$/gm, (_line, included: string) => inline(join(dirname(file), included)));
}

/** Runs one file on PGlite (which must have the pgtap extension): passes with every `ok`, no `not ok`, as planned. */
export async function runOnPglite(file: string, pg: PGlite): Promise<TapResult> {
  const lines: string[] = [];
  for (const result of await pg.exec(inline(file))) {
    for (const row of result.rows) {
      const [value] = Object.values(row as Record<string, unknown>);
      if (typeof value === 'string' && /^(ok|not ok|#|1\.\.)/m.test(value)) lines.push(...value.split('\n'));
    }
  }
  const plan = lines.find((line) => /^1\.\.\d+/.test(line));
  const ran = lines.filter((line) => /^(not )?ok \d+/.test(line));
  const failed = ran.filter((line) => line.startsWith('not ok'));
  const planned = plan ? Number(plan.slice(3)) : ran.length;
  const passed = ran.length > 0 && failed.length === 0 && planned === ran.length;
  // The same verdict as pg_prove gives: an exit code and a last line.
  return { status: passed ? 0 : 1, output: `${lines.join('\n')}\n${passed ? 'Result: PASS' : 'Result: FAIL'}` };
}
