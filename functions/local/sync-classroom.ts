// `npm run --silent sync:classroom -- --token <access token> [--organisation <id>] [--dry-run]
// [--include-archived] [--confirm-left]`: syncs a school from Google Classroom into DATABASE_URL (or
// the local data folder), as the API's sync does, and prints on its last line one JSON object:
// {"courses": n, "people": {"new", "changed", "unchanged", "moved", "left", "ambiguous"}, "calls": n}.
// Progress goes to stderr. Exit 2 with a message on bad arguments, 1 on failure (a run that would
// mark more than 10% of the school as left stops, prints its counts and exits 1 without
// --confirm-left). GOOGLE_API_ROOT_URL points it at another Classroom (a fake, a proxy).
import { parseArgs } from 'node:util';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { classroomApi } from '../services/classroom/client.ts';
import { runSync, SyncFailed } from '../services/classroom/sync.ts';
import { readSettings } from '../settings.ts';
import { type DataLock, lockDataDir } from './data-lock.ts';

const usage =
  'Usage: npm run --silent sync:classroom -- --token <access token> [--organisation <id>] [--dry-run] [--include-archived] [--confirm-left]';

class BadArguments extends Error {}

function readArguments(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        token: { type: 'string' },
        organisation: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'include-archived': { type: 'boolean', default: false },
        'confirm-left': { type: 'boolean', default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new BadArguments(error instanceof Error ? error.message : String(error));
  }
  const { token, organisation } = parsed.values;
  if (!token?.trim())
    throw new BadArguments('--token <access token> is required (a Google OAuth token with the Classroom read-only scopes)');
  if (organisation !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(organisation)) {
    throw new BadArguments(`--organisation must be an organisation's id (a UUID), not "${organisation}"`);
  }
  return {
    token: token.trim(),
    organisation: organisation ?? null,
    dryRun: parsed.values['dry-run'],
    includeArchived: parsed.values['include-archived'],
    confirmLeft: parsed.values['confirm-left'],
  };
}

async function schoolOf(db: Database, wanted: string | null): Promise<string> {
  const { rows } = await db.asService((q) =>
    q.query<{ id: string; name: string }>(`select id, name from public.organisations where kind = 'school' order by name`),
  );
  if (wanted) {
    if (!rows.some((row) => row.id === wanted)) throw new Error(`No school has the id ${wanted}`);
    return wanted;
  }
  if (rows.length === 1) return (rows[0] as { id: string }).id;
  if (rows.length === 0) throw new Error('The database has no school yet: create one (or npm start, which loads the demo school)');
  throw new Error(
    `The database has ${rows.length} schools: name one with --organisation <id>\n${rows.map((r) => `  ${r.id}  ${r.name}`).join('\n')}`,
  );
}

async function main(): Promise<number> {
  let args: ReturnType<typeof readArguments>;
  try {
    args = readArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
    return 2;
  }
  const settings = readSettings();
  let lock: DataLock | null = null;
  let db: Database | null = null;
  try {
    // The local data folder is one process's at a time (PGlite): not while `npm start` runs on it.
    if (!settings.databaseUrl) lock = await lockDataDir(settings.dataDir);
    db = await openDatabase(settings.databaseUrl, settings.dataDir);
    await migrate(db);
    const organisationId = await schoolOf(db, args.organisation);
    const api = await classroomApi({ accessToken: args.token, rootUrl: process.env.GOOGLE_API_ROOT_URL || null });
    const database = db;
    const preview = await runSync({
      organisationId,
      transact: (work) => database.asService(work),
      source: 'cli',
      api,
      dryRun: args.dryRun,
      includeArchived: args.includeArchived,
      confirmLeft: args.confirmLeft,
      onProgress: (done, total) => process.stderr.write(`\rКурс ${done} из ${total}${done === total ? '\n' : ''}`),
    }).catch((error: unknown) => {
      throw error instanceof SyncFailed
        ? new Error(`Classroom: ${error.message} (run ${error.runId}; the next run resumes from it)`)
        : error;
    });
    const { counts } = preview;
    if (preview.result) console.error(`Записано строк: ${preview.result.rows_written}`);
    if (preview.run.status === 'needs_confirmation') {
      console.error(
        `Остановлено: синхронизация отметила бы выбывшими ${preview.left_guard.left} из ${preview.left_guard.school} человек (больше 10%). ` +
          'Проверьте, что токен видит все курсы школы, и повторите с --confirm-left.',
      );
    }
    console.log(
      JSON.stringify({
        courses: counts.courses,
        people: {
          new: counts.new,
          changed: counts.changed,
          unchanged: counts.unchanged,
          moved: counts.moved,
          left: counts.left,
          ambiguous: counts.ambiguous,
        },
        calls: preview.run.calls,
      }),
    );
    return preview.run.status === 'needs_confirmation' ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db?.close();
    await lock?.release();
  }
}

process.exitCode = await main();
