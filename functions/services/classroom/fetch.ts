// What Classroom says the school is: its courses (active, and archived on request) with their
// teachers and students, every page of each list. The courses' rosters are fetched side by side,
// as many at once as the client allows; a failure keeps what was fetched, so a run resumes from it.
import type { classroom_v1 } from '@googleapis/classroom';
import type { ClassroomApi, Page } from './client.ts';

/** A Classroom account as a roster lists it (Classroom has no patronymic; `email` needs classroom.profile.emails). */
export interface ClassroomUser {
  id: string;
  family: string;
  given: string;
  email: string | null;
}

export interface CourseRoster {
  id: string;
  name: string;
  section: string | null;
  state: string;
  teachers: ClassroomUser[];
  students: ClassroomUser[];
}

export interface FetchOptions {
  includeArchived: boolean;
  /** Courses already fetched by a run that failed: not asked again. */
  done?: readonly CourseRoster[];
  /** Only these courses (a push for one course); all of them otherwise. */
  only?: readonly string[];
  onCourses?: (total: number) => void | Promise<void>;
  onCourse?: (done: number, total: number) => void | Promise<void>;
}

/** The courses fetched before the failure, and the failure. */
export class FetchFailed extends Error {
  readonly failure: unknown;
  readonly done: CourseRoster[];
  constructor(failure: unknown, done: CourseRoster[]) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = 'FetchFailed';
    this.failure = failure;
    this.done = done;
  }
}

async function everyPage<T>(fetchPage: (token: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let token: string | null = null;
  do {
    const page: Page<T> = await fetchPage(token);
    items.push(...page.items);
    token = page.nextPageToken;
  } while (token);
  return items;
}

function user(member: { userId?: string | null; profile?: classroom_v1.Schema$UserProfile }): ClassroomUser | null {
  const id = member.profile?.id ?? member.userId;
  if (!id) return null;
  const name = member.profile?.name;
  return {
    id,
    family: (name?.familyName ?? '').trim(),
    given: (name?.givenName ?? (name?.familyName ? '' : (name?.fullName ?? ''))).trim(),
    email: member.profile?.emailAddress?.trim().toLowerCase() || null,
  };
}

const present = <T>(value: T | null): value is T => value !== null;

export async function fetchCourseRoster(api: ClassroomApi, course: classroom_v1.Schema$Course): Promise<CourseRoster> {
  const id = course.id as string;
  const [teachers, students] = await Promise.all([
    everyPage((token) => api.teachers(id, token)),
    everyPage((token) => api.students(id, token)),
  ]);
  return {
    id,
    name: course.name ?? '',
    section: course.section?.trim() || null,
    state: course.courseState ?? 'ACTIVE',
    teachers: teachers.map(user).filter(present),
    students: students.map(user).filter(present),
  };
}

export async function fetchCourses(api: ClassroomApi, options: FetchOptions): Promise<CourseRoster[]> {
  const done = new Map((options.done ?? []).map((course) => [course.id, course]));
  const fetched: CourseRoster[] = [...done.values()];
  let total: number | null = null;
  try {
    const states = options.includeArchived ? ['ACTIVE', 'ARCHIVED'] : ['ACTIVE'];
    // A push names its courses: each asked for by id (one call), not found in the whole list.
    const courses = options.only
      ? (await Promise.all(options.only.map((id) => api.course(id)))).filter(
          (course): course is classroom_v1.Schema$Course => course !== null && states.includes(course.courseState ?? 'ACTIVE'),
        )
      : await everyPage((token) => api.courses(states, token));
    total = courses.length;
    await options.onCourses?.(total);
    const wanted = new Set(courses.map((course) => course.id));
    // A course the failed run fetched that is gone now is not kept.
    for (let i = fetched.length - 1; i >= 0; i--) if (!wanted.has(fetched[i]?.id)) fetched.splice(i, 1);
    await options.onCourse?.(fetched.length, total);
    const pending = courses.filter((course) => course.id && !done.has(course.id));
    // Each course as soon as the client has room: the limiter bounds how many calls are in flight.
    // Every course is waited for, so that a failure keeps all the others for the resumed run.
    const settled = await Promise.allSettled(
      pending.map(async (course) => {
        fetched.push(await fetchCourseRoster(api, course));
        await options.onCourse?.(fetched.length, total as number);
      }),
    );
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    throw new FetchFailed(error, fetched);
  }
  return fetched.sort((a, b) => a.id.localeCompare(b.id));
}
