// `npm run bench:sync`: a Classroom sync of 100 courses × 30 pupils (3,000 pupils, 100 teachers)
// from the fake Classroom with 50 ms of latency on every call and two injected errors (a 429 with
// Retry-After: 1, a 503), into an empty school on a fresh database (on DATABASE_URL's Postgres or the
// one at 127.0.0.1:5432, as the test suites; PGlite in memory when none answers), then
// the same sync again with nothing changed. Prints the time, the calls against the lower bound (one
// per page of every list, plus one per injected error), the rows written and the peak memory (RSS);
// exits 1 when a target is missed: calls = bound, ≤ 10 s, ≤ 256 MB, the rerun ≤ 3 s with 0 rows written.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../functions/db/database.ts';
import { migrate } from '../../functions/db/migrate.ts';
import { classroomApi } from '../../functions/services/classroom/client.ts';
import { runSync } from '../../functions/services/classroom/sync.ts';
import { freshDatabase } from '../support/database.ts';
import { FakeClassroom } from '../support/fake-classroom.ts';

const courses = 100;
const perCourse = 30;
const latencyMs = 50;
const token = 'bench-token';

const families = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
];
const givens = [
  'Александр',
  'Максим',
  'Иван',
  'Артём',
  'Дмитрий',
  'Никита',
  'Михаил',
  'Даниил',
  'Егор',
  'Андрей',
  'Алексей',
  'Кирилл',
  'Илья',
  'Матвей',
  'Роман',
  'Тимофей',
  'Марк',
  'Лев',
  'Глеб',
  'Фёдор',
];
const letters = 'АБВГДЕЖЗИК';

function classroom(): FakeClassroom {
  const fake = new FakeClassroom({ latencyMs, tokens: [token] });
  let pupil = 0;
  for (let c = 0; c < courses; c++) {
    const className = `${(c % 11) + 1}${letters[Math.floor(c / 11)]}`;
    const teacherId = `t-${c}`;
    // Unique names (no digits: names are letters): no namesakes, so nobody waits in the queue.
    fake.addUser({
      id: teacherId,
      givenName: givens[c % 20] as string,
      familyName: `${families[c % 20]}а-${givens[Math.floor(c / 20)]}ова`,
      email: `t${c}@bench.example`,
    });
    const students: string[] = [];
    for (let i = 0; i < perCourse; i++, pupil++) {
      const id = `s-${pupil}`;
      const family = `${families[pupil % 20]}-${families[Math.floor(pupil / 20) % 20]}`;
      // Every tenth pupil has no e-mail in Classroom.
      fake.addUser({
        id,
        givenName: givens[Math.floor(pupil / 400) % 20] as string,
        familyName: family,
        ...(pupil % 10 ? { email: `p${pupil}@bench.example` } : {}),
      });
      students.push(id);
    }
    fake.addCourse({ id: `course-${String(c).padStart(3, '0')}`, name: `Классный час ${className}`, teachers: [teacherId], students });
  }
  return fake;
}

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);

async function timed(db: Database, organisationId: string, fake: FakeClassroom) {
  const api = await classroomApi({ accessToken: token, rootUrl: fake.url });
  const before = fake.calls;
  const started = performance.now();
  const preview = await runSync({
    organisationId,
    transact: (work) => db.asService(work),
    source: 'cli',
    api,
    dryRun: false,
    includeArchived: false,
  });
  return { ms: performance.now() - started, calls: fake.calls - before, preview };
}

const fake = classroom();
await fake.start();
const database = await freshDatabase();
const { db } = database;
try {
  await migrate(db);
  const organisationId = randomUUID();
  await db.asService((q) => q.query(`insert into public.organisations (id, name) values ($1, 'Школа для замера')`, [organisationId]));
  sample();
  const base = process.memoryUsage().rss;

  fake.faults.push({ path: /course-042\/students$/, status: 429, retryAfter: '1' }, { path: /course-077\/teachers$/, status: 503 });
  const bound = fake.lowerBound() + 2;
  const first = await timed(db, organisationId, fake);
  const auditBefore = await db.asService(async (q) =>
    Number((await q.query<{ n: number }>('select count(*)::int as n from public.audit_log')).rows[0]?.n),
  );
  const again = await timed(db, organisationId, fake);
  const auditAfter = await db.asService(async (q) =>
    Number((await q.query<{ n: number }>('select count(*)::int as n from public.audit_log')).rows[0]?.n),
  );
  sample();
  clearInterval(sampler);

  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const rows = [
    ['first sync: time', `${(first.ms / 1000).toFixed(2)} s`, '≤ 10 s', first.ms <= 10_000],
    ['first sync: calls / lower bound', `${first.calls} / ${bound}`, 'calls = bound', first.calls === bound],
    [
      'first sync: people new',
      String(first.preview.counts.new),
      `${courses * perCourse + courses}`,
      first.preview.counts.new === courses * (perCourse + 1),
    ],
    ['first sync: rows written', String(first.preview.result?.rows_written), '', true],
    ['rerun, nothing changed: time', `${(again.ms / 1000).toFixed(2)} s`, '≤ 3 s', again.ms <= 3000],
    ['rerun: calls / lower bound', `${again.calls} / ${bound - 2}`, 'calls = bound', again.calls === bound - 2],
    [
      'rerun: rows written (audit log rows)',
      `${again.preview.result?.rows_written} (${auditAfter - auditBefore})`,
      '0',
      again.preview.result?.rows_written === 0 && auditAfter === auditBefore,
    ],
    ['peak memory (RSS)', `${mb(peak)} MB (${mb(base)} MB before the sync)`, '≤ 256 MB', peak <= 256 * 1024 * 1024],
  ] as const;
  console.log(
    `bench:sync — ${courses} courses × ${perCourse} pupils, ${latencyMs} ms per call, a 429 (Retry-After: 1) and a 503 injected; ${db.kind}`,
  );
  for (const [what, value, target, ok] of rows) console.log(`${ok ? '✓' : '✗'} ${what.padEnd(38)} ${value.padEnd(32)} ${target}`);
  process.exitCode = rows.every((row) => row[3]) ? 0 : 1;
} finally {
  await database.dispose();
  await fake.close();
}
