// Mutation testing of the database's own rules, `npm run test:mutation:sql`: for each mutation
// below, the bug a careless edit of a migration could plant (one textual change of one function),
// a fresh database gets the migrations, then the mutated function (`create or replace function`),
// then every pgTAP file of supabase/tests under pg_prove. At least one file must fail: otherwise
// no test guards that line and the mutation SURVIVED. The unmutated database runs first and must
// pass, so that a failure means the mutation, not a broken suite.
//
// Each mutation names the text it changes; when that text is no longer in the function's latest
// definition (a migration rewrote it), the script stops with an error instead of testing nothing.
// The files run in order, the one meant to guard the mutation first, and stop at the first that
// fails (--all: every file, to see each that catches it).
//
//   npm run test:mutation:sql                  every mutation
//   npm run test:mutation:sql -- kpi/          only those whose id contains «kpi/»
//   npm run test:mutation:sql -- --all [kpi/]  every file for every mutation
//
// Needs a real Postgres (DATABASE_URL or 127.0.0.1:5432) with pgTAP, and pg_prove.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate, readMigrations } from '../../functions/db/migrate.ts';
import { freshDatabase, postgresAvailable } from '../support/database.ts';
import { hasPgProve, runWithPgProve } from '../support/pgtap.ts';

interface SqlMutation {
  /** area/what-goes-wrong; the area names the pgTAP file meant to catch it (see `guards`). */
  id: string;
  /** The function whose latest definition in supabase/migrations is changed, schema-qualified. */
  fn: string;
  /** Text that occurs exactly once in that definition … */
  original: string;
  /** … and what it becomes. */
  mutated: string;
}

const drop = '';
/** The file that guards each area, run first. */
const guards: Record<string, string> = {
  kpi: 'kpi.test.sql',
  consent: 'consent_rules.test.sql',
  erasure: 'erasure.test.sql',
  lifecycle: 'rules.test.sql',
  membership: 'membership_dates.test.sql',
  access: 'access.test.sql',
};

const mutations: SqlMutation[] = [
  // KPI: a person counts once, only while a member, only in a running (not draft) group; the
  // counters move with every change (app.kpi_refresh) and every report reads them up to its date.
  {
    id: 'kpi/counts-a-person-in-two-groups-twice',
    fn: 'app.kpi_refresh',
    original: 'persons := array(select distinct p from',
    mutated: 'persons := array(select p from',
  },
  { id: 'kpi/ignores-left_on', fn: 'app.kpi_spans_of', original: 'least(g.ended_on + 1, gm.left_on)', mutated: 'g.ended_on + 1' },
  {
    id: 'kpi/counts-the-day-they-left',
    fn: 'app.kpi_spans_of',
    original: 'least(g.ended_on + 1, gm.left_on)',
    mutated: 'least(g.ended_on + 1, gm.left_on + 1)',
  },
  { id: 'kpi/counts-ended-groups', fn: 'app.kpi_spans_of', original: 'least(g.ended_on + 1, gm.left_on)', mutated: 'gm.left_on' },
  { id: 'kpi/counts-drafts', fn: 'app.kpi_spans_of', original: "and g.status <> 'draft'", mutated: drop },
  {
    id: 'kpi/counts-groups-not-started',
    fn: 'app.kpi_spans_of',
    original: 'greatest(g.started_on, gm.joined_on)',
    mutated: 'gm.joined_on',
  },
  {
    id: 'kpi/month-counts-the-month-after-they-left',
    fn: 'app.kpi_spans_of',
    original: "date_trunc('month', r.ends_on - 1)",
    mutated: "date_trunc('month', r.ends_on)",
  },
  {
    id: 'kpi/group-changes-leave-the-counters',
    fn: 'app.kpi_refresh_members',
    original: 'where gm.group_id = new.id',
    mutated: 'where false',
  },
  {
    id: 'kpi/leaving-leaves-the-counters',
    fn: 'app.kpi_refresh_members',
    original: "case when tg_op <> 'DELETE' then new.person_id end",
    mutated: 'null::uuid',
  },
  {
    id: 'kpi/involvement-counts-the-day-they-left',
    fn: 'public.kpi_involvement',
    original: 'c.on_date <= at_date',
    mutated: 'c.on_date < at_date',
  },
  {
    id: 'kpi/month-ignores-the-month-itself',
    fn: 'public.kpi_involvement_by_month',
    original: 'd.on_date <= m.month_start), 0)::int,\n         t.staff',
    mutated: 'd.on_date < m.month_start), 0)::int,\n         t.staff',
  },
  { id: 'kpi/rollup-counts-the-day-they-left', fn: 'app.kpi_involved', original: 'c.on_date <= at_date', mutated: 'c.on_date < at_date' },
  { id: 'kpi/rollup-counts-every-dimension', fn: 'app.kpi_involved', original: "c.dimension = 'organisation' and ", mutated: drop },

  // Consent (152-ФЗ): a minor only with a parent's or guardian's consent, given, not withdrawn, not in the future.
  {
    id: 'consent/self-consent-of-a-minor-is-valid',
    fn: 'app.consent_is_valid',
    original: "when for_minor then given_by in ('parent', 'guardian')",
    mutated: "when for_minor then given_by in ('parent', 'guardian', 'self')",
  },
  {
    id: 'consent/a-minor-may-record-self-consent',
    fn: 'app.check_consent_giver',
    original: "if minor and new.given_by = 'self' then",
    mutated: 'if false then',
  },
  {
    id: 'consent/withdrawn_on-ignored',
    fn: 'app.consent_is_valid',
    original: 'and (withdrawn_on is null or withdrawn_on > current_date)',
    mutated: drop,
  },
  {
    id: 'consent/withdrawal-ends-nothing',
    fn: 'app.end_participation_on_withdrawal',
    original: 'if new.withdrawn_on is null or old.withdrawn_on is not null then',
    mutated: 'if true then',
  },
  {
    id: 'consent/future-date-not-checked',
    fn: 'app.check_not_in_future',
    original: "(new_json ->> col)::date > (now() at time zone 'Asia/Kamchatka')::date",
    mutated: 'false',
  },
  {
    id: 'consent/future-consent-valid-today',
    fn: 'app.consent_is_valid',
    original: 'select given_on <= current_date',
    mutated: 'select true',
  },
  { id: 'consent/minor-by-birth-year-off-by-one', fn: 'app.minor_by', original: 'birth_year <= 18', mutated: 'birth_year < 18' },

  // Erasure (152-ФЗ): every personal column, everywhere, the log's copies too.
  { id: 'erasure/leaves-middle_name', fn: 'public.erase_person', original: 'middle_name = null, ', mutated: drop },
  { id: 'erasure/leaves-email', fn: 'public.erase_person', original: 'set email = null, ', mutated: 'set ' },
  {
    id: 'erasure/leaves-enrolment-subjects',
    fn: 'public.erase_person',
    original: ", subjects = '{}' where person_id = target;",
    mutated: ' where person_id = target;',
  },
  {
    id: 'erasure/leaves-feedback-comment',
    fn: 'public.erase_person',
    original: 'update public.meeting_feedback set comment = null where person_id = target;',
    mutated: drop,
  },
  {
    id: 'erasure/leaves-feedback-comment-in-the-log',
    fn: 'public.erase_person',
    original: "where table_name = 'meeting_feedback' and row_id like",
    mutated: 'where false and row_id like',
  },
  { id: 'erasure/leaves-open-answers', fn: 'public.erase_person', original: 'and a.scale_value is null;', mutated: 'and false;' },
  { id: 'erasure/leaves-key-request', fn: 'public.erase_person', original: 'set key_request = null, ', mutated: 'set ' },
  { id: 'erasure/leaves-guardianships-as-guardian', fn: 'public.erase_person', original: ' or guardian_person_id = target;', mutated: ';' },

  // The group lifecycle: draft → active → completed | cancelled, never back.
  {
    id: 'lifecycle/completed-to-active',
    fn: 'app.check_group_lifecycle',
    original: "(old.status = 'active' and new.status in ('completed', 'cancelled'))",
    mutated: "(old.status in ('active', 'completed') and new.status in ('active', 'completed', 'cancelled'))",
  },

  // Membership dates: a former member is not current.
  {
    id: 'membership/former-member-is-current',
    fn: 'app.my_group_ids',
    original: 'and (gm.left_on is null or gm.left_on > current_date)',
    mutated: drop,
  },
  {
    id: 'membership/left-today-is-current',
    fn: 'app.my_group_ids',
    original: 'gm.left_on > current_date',
    mutated: 'gm.left_on >= current_date',
  },
  {
    id: 'membership/former-mentor-writes',
    fn: 'app.my_active_mentored_group_ids',
    original: 'and (gm.left_on is null or gm.left_on > current_date)',
    mutated: drop,
  },
  // Who follows a group: its members, the teachers of its mentees' classes, its mentees' guardians.
  {
    id: 'access/guardians-lose-their-child-s-group',
    fn: 'app.my_followed_group_ids',
    original: 'union all select app.my_children_group_ids()',
    mutated: drop,
  },
  {
    id: 'access/teachers-lose-their-pupils-groups',
    fn: 'app.my_followed_group_ids',
    original: 'union all select app.my_taught_group_ids()',
    mutated: drop,
  },
  {
    id: 'membership/feedback-after-leaving',
    fn: 'app.check_member_on_meeting_day',
    original: 'and (gm.left_on is null or gm.left_on > m.held_on)',
    mutated: drop,
  },
];

const testsDir = fileURLToPath(new URL('../../supabase/tests/', import.meta.url));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The function's latest `create [or replace] function` statement in supabase/migrations. */
function latestDefinition(fn: string, migrations: { name: string; sql: string }[]): string {
  const header = new RegExp(`create (or replace )?function ${escapeRegExp(fn)}\\(`, 'g');
  for (const migration of [...migrations].reverse()) {
    const starts = [...migration.sql.matchAll(header)].map((match) => match.index);
    const start = starts.at(-1);
    if (start === undefined) continue;
    const bodyStart = migration.sql.indexOf('$$', start);
    const bodyEnd = migration.sql.indexOf('$$', bodyStart + 2);
    const end = migration.sql.indexOf(';', bodyEnd);
    if (bodyStart < 0 || bodyEnd < 0 || end < 0) throw new Error(`${fn}: no $$ … $$; body in ${migration.name}`);
    return migration.sql.slice(start, end + 1);
  }
  throw new Error(`${fn}: no definition in supabase/migrations`);
}

/** The mutated `create or replace function`; throws unless the original text is there exactly once. */
function mutatedDefinition(mutation: SqlMutation, migrations: { name: string; sql: string }[]): string {
  const definition = latestDefinition(mutation.fn, migrations);
  const count = definition.split(mutation.original).length - 1;
  if (count !== 1) {
    throw new Error(
      `${mutation.id}: «${mutation.original}» occurs ${count} times in ${mutation.fn}'s latest definition (must be once): update the mutation`,
    );
  }
  return definition.replace(/^create (or replace )?function/, 'create or replace function').replace(mutation.original, mutation.mutated);
}

/**
 * Runs the pgTAP files in order on a fresh migrated database (with the mutated function, if any);
 * returns the files that failed, stopping at the first unless `all`.
 */
async function failingFiles(files: string[], mutatedSql: string | null, all: boolean): Promise<string[]> {
  const database = await freshDatabase();
  try {
    if (!database.url) throw new Error('a real Postgres is needed (pg_prove)');
    await migrate(database.db);
    if (mutatedSql) await database.db.asService((db) => db.exec(mutatedSql));
    const failed: string[] = [];
    for (const file of files) {
      const result = runWithPgProve(`${testsDir}${file}`, database.url);
      if (result.status !== 0 || !/^Result: PASS$/m.test(result.output)) {
        failed.push(file);
        if (!all) break;
      }
    }
    return failed;
  } finally {
    await database.dispose();
  }
}

async function main(): Promise<number> {
  if (!(await postgresAvailable()) || !hasPgProve()) {
    console.error('test:mutation:sql needs a Postgres with pgTAP (DATABASE_URL or 127.0.0.1:5432) and pg_prove');
    return 2;
  }
  const all = process.argv.includes('--all');
  const only = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const selected = mutations.filter((mutation) => !only || mutation.id.includes(only));
  const migrations = await readMigrations();
  // Every mutation's text is checked before anything runs: a stale one stops the run at once.
  const definitions = selected.map((mutation) => mutatedDefinition(mutation, migrations));
  const files = readdirSync(testsDir)
    .filter((file) => file.endsWith('.test.sql'))
    .sort();

  const started = Date.now();
  const broken = await failingFiles(files, null, true);
  if (broken.length > 0) {
    console.error(`The unmutated database already fails ${broken.join(', ')}: fix the suite first (npm run test:db).`);
    return 1;
  }
  console.log(`unmutated: all ${files.length} pgTAP files pass`);

  let survived = 0;
  const width = Math.max(...selected.map((mutation) => mutation.id.length));
  for (const [index, mutation] of selected.entries()) {
    const guard = guards[mutation.id.split('/')[0] ?? ''];
    const ordered = [...files.filter((file) => file === guard), ...files.filter((file) => file !== guard)];
    const caughtBy = await failingFiles(ordered, definitions[index] ?? null, all);
    if (caughtBy.length === 0) survived += 1;
    console.log(`${caughtBy.length > 0 ? 'caught  ' : 'SURVIVED'}  ${mutation.id.padEnd(width)}  ${caughtBy.join(', ') || '-'}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nSQL mutations: ${selected.length - survived} caught, ${survived} survived (${seconds} s)`);
  return survived > 0 ? 1 : 0;
}

process.exitCode = await main();
