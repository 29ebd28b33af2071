// What a sync would do to the school's people, from the courses Classroom lists (pure: no database,
// no HTTP). Each Classroom account is matched by its user id first (a person synced before), then
// by e-mail, then by name and class — the roster import's planner (roster-import/plan.ts), which
// reads Latin spellings and names without a patronymic. Anything uncertain goes to the curator's
// queue: several namesakes, a person already linked to another account, two accounts for one
// person, a pupil whose courses name different classes. Nothing is merged or created on a guess.
import { createHash } from 'node:crypto';
import { fullName, isNameOf, normalizeNamePart, type PersonName, splitFamilyAndGiven } from '../../../shared/names.ts';
import { type ExistingPerson, planRosterImport, type RosterPlan } from '../roster-import/plan.ts';
import type { RosterRow } from '../roster-import/types.ts';
import { classKey, courseClass, courseSubject } from './courses.ts';
import type { ClassroomUser, CourseRoster } from './fetch.ts';

/** A person of the school as the sync compares them: as the roster import does, and their Classroom link. */
export interface SchoolPerson extends ExistingPerson {
  kind: 'student' | 'staff' | 'external';
  googleUserId: string | null;
  leftAt: string | null;
}

export interface StoredCourse {
  courseId: string;
  rosterHash: string;
  className: string | null;
  subject: string;
  teacherIds: string[];
}

export type QueueReason =
  | 'namesakes'
  | 'other_class'
  | 'shared_email'
  | 'other_account'
  | 'same_person'
  | 'classes_disagree'
  | 'incomplete_name'
  /** The person was erased on request: the account is left out of every sync (and of what is stored). */
  | 'erased';

export type Resolution =
  | { google_user_id: string; action: 'new' | 'skip' }
  | { google_user_id: string; action: 'person'; person_id: string }
  | { google_user_id: string; action: 'class'; class_name: string };

/** The curator's standing answers, kept in the queue between runs. */
export interface StandingDecision {
  googleUserId: string;
  decision: 'skip' | 'class';
  className: string | null;
  erased: boolean;
}

export type Field = 'last_name' | 'first_name' | 'middle_name' | 'email' | 'google_user_id' | 'class_name' | 'left_at';
export interface FieldChange {
  field: Field;
  from: string | null;
  to: string | null;
}

/** One Classroom account: who it is in Classroom, and where it teaches and studies. */
export interface Account {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  email: string | null;
  kind: 'student' | 'staff';
  /** Courses it is in (names), for the curator's eyes. */
  courses: string[];
  /** The classes its student courses name (pupils only). */
  classes: string[];
}

export interface PersonEntry {
  account: Account;
  status: 'new' | 'changed' | 'moved' | 'unchanged';
  /** null for a new person. */
  personId: string | null;
  matchedBy: 'user_id' | 'email' | 'name' | 'curator' | null;
  /** The class they will be in (null: none, or unchanged for lack of a class in their courses). */
  className: string | null;
  changes: FieldChange[];
}

export interface QueueEntry {
  account: Account;
  reason: QueueReason;
  candidates: string[];
  decision: 'skip' | null;
}

export interface LeftEntry {
  personId: string;
  person: SchoolPerson;
}

export interface CoursePlan {
  course: CourseRoster;
  className: string | null;
  subject: string;
  hash: string;
  changed: boolean;
}

export interface Assignment {
  googleUserId: string;
  className: string;
  subject: string;
}

export interface SyncPlan {
  courses: CoursePlan[];
  people: PersonEntry[];
  queue: QueueEntry[];
  left: LeftEntry[];
  /** Classes the courses name that the school does not have yet. */
  classesToCreate: string[];
  /** Teaching assignments the courses give (teachers who are in the plan, not in the queue). */
  assignments: Assignment[];
  /** Assignments earlier runs gave that no course gives any more. */
  assignmentsGone: Assignment[];
  /** Courses stored by earlier runs that Classroom no longer lists. */
  coursesGone: string[];
  /** Pupils whose courses disagree on the class, placed in the class the curator chose (kept as a standing answer). */
  classChoices: { googleUserId: string; className: string }[];
  leftGuard: { left: number; school: number; exceeded: boolean };
}

export interface ReconcileInput {
  courses: readonly CourseRoster[];
  people: readonly SchoolPerson[];
  classes: readonly string[];
  stored: readonly StoredCourse[];
  decisions: readonly StandingDecision[];
  resolutions: readonly Resolution[];
}

/** More than this share of the school marked as left stops the run until the curator confirms. */
export const leftThreshold = 0.1;

/** Classroom's given name may hold «Имя Отчество»; a family name alone may hold the whole ФИО. */
export function splitClassroomName(user: ClassroomUser): { last_name: string; first_name: string; middle_name: string | null } {
  return splitFamilyAndGiven(user.family, user.given);
}

export function sameName(a: PersonName, b: PersonName): boolean {
  return isNameOf(fullName(a), b) || isNameOf(fullName(b), a);
}

const samePart = (a: string | null | undefined, b: string | null | undefined) => normalizeNamePart(a ?? '') === normalizeNamePart(b ?? '');

function hashCourse(course: CourseRoster, className: string | null): string {
  const members = [
    ...course.teachers.map((u) => ['t', u.id, u.family, u.given, u.email ?? '']),
    ...course.students.map((u) => ['s', u.id, u.family, u.given, u.email ?? '']),
  ].sort((a, b) => (a.join('\u0001') < b.join('\u0001') ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify([course.name, course.section, course.state, className, members]))
    .digest('base64url');
}

/** Every account once, with the courses it teaches and studies in. */
function accountsOf(courses: readonly CoursePlan[]): Map<string, Account & { taught: string[] }> {
  const accounts = new Map<string, Account & { taught: string[] }>();
  const add = (user: ClassroomUser, plan: CoursePlan, role: 'teacher' | 'student') => {
    let account = accounts.get(user.id);
    if (!account) {
      const name = splitClassroomName(user);
      account = { id: user.id, ...name, email: user.email, kind: 'student', courses: [], classes: [], taught: [] };
      accounts.set(user.id, account);
    }
    account.email ??= user.email;
    if (!account.courses.includes(plan.course.name)) account.courses.push(plan.course.name);
    if (role === 'teacher') {
      account.kind = 'staff';
      account.taught.push(plan.course.id);
    } else if (plan.className && !account.classes.includes(plan.className)) account.classes.push(plan.className);
  };
  for (const plan of courses) {
    for (const teacher of plan.course.teachers) add(teacher, plan, 'teacher');
    for (const student of plan.course.students) add(student, plan, 'student');
  }
  // A teacher who also studies (a staff course, a methodologists' course) is staff, in no class.
  for (const account of accounts.values()) if (account.kind === 'staff') account.classes = [];
  return accounts;
}

function row(account: Account, line: number, className: string | null): RosterRow {
  return {
    line,
    last_name: account.last_name,
    first_name: account.first_name,
    middle_name: account.middle_name,
    className,
    email: account.email,
    phone: null,
    birthYear: null,
    birthDate: null,
    sex: null,
    login: null,
    initialsOnly: false,
    issues: [],
  };
}

export function reconcile(input: ReconcileInput): SyncPlan {
  const storedById = new Map(input.stored.map((course) => [course.courseId, course]));
  // Accounts of people erased on request are not read, compared or stored again.
  const erased = new Set(input.decisions.filter((d) => d.erased).map((d) => d.googleUserId));
  const kept = (users: ClassroomUser[]) => (erased.size === 0 ? users : users.filter((u) => !erased.has(u.id)));
  const courses: CoursePlan[] = input.courses.map((given) => {
    const course = { ...given, teachers: kept(given.teachers), students: kept(given.students) };
    const className = courseClass(course);
    const hash = hashCourse(course, className);
    return { course, className, subject: courseSubject(course), hash, changed: storedById.get(course.id)?.rosterHash !== hash };
  });
  const accounts = accountsOf(courses);
  const people = input.people;
  const byId = new Map(people.map((person) => [person.id, person]));
  const byGoogleId = new Map(people.filter((p) => p.googleUserId).map((p) => [p.googleUserId as string, p]));
  const requested = new Map(input.resolutions.map((r) => [r.google_user_id, r]));
  const standing = new Map(input.decisions.map((d) => [d.googleUserId, d]));

  const plan: SyncPlan = {
    courses,
    people: [],
    queue: [],
    left: [],
    classesToCreate: [],
    assignments: [],
    assignmentsGone: [],
    coursesGone: [],
    classChoices: [],
    leftGuard: { left: 0, school: 0, exceeded: false },
  };
  const queue = (account: Account, reason: QueueReason, candidates: string[]) => {
    const answer = requested.get(account.id);
    const skipped = answer ? answer.action === 'skip' : standing.get(account.id)?.decision === 'skip';
    plan.queue.push({ account, reason, candidates, decision: skipped ? 'skip' : null });
  };

  /** A pupil's class: the one their courses agree on, or the curator's choice among them. */
  const classOf = (account: Account): { ok: true; className: string | null } | { ok: false } => {
    if (account.kind === 'staff' || account.classes.length === 0) return { ok: true, className: null };
    if (account.classes.length === 1) return { ok: true, className: account.classes[0] ?? null };
    const answer = requested.get(account.id);
    const chosen = answer?.action === 'class' ? classKey(answer.class_name) : standing.get(account.id)?.className;
    if (!chosen || !account.classes.includes(chosen)) return { ok: false };
    if (!plan.classChoices.some((choice) => choice.googleUserId === account.id))
      plan.classChoices.push({ googleUserId: account.id, className: chosen });
    return { ok: true, className: chosen };
  };

  const matched = (account: Account, person: SchoolPerson, matchedBy: PersonEntry['matchedBy'], className: string | null) => {
    const changes: FieldChange[] = [];
    const change = (field: Field, from: string | null, to: string | null) => changes.push({ field, from, to });
    if (!sameName(account, person)) {
      if (!samePart(account.last_name, person.last_name)) change('last_name', person.last_name, account.last_name);
      if (!samePart(account.first_name, person.first_name)) change('first_name', person.first_name, account.first_name);
    }
    if (account.middle_name && !samePart(account.middle_name, person.middle_name))
      change('middle_name', person.middle_name, account.middle_name);
    if (account.email && account.email !== person.email?.toLowerCase()) change('email', person.email, account.email);
    if (person.googleUserId !== account.id) change('google_user_id', person.googleUserId, account.id);
    if (person.leftAt) change('left_at', person.leftAt, null);
    const moved = className !== null && (person.className === null || classKey(person.className) !== className);
    if (moved) change('class_name', person.className, className);
    const status = moved ? 'moved' : changes.length > 0 ? 'changed' : 'unchanged';
    plan.people.push({ account, status, personId: person.id, matchedBy, className: moved ? className : person.className, changes });
  };
  const created = (account: Account, className: string | null) =>
    plan.people.push({ account, status: 'new', personId: null, matchedBy: null, className, changes: [] });

  // 1. Accounts synced before: their user id. 2. The rest through the roster import's planner,
  // pupils among pupils and staff among staff (a teacher is no pupil's namesake).
  const pending: { account: Account; className: string | null }[] = [];
  for (const account of accounts.values()) {
    const klass = classOf(account);
    const linked = byGoogleId.get(account.id);
    if (!klass.ok) {
      queue(account, 'classes_disagree', linked ? [linked.id] : []);
      continue;
    }
    if (linked) matched(account, linked, 'user_id', klass.className);
    else if (!account.last_name || !account.first_name) queue(account, 'incomplete_name', []);
    else pending.push({ account, className: klass.className });
  }

  const claimed = new Set(plan.people.map((entry) => entry.personId));
  const pool = people.filter((person) => !claimed.has(person.id));
  for (const kind of ['student', 'staff'] as const) {
    const group = pending.filter((p) => p.account.kind === kind);
    const rows = group.map((p, i) => row(p.account, i + 1, p.className));
    const existing = pool
      .filter((person) => (kind === 'student' ? person.kind === 'student' : person.kind !== 'student'))
      .map(({ id, last_name, first_name, middle_name, className, email }) => ({
        id,
        last_name,
        first_name,
        middle_name,
        className,
        email,
      }));
    const rosterPlan: RosterPlan = planRosterImport(rows, existing);
    const at = (line: number) => group[line - 1] as { account: Account; className: string | null };
    for (const known of rosterPlan.known) {
      const { account, className } = at(known.row.line);
      const person = byId.get(known.personId) as SchoolPerson;
      if (person.googleUserId && person.googleUserId !== account.id) queue(account, 'other_account', [person.id]);
      else matched(account, person, known.matchedBy, className);
    }
    for (const ambiguous of rosterPlan.ambiguous) queue(at(ambiguous.row.line).account, ambiguous.reason, ambiguous.candidates);
    for (const invalid of rosterPlan.invalid) {
      // The only way a row of ours is invalid: a second account for a person another account already has.
      const { account } = at(invalid.row.line);
      const same = existing.filter((person) => sameName(account, person)).map((person) => person.id);
      queue(account, 'same_person', same);
    }
    for (const fresh of rosterPlan.new) {
      const { account, className } = at(fresh.line);
      created(account, className);
    }
  }

  // The curator's answers to the queue: this person, a new person, or leave it out.
  const taken = new Set(plan.people.map((entry) => entry.personId).filter(Boolean));
  plan.queue = plan.queue.filter((entry) => {
    const answer = requested.get(entry.account.id);
    const klass = classOf(entry.account);
    if (!answer || !klass.ok) return true;
    if (answer.action === 'new' && entry.account.last_name && entry.account.first_name) {
      created(entry.account, klass.className);
      return false;
    }
    if (answer.action === 'person') {
      const person = byId.get(answer.person_id);
      if (!person || !entry.candidates.includes(person.id) || taken.has(person.id)) throw new UnknownCandidate(entry.account.id);
      taken.add(person.id);
      matched(entry.account, person, 'curator', klass.className);
      return false;
    }
    return true;
  });

  // Who is no longer in any course: marked as left (never deleted), and a guard on how many.
  // (A person the curator re-linked from an old account to a new one is matched, not left.)
  const present = new Set(accounts.keys());
  const matchedPeople = new Set(plan.people.map((entry) => entry.personId));
  for (const person of people) {
    if (person.googleUserId && !person.leftAt && !present.has(person.googleUserId) && !matchedPeople.has(person.id)) {
      plan.left.push({ personId: person.id, person });
    }
  }
  const school = people.filter((person) => !person.leftAt).length;
  plan.leftGuard = { left: plan.left.length, school, exceeded: plan.left.length > leftThreshold * Math.max(school, 1) };

  // Classes, teaching assignments and courses.
  const known = new Set(input.classes.map(classKey));
  const needed = new Set<string>();
  for (const entry of plan.people) if (entry.className && !known.has(classKey(entry.className))) needed.add(entry.className);
  const inPlan = new Set(plan.people.map((entry) => entry.account.id));
  const assignmentKey = (a: Assignment) => `${a.googleUserId}\u0001${a.className}\u0001${a.subject}`;
  const given = new Map<string, Assignment>();
  for (const course of courses) {
    if (!course.className) continue;
    for (const teacher of course.course.teachers) {
      if (!inPlan.has(teacher.id)) continue;
      if (!known.has(course.className)) needed.add(course.className);
      const assignment = { googleUserId: teacher.id, className: course.className, subject: course.subject };
      given.set(assignmentKey(assignment), assignment);
    }
  }
  plan.classesToCreate = [...needed].sort();
  plan.assignments = [...given.values()];
  const listed = new Set(courses.map((course) => course.course.id));
  for (const stored of input.stored) {
    if (!listed.has(stored.courseId)) plan.coursesGone.push(stored.courseId);
    if (!stored.className) continue;
    for (const teacherId of stored.teacherIds) {
      const before = { googleUserId: teacherId, className: stored.className, subject: stored.subject };
      if (!given.has(assignmentKey(before))) plan.assignmentsGone.push(before);
    }
  }
  return plan;
}

/** A resolution named a person who is not among the account's candidates (or is taken by another account). */
export class UnknownCandidate extends Error {
  readonly googleUserId: string;
  constructor(googleUserId: string) {
    super(`not a candidate for ${googleUserId}`);
    this.name = 'UnknownCandidate';
    this.googleUserId = googleUserId;
  }
}

export interface SyncCounts {
  courses: number;
  new: number;
  changed: number;
  unchanged: number;
  moved: number;
  left: number;
  ambiguous: number;
}

export function countsOf(plan: SyncPlan): SyncCounts {
  const status = (s: PersonEntry['status']) => plan.people.filter((entry) => entry.status === s).length;
  return {
    courses: plan.courses.length,
    new: status('new'),
    changed: status('changed'),
    unchanged: status('unchanged'),
    moved: status('moved'),
    left: plan.left.length,
    ambiguous: plan.queue.filter((entry) => entry.decision === null).length,
  };
}
