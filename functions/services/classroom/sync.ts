// One Classroom sync, start to finish, recorded as a run: fetch the courses (live progress «course n
// of N» in the run's row, each step its own short transaction so that others see it), reconcile
// them with the school, and either answer the preview (kept in the run, to be applied exactly as
// shown) or apply it. A failed fetch keeps the courses it got; the next run resumes from them.
import type { ClassroomRun, ClassroomSyncPreview } from '../../../shared/api/classroom.ts';
import type { Queryable } from '../../db/database.ts';
import type { ClassroomApi } from './client.ts';
import { ClassroomError } from './client.ts';
import { type CourseRoster, FetchFailed, fetchCourses } from './fetch.ts';
import { countsOf, type Resolution, reconcile, type SchoolPerson, type SyncPlan } from './reconcile.ts';
import { applyPlan, loadSchool, type SchoolState } from './store.ts';

/** Runs `work` in one transaction: as the curator (RLS decides) or as the service (scheduled and push jobs). */
export type Transact = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

export interface SyncRequest {
  organisationId: string;
  transact: Transact;
  source: 'curator' | 'schedule' | 'push' | 'cli';
  /** The Classroom client; not needed to apply a previewed run. */
  api?: ClassroomApi;
  dryRun: boolean;
  includeArchived: boolean;
  /** Apply the run previewed before (its courses as they were shown), without asking Google again. */
  runId?: string;
  resolutions?: readonly Resolution[];
  /** The curator confirmed marking more than 10% of the school as left. */
  confirmLeft?: boolean;
  /** A push: fetch only these courses, the others stand as last synced. */
  onlyCourses?: readonly string[];
  /** Resume the last failed run (its courses are not fetched again); on by default. */
  resume?: boolean;
  /** Course n of N as the fetch goes (the run's row says it too, for other readers). */
  onProgress?: (done: number, total: number) => void;
}

/** The sync stopped: the run says why (status failed), Google's refusal is in `cause`. */
export class SyncFailed extends Error {
  readonly runId: string;
  readonly failure: unknown;
  constructor(runId: string, failure: unknown) {
    const { status, message } = errorOf(failure);
    super(`${status}: ${message}`);
    this.name = 'SyncFailed';
    this.runId = runId;
    this.failure = failure;
  }
}

/** A run to apply that is not this school's, or not a preview. */
export class RunNotFound extends Error {}

interface Snapshot {
  courses: CourseRoster[];
}

const runColumns = `id, source, dry_run, include_archived, status, started_at::text, finished_at::text, courses_total, courses_done, calls, counts, errors`;

export async function readRun(db: Queryable, organisationId: string, runId: string): Promise<ClassroomRun | null> {
  const { rows } = await db.query<ClassroomRun>(
    `select ${runColumns} from public.classroom_sync_runs where id = $1 and organisation_id = $2`,
    [runId, organisationId],
  );
  return rows[0] ?? null;
}

export async function listRuns(db: Queryable, organisationId: string, limit: number): Promise<ClassroomRun[]> {
  const { rows } = await db.query<ClassroomRun>(
    `select ${runColumns} from public.classroom_sync_runs where organisation_id = $1 order by started_at desc, id limit $2`,
    [organisationId, limit],
  );
  return rows;
}

function errorOf(error: unknown) {
  if (error instanceof ClassroomError) return { status: error.status, message: error.message };
  return { status: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export async function runSync(request: SyncRequest): Promise<ClassroomSyncPreview> {
  const { organisationId, transact } = request;
  let runId: string;
  let courses: CourseRoster[];
  let calls = 0;

  if (request.runId) {
    const previewed = await transact((db) =>
      db.query<{ snapshot: Snapshot | null; calls: number }>(
        `select snapshot, calls from public.classroom_sync_runs
         where id = $1 and organisation_id = $2 and status in ('previewed', 'needs_confirmation') and snapshot is not null`,
        [request.runId, organisationId],
      ),
    );
    const row = previewed.rows[0];
    if (!row?.snapshot) throw new RunNotFound(request.runId);
    runId = request.runId;
    courses = row.snapshot.courses;
    calls = row.calls;
  } else {
    const api = request.api;
    if (!api) throw new Error('a Classroom client is needed to fetch the courses');
    const started = await transact(async (db) => {
      // The last run that failed (for the same courses), if it is the latest: resumed, not repeated.
      const failed =
        request.resume === false || request.onlyCourses
          ? []
          : (
              await db.query<{ id: string; snapshot: Snapshot | null; status: string }>(
                `select id, snapshot, status from public.classroom_sync_runs
                 where organisation_id = $1 and include_archived = $2 and source <> 'push' order by started_at desc limit 1`,
                [organisationId, request.includeArchived],
              )
            ).rows.filter((run) => run.status === 'failed' && run.snapshot);
      const { rows } = await db.query<{ id: string }>(
        `insert into public.classroom_sync_runs (organisation_id, started_by, source, dry_run, include_archived, resumed_from)
         values ($1, (select id from public.people where organisation_id = $1 and auth_user_id = (select auth.uid()) limit 1), $2, $3, $4, $5)
         returning id`,
        [organisationId, request.source, request.dryRun, request.includeArchived, failed[0]?.id ?? null],
      );
      return { id: (rows[0] as { id: string }).id, done: failed[0]?.snapshot?.courses ?? [] };
    });
    runId = started.id;
    const progress = progressWriter(transact, runId, api, request.onProgress);
    try {
      const stored = request.onlyCourses ? (await transact((db) => loadSchool(db, organisationId))).stored : [];
      const fetched = await fetchCourses(api, {
        includeArchived: request.includeArchived,
        done: started.done,
        ...(request.onlyCourses ? { only: request.onlyCourses } : {}),
        onCourses: (total) => progress(0, total, true),
        onCourse: (done, total) => progress(done, total, done === total),
      });
      // A push: the course as it is now, the others as last synced.
      const fresh = new Set(fetched.map((course) => course.id));
      const gone = new Set(request.onlyCourses?.filter((id) => !fresh.has(id)));
      courses = [...fetched, ...stored.filter((s) => !fresh.has(s.courseId) && !gone.has(s.courseId)).map((s) => s.course)];
    } catch (error) {
      const failure = error instanceof FetchFailed ? error : new FetchFailed(error, []);
      await transact((db) =>
        db.query(
          `update public.classroom_sync_runs set status = 'failed', finished_at = now(), calls = $2, errors = $3::jsonb,
             snapshot = $4::jsonb, courses_done = $5 where id = $1`,
          [runId, api.calls, JSON.stringify([errorOf(failure.failure)]), JSON.stringify({ courses: failure.done }), failure.done.length],
        ),
      );
      throw new SyncFailed(runId, failure.failure);
    }
    calls = api.calls;
  }

  return transact(async (db) => {
    const state = await loadSchool(db, organisationId);
    const plan = reconcile({
      courses,
      people: state.people,
      classes: [...state.classes.keys()],
      stored: state.stored,
      decisions: state.decisions,
      resolutions: request.resolutions ?? [],
    });
    const counts = countsOf(plan);
    const stop = plan.leftGuard.exceeded && !request.confirmLeft;
    const apply = !request.dryRun && !stop;
    const result = apply ? await applyPlan(db, organisationId, plan, state) : null;
    const status = apply ? 'applied' : stop && !request.dryRun ? 'needs_confirmation' : 'previewed';
    const { rows } = await db.query<ClassroomRun>(
      `update public.classroom_sync_runs set status = $2, finished_at = now(), calls = $3, counts = $4::jsonb,
         dry_run = $5, snapshot = $6::jsonb, courses_total = $7, courses_done = $7
       where id = $1 returning ${runColumns}`,
      [
        runId,
        status,
        calls,
        JSON.stringify({ ...counts, ...(result ? { rows_written: result.rows_written } : {}) }),
        request.dryRun,
        // The courses stay with a preview (applied from it) and go once applied.
        apply ? null : JSON.stringify({ courses: plan.courses.map((course) => course.course) }),
        courses.length,
      ],
    );
    return previewOf(rows[0] as ClassroomRun, plan, state, counts, result, Boolean(request.confirmLeft));
  });
}

/** Progress in the run's row, at most every quarter second (and always the first and the last). */
function progressWriter(transact: Transact, runId: string, api: ClassroomApi, onProgress?: (done: number, total: number) => void) {
  let last = 0;
  return async (done: number, total: number, force: boolean) => {
    onProgress?.(done, total);
    const now = Date.now();
    if (!force && now - last < 250) return;
    last = now;
    await transact((db) =>
      db.query('update public.classroom_sync_runs set courses_done = $2, courses_total = $3, calls = $4 where id = $1', [
        runId,
        done,
        total,
        api.calls,
      ]),
    );
  };
}

function previewOf(
  run: ClassroomRun,
  plan: SyncPlan,
  state: SchoolState,
  counts: ReturnType<typeof countsOf>,
  result: { rows_written: number; classes_created: string[] } | null,
  confirmed: boolean,
): ClassroomSyncPreview {
  const people = new Map(state.people.map((person) => [person.id, person]));
  const brief = (person: SchoolPerson) => ({
    person_id: person.id,
    last_name: person.last_name,
    first_name: person.first_name,
    middle_name: person.middle_name,
    class_name: person.className,
  });
  const entries = (status: string) =>
    plan.people
      .filter((entry) => entry.status === status)
      .map((entry) => ({
        google_user_id: entry.account.id,
        person_id: entry.personId,
        kind: entry.account.kind,
        last_name: entry.account.last_name,
        first_name: entry.account.first_name,
        middle_name: entry.account.middle_name,
        email: entry.account.email,
        class_name: entry.className,
        matched_by: entry.matchedBy,
        changes: entry.changes,
      }));
  return {
    run,
    counts,
    courses: plan.courses.map((course) => ({
      course_id: course.course.id,
      name: course.course.name,
      section: course.course.section,
      state: course.course.state,
      class_name: course.className,
      teachers: course.course.teachers.length,
      students: course.course.students.length,
      changed: course.changed,
    })),
    new: entries('new'),
    changed: entries('changed'),
    moved: entries('moved'),
    left: plan.left.map((entry) => brief(entry.person)),
    ambiguous: plan.queue.map((entry) => ({
      google_user_id: entry.account.id,
      reason: entry.reason,
      last_name: entry.account.last_name,
      first_name: entry.account.first_name,
      middle_name: entry.account.middle_name,
      email: entry.account.email,
      courses: entry.account.courses,
      class_names: entry.account.classes,
      candidates: entry.candidates.flatMap((id) => {
        const person = people.get(id);
        return person ? [brief(person)] : [];
      }),
      decision: entry.decision,
    })),
    classes_to_create: plan.classesToCreate,
    left_guard: { ...plan.leftGuard, confirmed },
    result,
  };
}
