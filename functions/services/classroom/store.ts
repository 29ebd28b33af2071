// The database side of a Classroom sync: the school as the sync compares it (people, classes, the
// courses as last synced, the curator's standing answers), and writing a plan. Writes only what
// differs — an unchanged course, person or queue entry costs no row — and counts every row written.
// Runs in one transaction, as the curator (RLS decides) or as the service for the scheduled and push jobs.
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json.ts';
import type { Queryable } from '../../db/database.ts';
import { classKey, courseSubject } from './courses.ts';
import type { ClassroomUser, CourseRoster } from './fetch.ts';
import type { Account, QueueReason, SchoolPerson, StandingDecision, StoredCourse, SyncPlan } from './reconcile.ts';

export interface StoredRoster extends StoredCourse {
  course: CourseRoster;
}

interface QueueRow {
  google_user_id: string;
  reason: QueueReason;
  profile: unknown;
  candidates: string[];
  decision: 'skip' | 'class' | null;
  decided_class_id: string | null;
}

export interface SchoolState {
  people: SchoolPerson[];
  /** Class name («7А») → id. */
  classes: Map<string, string>;
  stored: StoredRoster[];
  decisions: StandingDecision[];
  queue: QueueRow[];
}

type RosterMember = { id: string; role: 't' | 's'; family: string; given: string; email: string | null };

export function rosterOf(course: CourseRoster): RosterMember[] {
  const member = (role: 't' | 's') => (u: ClassroomUser) => ({ id: u.id, role, family: u.family, given: u.given, email: u.email });
  return [...course.teachers.map(member('t')), ...course.students.map(member('s'))];
}

export async function loadSchool(db: Queryable, organisationId: string): Promise<SchoolState> {
  // One after another: a transaction's connection runs one query at a time.
  const people = await db.query<SchoolPerson>(
    `select p.id, p.last_name, p.first_name, p.middle_name, c.name as "className", d.email,
              p.kind, p.google_user_id as "googleUserId", p.left_at::text as "leftAt"
       from public.people p left join public.classes c on c.id = p.class_id left join public.person_details d on d.person_id = p.id
       where p.organisation_id = $1 and p.erased_at is null`,
    [organisationId],
  );
  const classes = await db.query<{ id: string; name: string }>('select id, name from public.classes where organisation_id = $1', [
    organisationId,
  ]);
  const courses = await db.query<{
    course_id: string;
    name: string;
    section: string | null;
    state: string;
    class_name: string | null;
    roster: RosterMember[];
    roster_hash: string;
  }>(
    `select k.course_id, k.name, k.section, k.state, c.name as class_name, k.roster, k.roster_hash
       from public.classroom_courses k left join public.classes c on c.id = k.class_id where k.organisation_id = $1 order by k.course_id`,
    [organisationId],
  );
  const queue = await db.query<QueueRow & { class_name: string | null }>(
    `select q.google_user_id, q.reason, q.profile, q.candidates::text[] as candidates, q.decision, q.decided_class_id, c.name as class_name
       from public.classroom_sync_queue q left join public.classes c on c.id = q.decided_class_id where q.organisation_id = $1`,
    [organisationId],
  );
  return {
    people: people.rows,
    classes: new Map(classes.rows.map((c) => [classKey(c.name), c.id])),
    stored: courses.rows.map((row) => {
      const user = (m: RosterMember): ClassroomUser => ({ id: m.id, family: m.family, given: m.given, email: m.email });
      const course: CourseRoster = {
        id: row.course_id,
        name: row.name,
        section: row.section,
        state: row.state,
        teachers: row.roster.filter((m) => m.role === 't').map(user),
        students: row.roster.filter((m) => m.role === 's').map(user),
      };
      return {
        courseId: row.course_id,
        rosterHash: row.roster_hash,
        className: row.class_name ? classKey(row.class_name) : null,
        subject: courseSubject(course),
        teacherIds: course.teachers.map((t) => t.id),
        course,
      };
    }),
    decisions: queue.rows
      .filter((row) => row.decision !== null)
      .map((row) => ({
        googleUserId: row.google_user_id,
        decision: row.decision as 'skip' | 'class',
        className: row.class_name ? classKey(row.class_name) : null,
        erased: row.reason === 'erased',
      })),
    queue: queue.rows,
  };
}

export interface ApplyResult {
  rows_written: number;
  classes_created: string[];
}

export async function applyPlan(db: Queryable, organisationId: string, plan: SyncPlan, state: SchoolState): Promise<ApplyResult> {
  let written = 0;
  const write = async (sql: string, params: unknown[]) => {
    written += (await db.query(sql, params)).rows.length;
  };
  const json = (rows: unknown[]) => JSON.stringify(rows);

  // Classes the courses name that the school lacks.
  const classes = new Map(state.classes);
  for (const name of plan.classesToCreate) {
    const id = randomUUID();
    await write('insert into public.classes (id, organisation_id, name, grade) values ($1, $2, $3, $4) returning 1', [
      id,
      organisationId,
      name,
      Number.parseInt(name, 10),
    ]);
    classes.set(classKey(name), id);
  }
  const classId = (name: string | null) => (name ? (classes.get(classKey(name)) ?? null) : null);

  // Every account's person: the matched one, or a new one.
  const personOf = new Map<string, string>();
  for (const person of state.people) if (person.googleUserId) personOf.set(person.googleUserId, person.id);
  const fresh = plan.people
    .filter((entry) => entry.status === 'new')
    .map((entry) => ({
      id: randomUUID(),
      kind: entry.account.kind,
      role: entry.account.kind === 'staff' ? 'teacher' : 'student',
      last_name: entry.account.last_name,
      first_name: entry.account.first_name,
      middle_name: entry.account.middle_name,
      class_id: classId(entry.className),
      google_user_id: entry.account.id,
      email: entry.account.email,
    }));
  for (const person of fresh) personOf.set(person.google_user_id, person.id);
  if (fresh.length > 0) {
    await write(
      `insert into public.people (id, organisation_id, kind, last_name, first_name, middle_name, class_id, google_user_id)
       select id, $2, kind, last_name, first_name, middle_name, class_id, google_user_id
       from jsonb_to_recordset($1::jsonb) as r(id uuid, kind text, last_name text, first_name text, middle_name text, class_id uuid, google_user_id text)
       returning 1`,
      [json(fresh), organisationId],
    );
    await write(
      `insert into public.person_details (person_id, organisation_id, email)
       select id, $2, email from jsonb_to_recordset($1::jsonb) as r(id uuid, email text) where email is not null returning 1`,
      [json(fresh), organisationId],
    );
    await write(
      `insert into public.memberships (person_id, organisation_id, role)
       select id, $2, role from jsonb_to_recordset($1::jsonb) as r(id uuid, role text) returning 1`,
      [json(fresh), organisationId],
    );
  }

  // Changes to people already there: only the fields that differ.
  const updates = plan.people
    .filter((entry) => entry.personId && entry.changes.some((c) => c.field !== 'email'))
    .map((entry) => {
      const to = (field: string) => entry.changes.find((c) => c.field === field)?.to ?? null;
      personOf.set(entry.account.id, entry.personId as string);
      return {
        id: entry.personId,
        last_name: to('last_name'),
        first_name: to('first_name'),
        middle_name: to('middle_name'),
        google_user_id: to('google_user_id'),
        class_id: classId(to('class_name')),
        returned: entry.changes.some((c) => c.field === 'left_at'),
      };
    });
  for (const entry of plan.people) if (entry.personId) personOf.set(entry.account.id, entry.personId);
  if (updates.length > 0) {
    await write(
      `update public.people p set
         last_name = coalesce(r.last_name, p.last_name), first_name = coalesce(r.first_name, p.first_name),
         middle_name = coalesce(r.middle_name, p.middle_name), google_user_id = coalesce(r.google_user_id, p.google_user_id),
         class_id = coalesce(r.class_id, p.class_id), left_at = case when r.returned then null else p.left_at end
       from jsonb_to_recordset($1::jsonb) as r(id uuid, last_name text, first_name text, middle_name text, google_user_id text, class_id uuid, returned boolean)
       where p.id = r.id and p.organisation_id = $2
       returning 1`,
      [json(updates), organisationId],
    );
  }
  const emails = plan.people
    .filter((entry) => entry.personId && entry.changes.some((c) => c.field === 'email'))
    .map((entry) => ({ id: entry.personId, email: entry.account.email }));
  if (emails.length > 0) {
    await write(
      `insert into public.person_details (person_id, organisation_id, email)
       select id, $2, email from jsonb_to_recordset($1::jsonb) as r(id uuid, email text)
       on conflict (person_id) do update set email = excluded.email where person_details.email is distinct from excluded.email
       returning 1`,
      [json(emails), organisationId],
    );
  }

  // Left: marked, never deleted.
  if (plan.left.length > 0) {
    await write(
      'update public.people set left_at = now() where organisation_id = $2 and id = any($1::uuid[]) and left_at is null returning 1',
      [plan.left.map((entry) => entry.personId), organisationId],
    );
  }

  // Teaching assignments the courses give; those no course gives any more are taken back.
  const assignment = (a: { googleUserId: string; className: string; subject: string }) => ({
    person_id: personOf.get(a.googleUserId) ?? null,
    class_id: classId(a.className),
    subject: a.subject,
  });
  const given = plan.assignments.map(assignment).filter((a) => a.person_id && a.class_id);
  if (given.length > 0) {
    await write(
      `insert into public.teaching_assignments (person_id, class_id, organisation_id, subject)
       select distinct r.person_id, r.class_id, $2::uuid, r.subject from jsonb_to_recordset($1::jsonb) as r(person_id uuid, class_id uuid, subject text)
       where not exists (select 1 from public.teaching_assignments t where t.person_id = r.person_id and t.class_id = r.class_id and t.subject = r.subject)
       on conflict do nothing returning 1`,
      [json(given), organisationId],
    );
  }
  const gone = plan.assignmentsGone.map(assignment).filter((a) => a.person_id && a.class_id);
  if (gone.length > 0) {
    await write(
      `delete from public.teaching_assignments t using jsonb_to_recordset($1::jsonb) as r(person_id uuid, class_id uuid, subject text)
       where t.organisation_id = $2 and t.person_id = r.person_id and t.class_id = r.class_id and t.subject = r.subject returning 1`,
      [json(gone), organisationId],
    );
  }

  // The courses as synced now: only those whose roster (or class) changed.
  const changedCourses = plan.courses
    .filter((course) => course.changed)
    .map((course) => ({
      course_id: course.course.id,
      name: course.course.name,
      section: course.course.section,
      state: course.course.state,
      class_id: classId(course.className),
      roster: rosterOf(course.course),
      roster_hash: course.hash,
    }));
  if (changedCourses.length > 0) {
    await write(
      `insert into public.classroom_courses (organisation_id, course_id, name, section, state, class_id, roster, roster_hash)
       select $2, course_id, name, section, state, class_id, roster, roster_hash
       from jsonb_to_recordset($1::jsonb) as r(course_id text, name text, section text, state text, class_id uuid, roster jsonb, roster_hash text)
       on conflict (organisation_id, course_id) do update set name = excluded.name, section = excluded.section, state = excluded.state,
         class_id = excluded.class_id, roster = excluded.roster, roster_hash = excluded.roster_hash, updated_at = now()
       where classroom_courses.roster_hash is distinct from excluded.roster_hash
       returning 1`,
      [json(changedCourses), organisationId],
    );
  }
  if (plan.coursesGone.length > 0) {
    await write('delete from public.classroom_courses where organisation_id = $2 and course_id = any($1::text[]) returning 1', [
      plan.coursesGone,
      organisationId,
    ]);
  }

  written += await writeQueue(db, organisationId, plan, state, classId);
  return { rows_written: written, classes_created: plan.classesToCreate };
}

const profileOf = ({ last_name, first_name, middle_name, email, courses, classes }: Account) => ({
  last_name,
  first_name,
  middle_name,
  email,
  courses,
  classes,
});

/** The queue as the plan leaves it: uncertain accounts, skipped ones, and standing class choices. */
async function writeQueue(
  db: Queryable,
  organisationId: string,
  plan: SyncPlan,
  state: SchoolState,
  classId: (name: string | null) => string | null,
): Promise<number> {
  const wanted: QueueRow[] = plan.queue.map((entry) => ({
    google_user_id: entry.account.id,
    reason: entry.reason,
    profile: profileOf(entry.account),
    candidates: [...entry.candidates].sort(),
    decision: entry.decision,
    decided_class_id: null,
  }));
  for (const choice of plan.classChoices) {
    const entry = plan.people.find((p) => p.account.id === choice.googleUserId);
    if (!entry) continue;
    wanted.push({
      google_user_id: choice.googleUserId,
      reason: 'classes_disagree',
      profile: profileOf(entry.account),
      candidates: entry.personId ? [entry.personId] : [],
      decision: 'class',
      decided_class_id: classId(choice.className),
    });
  }
  const before = new Map(state.queue.map((row) => [row.google_user_id, row]));
  const key = (row: QueueRow) =>
    canonicalJson([row.reason, row.profile, [...row.candidates].sort(), row.decision ?? null, row.decided_class_id ?? null]);
  const changed = wanted.filter((row) => {
    const old = before.get(row.google_user_id);
    return !old || key(old) !== key(row);
  });
  const keep = new Set(wanted.map((row) => row.google_user_id));
  // An erased person's «leave it out» stays for good.
  const gone = state.queue.filter((row) => !keep.has(row.google_user_id) && row.reason !== 'erased').map((row) => row.google_user_id);
  let written = 0;
  if (changed.length > 0) {
    written += (
      await db.query(
        `insert into public.classroom_sync_queue (organisation_id, google_user_id, reason, profile, candidates, decision, decided_class_id)
         select $2, google_user_id, reason, profile, candidates, decision, decided_class_id
         from jsonb_to_recordset($1::jsonb) as r(google_user_id text, reason text, profile jsonb, candidates uuid[], decision text, decided_class_id uuid)
         on conflict (organisation_id, google_user_id) do update set reason = excluded.reason, profile = excluded.profile,
           candidates = excluded.candidates, decision = excluded.decision, decided_class_id = excluded.decided_class_id
         returning 1`,
        [JSON.stringify(changed), organisationId],
      )
    ).rows.length;
  }
  if (gone.length > 0) {
    written += (
      await db.query(
        'delete from public.classroom_sync_queue where organisation_id = $2 and google_user_id = any($1::text[]) returning 1',
        [gone, organisationId],
      )
    ).rows.length;
  }
  return written;
}
