// `npm run bench:kpi`: the KPI queries on a whole region — 1,000 schools × 600 people (about
// 600k people, 150k groups) — and on the country — 40,000 schools in 40 regions — on the local
// Postgres: one school, the region and the country, each as the database owner (no row-level
// security) and as the head / regional viewer (with it), and the ratio.
// Targets: one school ≤ 20 ms, the region ≤ 100 ms, the country ≤ 1 s, RLS ≤ 1.5× the same query
// without it. The reports read the counters the database keeps (kpi_counters), never memberships:
// the region's schools have their people, groups and members, and their counters are recounted
// from them (app.kpi_recount); the other 39 regions' 39,000 schools get counter rows copied from
// the region's schools (a school's counters are all the roll-ups read; 24 million generated people
// would take an hour to load here and change nothing they read).
// Options: --schools N (default 1000), --country N (schools in the country, default 40000),
// --keep (reuse the database built by an earlier run).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../../functions/db/migrate.ts';
import { openPostgres } from '../../functions/db/postgres.ts';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '1000' },
    country: { type: 'string', default: '40000' },
    keep: { type: 'boolean', default: false },
  },
});
const schools = Number(values.schools);
const country = Math.max(Number(values.country), schools);
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'nastavnik_bench_kpi';
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect().catch((error: Error) => {
  console.error(`bench:kpi needs a Postgres (DATABASE_URL or 127.0.0.1:5432): ${error.message}`);
  process.exit(2);
});
const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
const build = !(values.keep && exists);
if (build) {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
}
await admin.end();

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const step = async (label: string, sql: string) => {
  const started = performance.now();
  await client.query(sql);
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

if (build) {
  console.log(`Building a region of ${schools} schools × 600 people…`);
  const database = openPostgres(url.toString(), { max: 1 });
  await migrate(database);
  await database.close();
  // Generated data is consistent by construction; triggers (audit, group rules) are for people's
  // edits, not for a bulk load, so the load runs as a replica would.
  await client.query("set session_replication_role = 'replica'");
  await step(
    'schools and classes',
    `
    insert into public.organisations (id, name, region, municipality, kind)
    select md5('org/' || s)::uuid, 'Школа № ' || s, 'Бенчмарк-область', 'Район ' || (s % 40), 'school'
    from generate_series(1, ${schools}) s;
    insert into public.organisations (id, name, region, kind) values (md5('org/authority')::uuid, 'Управление', 'Бенчмарк-область', 'authority');
    insert into public.classes (id, organisation_id, name, grade)
    select md5('class/' || s || '/' || c)::uuid, md5('org/' || s)::uuid, ((c - 1) / 2 + 1) || case when c % 2 = 1 then 'А' else 'Б' end, (c - 1) / 2 + 1
    from generate_series(1, ${schools}) s, generate_series(1, 22) c;
    insert into public.programmes (id, organisation_id, academic_year, name, current_stage)
    select md5('programme/' || s)::uuid, md5('org/' || s)::uuid, '2026/2027', 'Программа', 6 from generate_series(1, ${schools}) s;`,
  );
  // 550 students in 22 classes and 50 staff per school.
  await step(
    'people',
    `
    insert into public.people (id, organisation_id, kind, last_name, first_name, class_id)
    select md5('person/' || s || '/' || n)::uuid, md5('org/' || s)::uuid,
      case when n <= 550 then 'student' else 'staff' end, 'Фамилия' || n, 'Имя',
      case when n <= 550 then md5('class/' || s || '/' || ((n - 1) % 22 + 1))::uuid end
    from generate_series(1, ${schools}) s, generate_series(1, 600) n;`,
  );
  // 150 groups per school: 130 student pairs (students 1–130 mentor students 131–260), 20 teacher pairs
  // (staff 551–570 mentor staff 571–590); a tenth of them completed, so not all count.
  await step(
    'groups and members',
    `
    insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status, started_on, ended_on)
    select md5('group/' || s || '/' || g)::uuid, md5('org/' || s)::uuid, md5('programme/' || s)::uuid,
      case when g <= 130 then 'student_student' else 'teacher_teacher' end,
      case when g <= 130 then 'peer_to_peer' else 'experienced_young_specialist' end,
      case when g % 10 = 0 then 'completed' else 'active' end, date '2026-10-01',
      case when g % 10 = 0 then date '2026-10-31' end
    from generate_series(1, ${schools}) s, generate_series(1, 150) g;
    insert into public.group_members (group_id, person_id, organisation_id, role, joined_on)
    select md5('group/' || s || '/' || g)::uuid,
      md5('person/' || s || '/' || case when g <= 130 then g else 420 + g end)::uuid, md5('org/' || s)::uuid, 'mentor', date '2026-10-01'
    from generate_series(1, ${schools}) s, generate_series(1, 150) g
    union all
    select md5('group/' || s || '/' || g)::uuid,
      md5('person/' || s || '/' || case when g <= 130 then 130 + g else 440 + g end)::uuid, md5('org/' || s)::uuid, 'mentee', date '2026-10-01'
    from generate_series(1, ${schools}) s, generate_series(1, 150) g;`,
  );
  // The head of school 1 and the regional viewer, with sign-in accounts.
  await step(
    'the head and the regional viewer',
    `
    insert into auth.users (id, email) values (md5('user/head')::uuid, 'head@bench'), (md5('user/region')::uuid, 'region@bench');
    update public.people set auth_user_id = md5('user/head')::uuid where id = md5('person/1/600')::uuid;
    insert into public.people (id, organisation_id, kind, last_name, first_name, auth_user_id)
    values (md5('person/authority')::uuid, md5('org/authority')::uuid, 'staff', 'Регионова', 'Нина', md5('user/region')::uuid);
    insert into public.memberships (person_id, organisation_id, role) values
      (md5('person/1/600')::uuid, md5('org/1')::uuid, 'head'),
      (md5('person/authority')::uuid, md5('org/authority')::uuid, 'region_viewer');`,
  );
  await client.query("set session_replication_role = 'origin'");
  // The bulk load ran without triggers: count everything as the triggers would have.
  await step('counters (recount from the raw tables)', 'select app.kpi_recount()');
  await step('vacuum analyze', 'vacuum analyze');
}
const present = Number((await client.query(`select count(*) as n from public.organisations where kind = 'school'`)).rows[0].n);
if (present < country) {
  // Each new school copies the counters of the region's school with the same number modulo the
  // region's size (a hash join on that school's id; the session runs as a replica: no triggers).
  await client.query('analyze public.kpi_counters, public.organisation_people_counts');
  await client.query("set session_replication_role = 'replica'");
  await step(
    `the rest of the country (${country - present} schools, counters copied)`,
    `
    create temporary table copies as
    select md5('org/' || s)::uuid as id, s, md5('org/' || ((s - 1) % ${schools} + 1))::uuid as source
    from generate_series(${present + 1}, ${country}) s;
    insert into public.organisations (id, name, region, municipality, kind)
    select id, 'Школа № ' || s, 'Регион ' || (s / ${schools}), 'Район ' || (s % 40), 'school' from copies;
    insert into public.organisation_people_counts (organisation_id, kind, people)
    select n.id, c.kind, c.people from copies n join public.organisation_people_counts c on c.organisation_id = n.source;
    insert into public.kpi_counters (dimension, organisation_id, key, kind, on_date, delta)
    select c.dimension, n.id, c.key, c.kind, c.on_date, c.delta from copies n join public.kpi_counters c on c.organisation_id = n.source;
    drop table copies;`,
  );
  await client.query("set session_replication_role = 'origin'");
  await step('vacuum analyze', 'vacuum analyze');
}

const counts = (
  await client.query('select (select count(*) from public.people) as people, (select count(*) from public.mentoring_groups) as groups')
).rows[0] as { people: string; groups: string };
const countrySchools = (await client.query(`select count(*) as n from public.organisations where kind = 'school'`)).rows[0] as {
  n: string;
};
console.log(`Region: ${schools} schools, ${counts.people} people, ${counts.groups} groups; the country: ${countrySchools.n} schools\n`);

async function asRole(who: 'owner' | 'head' | 'region', sql: string): Promise<void> {
  await client.query('begin');
  // The same round trips either way: the owner sets empty claims and stays the owner.
  if (who === 'owner') await client.query(`select set_config('request.jwt.claims', '', true)`);
  else {
    const sub = who === 'head' ? 'head' : 'region';
    await client.query(`select set_config('request.jwt.claims', json_build_object('sub', md5('user/${sub}')::uuid, 'role', 'authenticated')::text, true),
      set_config('role', 'authenticated', true)`);
  }
  await client.query(sql);
  await client.query('commit');
}

/** Median of `runs` timings after one warm-up, in milliseconds. */
async function time(who: 'owner' | 'head' | 'region', sql: string, runs = 41): Promise<number> {
  await asRole(who, sql);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await asRole(who, sql);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const school = `select * from public.kpi_involvement(md5('org/1')::uuid, date '2026-11-15')`;
const month = `select * from public.kpi_involvement_by_month(md5('org/1')::uuid, date '2026-09-01', date '2026-12-01')`;
const region = `select * from public.kpi_rollup('Бенчмарк-область', date '2026-11-15')`;
const nation = `select * from public.kpi_country(date '2026-11-15')`;

const rows = [
  ['one school (organisation, forms, classes)', await time('owner', school), await time('head', school), 20],
  ['one school, month by month (4 months)', await time('owner', month), await time('head', month), 20],
  ['the region (schools, municipalities, region)', await time('owner', region), await time('region', region), 100],
  // The country is the service's (nobody signed in may call it): timed as the owner only.
  ['the country (every region, the country)', await time('owner', nation, 15), null, 1000],
] as const;

console.log('query                                          no RLS     with RLS   RLS ratio   target');
for (const [label, plain, withRls, target] of rows) {
  const timed = withRls ?? plain;
  const ratio = withRls === null ? null : withRls / plain;
  const verdict = timed <= target && (ratio === null || ratio <= 1.5) ? 'ok' : 'MISSED';
  console.log(
    `${label.padEnd(46)} ${plain.toFixed(1).padStart(7)} ms ${withRls === null ? '      —   ' : `${withRls.toFixed(1).padStart(7)} ms`} ${ratio === null ? '       —' : `${ratio.toFixed(2).padStart(7)}×`}   ≤ ${target} ms${ratio === null ? '' : ', ≤ 1.5×'}  ${verdict}`,
  );
}
const check = await client.query(
  `select students_total, students_involved, staff_total, staff_involved from public.kpi_rollup('Бенчмарк-область', date '2026-11-15') where level = 'region'`,
);
console.log('\nRegion totals:', check.rows[0]);
await client.end();
