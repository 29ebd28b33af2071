// Classroom sync through the API, against a fake of the Classroom REST API that speaks its wire
// format (tests/support/fake-classroom.ts): a server page cap below the page size asked, a 429 with
// Retry-After and a 503 on the way, a pupil without e-mail written in Latin letters, a given name
// holding «Имя Отчество», an archived course, a teacher who studies in a staff course, a pupil in
// several courses (agreeing, and disagreeing on the class), a namesake in another class. Preview
// first (nothing written), then applied exactly as shown; a rerun writes nothing; push re-syncs a course.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassroomSyncPreview } from '../../shared/api/classroom.ts';
import { type Answer, testApi } from '../support/api.ts';
import { demoClassroom, teacher, demoClassroomToken as token } from '../support/demo-classroom.ts';
import type { FakeClassroom } from '../support/fake-classroom.ts';
import { otherSchool, people, type TwoSchools, twoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: Awaited<ReturnType<typeof testApi>>;
let fake: FakeClassroom;

beforeAll(async () => {
  s = await twoSchools();
  fake = demoClassroom({ pageCap: 2 });
  await fake.start();
  api = await testApi(s, { classroom: { rootUrl: fake.url, client: { backoffMs: 5 } } });
});
afterAll(async () => {
  await fake?.close();
  await s?.dispose();
});

type Preview = ClassroomSyncPreview;
const sync = (body: Record<string, unknown>, options: { who?: string; school?: string; token?: string | null } = {}) =>
  api.call(options.who ?? people.curator, 'POST', `/organisations/${options.school ? s.schoolB : s.schoolA}/classroom-sync`, body, {
    ...(options.school ? { school: options.school } : {}),
    headers: options.token === null ? {} : { 'x-google-access-token': options.token ?? token },
  });
const preview = (answer: Answer) => answer.json as unknown as Preview;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return s.db.asService(async (db) =>
    Number((await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params)).rows[0]?.n),
  );
}
const peopleCount = () => count('select 1 from public.people where organisation_id = $1', [s.schoolA]);
const auditCount = () => count('select 1 from public.audit_log');

describe('Classroom sync: preview, then apply', () => {
  let first: Preview;

  it('previews the exact diff and writes nothing; every page is read, errors retried, each call counted', async () => {
    fake.faults.push({ path: /c-7a-algebra\/students$/, status: 429, retryAfter: '1' }, { path: /c-8b\/teachers$/, status: 503 });
    const before = { people: await peopleCount(), audit: await auditCount(), calls: fake.calls };
    const started = Date.now();
    const answer = await sync({ dry_run: true });
    expect(answer.status).toBe(200);
    first = preview(answer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After: 1 was honoured
    // One call per page of every list at a server cap of 2 below the 1,000 asked, plus one per injected error.
    expect(fake.calls - before.calls).toBe(fake.lowerBound() + 2);
    expect(first.run.calls).toBe(fake.lowerBound() + 2);
    expect(fake.log.filter((r) => r.path.endsWith('/students')).every((r) => r.query.get('pageSize') === '1000')).toBe(true);
    expect(await peopleCount()).toBe(before.people);
    expect(await auditCount()).toBe(before.audit);

    expect(first.run).toMatchObject({ status: 'previewed', dry_run: true, courses_total: 5, courses_done: 5 });
    expect(first.counts).toEqual({ courses: 5, new: 1, changed: 5, unchanged: 0, moved: 0, left: 0, ambiguous: 2 });
    expect(first.courses.map((c) => [c.course_id, c.class_name])).toEqual([
      ['c-7a-algebra', '7А'],
      ['c-7a-russian', '7А'],
      ['c-8b', '8Б'],
      ['c-9a', '9А'],
      ['c-staff', null],
    ]);
    expect(first.new).toMatchObject([
      { google_user_id: 'u-new', last_name: 'Новенькая', first_name: 'Ника', class_name: '7А', email: null, kind: 'student' },
    ]);
    const changed = new Map(first.changed.map((e) => [e.google_user_id, e]));
    expect(changed.get('u-sorokin')).toMatchObject({ person_id: s.id('s-0304'), matched_by: 'email' });
    expect(changed.get('u-abramov')).toMatchObject({ person_id: s.id('s-0305'), matched_by: 'name', email: null });
    expect(changed.get('u-martynov')).toMatchObject({ person_id: s.id('s-0306'), matched_by: 'name', middle_name: 'Николаевич' });
    expect(changed.get('u-abramov')?.changes).toEqual([{ field: 'google_user_id', from: null, to: 'u-abramov' }]);
    // The teacher who studies in the staff course is staff, matched by e-mail.
    expect(changed.get(teacher.id)).toMatchObject({ person_id: s.id('t-0556'), kind: 'staff', matched_by: 'email' });
    const queue = new Map(first.ambiguous.map((e) => [e.google_user_id, e]));
    expect(queue.get('u-romanova')).toMatchObject({ reason: 'classes_disagree', class_names: ['7А', '8Б'] });
    expect(queue.get('u-ivanov')).toMatchObject({ reason: 'other_class', class_names: ['9А'] });
    expect(queue.get('u-ivanov')?.candidates.map((c) => c.person_id)).toEqual([s.id('s-0396')]);
  });

  it('applies the preview exactly as shown, without asking Google again', async () => {
    const calls = fake.calls;
    const answer = await sync({ dry_run: false, run_id: first.run.id }, { token: null });
    expect(answer.status).toBe(200);
    const applied = preview(answer);
    expect(fake.calls).toBe(calls);
    expect(applied.run.status).toBe('applied');
    expect(applied.counts).toEqual(first.counts);
    expect(applied.result?.rows_written).toBeGreaterThan(0);
    const created = await s.db.asService((db) =>
      db.query<{ class: string; kind: string }>(
        `select c.name as class, p.kind from public.people p join public.classes c on c.id = p.class_id where p.google_user_id = 'u-new'`,
      ),
    );
    expect(created.rows).toEqual([{ class: '7А', kind: 'student' }]);
    const linked = await count('select 1 from public.people where organisation_id = $1 and google_user_id is not null', [s.schoolA]);
    expect(linked).toBe(6);
    const assignments = await s.db.asService((db) =>
      db.query<{ subject: string; class: string }>(
        `select t.subject, c.name as class from public.teaching_assignments t join public.classes c on c.id = t.class_id
         where t.person_id = $1 order by subject`,
        [s.id('t-0556')],
      ),
    );
    expect(assignments.rows).toEqual(
      expect.arrayContaining([
        { subject: 'Алгебра', class: '7А' },
        { subject: 'Русский язык', class: '7А' },
      ]),
    );
    // The queue is kept for the curator.
    expect(await count('select 1 from public.classroom_sync_queue where organisation_id = $1', [s.schoolA])).toBe(2);
    // A preview is applied once.
    expect((await sync({ dry_run: false, run_id: first.run.id }, { token: null })).status).toBe(404);
  });

  it('a rerun with nothing changed writes nothing', async () => {
    const audit = await auditCount();
    const answer = await sync({ dry_run: false });
    const again = preview(answer);
    expect(again.counts).toEqual({ courses: 5, new: 0, changed: 0, unchanged: 6, moved: 0, left: 0, ambiguous: 2 });
    expect(again.result?.rows_written).toBe(0);
    expect(again.courses.every((c) => !c.changed)).toBe(true);
    expect(await auditCount()).toBe(audit);
  });

  it('the curator resolves the queue: a class for the pupil whose courses disagree, a person for the namesake', async () => {
    const answer = await sync({
      dry_run: false,
      resolutions: [
        { google_user_id: 'u-romanova', action: 'class', class_name: '7А' },
        { google_user_id: 'u-ivanov', action: 'person', person_id: s.id('s-0396') },
      ],
    });
    const resolved = preview(answer);
    expect(resolved.counts.ambiguous).toBe(0);
    expect(resolved.moved).toMatchObject([
      { google_user_id: 'u-ivanov', changes: expect.arrayContaining([{ field: 'class_name', from: '8Б', to: '9А' }]) },
    ]);
    // The choice of class stands: the next run asks nothing and writes nothing.
    const next = preview(await sync({ dry_run: false }));
    expect(next.counts).toMatchObject({ ambiguous: 0, new: 0, changed: 0, moved: 0 });
    expect(next.result?.rows_written).toBe(0);
  });

  it('a changed course writes only what changed: a new surname, a pupil who left', async () => {
    (fake.users.get('u-new') as { familyName: string }).familyName = 'Новикова';
    const algebra = fake.courses.get('c-7a-algebra');
    if (algebra) algebra.students = algebra.students.filter((id) => id !== 'u-martynov');
    const answer = preview(await sync({ dry_run: false }));
    expect(answer.counts).toMatchObject({ changed: 1, left: 1, new: 0 });
    expect(answer.changed[0]?.changes).toEqual([{ field: 'last_name', from: 'Новенькая', to: 'Новикова' }]);
    expect(answer.left).toMatchObject([{ person_id: s.id('s-0306'), last_name: 'Мартынов' }]);
    // people ×2 (surname, left), the algebra course's roster: nothing else.
    expect(answer.result?.rows_written).toBe(3);
    const martynov = await s.db.asService((db) =>
      db.query<{ left_at: string | null }>('select left_at from public.people where id = $1', [s.id('s-0306')]),
    );
    expect(martynov.rows[0]?.left_at).not.toBeNull();
  });

  it('archived courses on request', async () => {
    const answer = preview(await sync({ dry_run: true, include_archived: true }));
    expect(answer.courses.map((c) => c.course_id)).toContain('c-archived');
    expect(answer.new.map((e) => e.google_user_id)).toEqual(['u-archived']);
  });

  it('a failed run keeps what it fetched; the next run resumes without asking for those courses again', async () => {
    fake.faults.push({ path: /c-9a\/students$/, status: 503, times: 7 });
    const failed = await sync({ dry_run: true });
    expect(failed.status).toBe(424);
    expect(failed.json).toMatchObject({ error: { message: expect.stringContaining('Google Classroom сейчас не отвечает') } });
    const runs = (await api.call(people.curator, 'GET', `/organisations/${s.schoolA}/classroom-sync/runs?limit=1`)).json.items ?? [];
    expect(runs[0]).toMatchObject({ status: 'failed', errors: [{ status: 'UNAVAILABLE' }] });
    const calls = fake.calls;
    const resumed = preview(await sync({ dry_run: true }));
    expect(resumed.run.status).toBe('previewed');
    // The course list (3 pages at the cap of 2) and the one course that failed (1 + 1 pages).
    expect(fake.calls - calls).toBe(3 + 2);
    const one = await api.call(people.curator, 'GET', `/organisations/${s.schoolA}/classroom-sync/runs/${resumed.run.id}`);
    expect(one.json).toMatchObject({ courses_done: 5, courses_total: 5 });
  });

  it('stops when it would mark more than 10% of the school as left, and goes on once the curator confirms', async () => {
    // 70 of the school's 605 people were synced before from accounts Classroom no longer lists.
    await s.db.asService((db) =>
      db.query(
        `update public.people set google_user_id = 'gone-' || id where id in (
           select id from public.people where organisation_id = $1 and google_user_id is null and kind = 'student' order by id limit 70)`,
        [s.schoolA],
      ),
    );
    const leftCount = () => count('select 1 from public.people where organisation_id = $1 and left_at is not null', [s.schoolA]);
    const before = await leftCount();
    const stopped = preview(await sync({ dry_run: false }));
    expect(stopped.run.status).toBe('needs_confirmation');
    expect(stopped.left_guard).toMatchObject({ left: 70, exceeded: true, confirmed: false });
    expect(stopped.result).toBeNull();
    expect(await leftCount()).toBe(before);
    // The curator confirms the run as it was shown.
    const confirmed = preview(await sync({ dry_run: false, run_id: stopped.run.id, confirm_left: true }, { token: null }));
    expect(confirmed.run.status).toBe('applied');
    expect(await leftCount()).toBe(before + 70);
  });

  it('refuses a token Google does not take, no token, a mentor and another school', async () => {
    const refused = await sync({ dry_run: true }, { token: 'expired' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).not.toContain('expired');
    expect((await sync({ dry_run: true }, { token: null })).status).toBe(400);
    expect((await sync({ dry_run: true }, { who: people.mentor })).status).toBe(404);
    const other = await api.call(
      people.curator,
      'POST',
      `/organisations/${s.schoolA}/classroom-sync`,
      { dry_run: true },
      {
        school: otherSchool,
        headers: { 'x-google-access-token': token },
      },
    );
    expect(other.status).toBe(404);
    const runs = await api.call(people.curator, 'GET', `/organisations/${s.schoolA}/classroom-sync/runs`, undefined, {
      school: otherSchool,
    });
    expect(runs.json.items).toEqual([]);
  });
});

describe('the service account: the scheduled sync, push registrations, a pushed roster change', () => {
  let jobsApi: Awaited<ReturnType<typeof testApi>>;
  const secret = 'job-secret-for-tests';
  const topic = 'projects/nastavnik-school17/topics/classroom-roster';
  let topicsEnsured = 0;

  beforeAll(async () => {
    jobsApi = await testApi(s, {
      classroom: {
        rootUrl: fake.url,
        client: { backoffMs: 5 },
        jobs: {
          organisationId: s.schoolB,
          secret,
          topic,
          accessToken: async () => token,
          ensureTopic: async () => {
            topicsEnsured += 1;
          },
        },
      },
    });
  });

  const job = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jobsApi.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('the scheduled job syncs the school and registers every course; a second run renews nothing', async () => {
    expect((await job('/classroom/scheduled', undefined, { 'x-nastavnik-job-secret': 'wrong' })).status).toBe(401);
    const answer = await job('/classroom/scheduled', undefined, { 'x-nastavnik-job-secret': secret });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { run: { status: string; source: string }; registrations: { renewed: number; kept: number } };
    expect(body.run).toMatchObject({ status: 'applied', source: 'schedule' });
    expect(body.registrations).toEqual({ renewed: 5, kept: 0 });
    expect(topicsEnsured).toBe(1);
    expect(fake.registrations.every((r) => r.topicName === topic)).toBe(true);
    const again = (await (await job('/classroom/scheduled', undefined, { 'x-nastavnik-job-secret': secret })).json()) as typeof body;
    expect(again.registrations).toEqual({ renewed: 0, kept: 5 });
  });

  it('a recorded push of a roster change re-syncs just that course', async () => {
    const recorded = JSON.parse(await readFile(new URL('../fixtures/classroom/push-student-created.json', import.meta.url), 'utf8'));
    fake.addUser({ id: 'u-pushed', givenName: 'Пётр', familyName: 'Пушкарёв' });
    fake.courses.get('c-7a-russian')?.students.push('u-pushed');
    const calls = fake.calls;
    expect((await job('/classroom/push', recorded)).status).toBe(401);
    const answer = await job('/classroom/push?token=job-secret-for-tests', recorded);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { run: { status: string; source: string; counts: { new: number } } };
    expect(body.run).toMatchObject({ status: 'applied', source: 'push', counts: { new: 1 } });
    // courses.get, one page of teachers, three pages of students (5 at a cap of 2, then 401 attempt above)
    expect(fake.log.slice(calls).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/v1/courses/c-7a-russian', '/v1/courses/c-7a-russian/teachers', '/v1/courses/c-7a-russian/students']),
    );
    expect(fake.log.slice(calls).every((r) => r.path.startsWith('/v1/courses/c-7a-russian'))).toBe(true);
    const pushed = await count('select 1 from public.people where organisation_id = $1 and google_user_id = $2', [s.schoolB, 'u-pushed']);
    expect(pushed).toBe(1);
    // A message about a course we do not sync is acknowledged and does nothing.
    const stray = JSON.parse(JSON.stringify(recorded));
    stray.message.data = Buffer.from(
      JSON.stringify({ collection: 'courses.students', eventType: 'CREATED', resourceId: { courseId: 'unknown', userId: 'x' } }),
    ).toString('base64');
    const ignored = (await (await job(`/classroom/push?token=${secret}`, stray)).json()) as { run: unknown };
    expect(ignored.run).toBeNull();
  });

  it('a recorded push of a teacher leaving a course takes back that teaching assignment, and only that one', async () => {
    const recorded = JSON.parse(await readFile(new URL('../fixtures/classroom/push-teacher-deleted.json', import.meta.url), 'utf8'));
    const russian = fake.courses.get('c-7a-russian');
    if (russian) russian.teachers = [];
    const subjects = () =>
      s.db.asService(async (db) => {
        const { rows } = await db.query<{ subject: string }>(
          `select t.subject from public.teaching_assignments t join public.people p on p.id = t.person_id
           where p.organisation_id = $1 and p.google_user_id = $2 order by t.subject`,
          [s.schoolB, teacher.id],
        );
        return rows.map((row) => row.subject);
      });
    expect(await subjects()).toEqual(expect.arrayContaining(['Алгебра', 'Русский язык']));
    const answer = await job(`/classroom/push?token=${secret}`, recorded);
    expect(answer.status).toBe(200);
    expect(await subjects()).not.toContain('Русский язык');
    expect(await subjects()).toContain('Алгебра');
  });
});
