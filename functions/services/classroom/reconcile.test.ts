import { describe, expect, it } from 'vitest';
import { courseClass, courseSubject } from './courses.ts';
import type { ClassroomUser, CourseRoster } from './fetch.ts';
import { countsOf, type ReconcileInput, reconcile, type SchoolPerson, splitClassroomName, UnknownCandidate } from './reconcile.ts';

const user = (id: string, family: string, given: string, email: string | null = null): ClassroomUser => ({ id, family, given, email });
const course = (id: string, name: string, section: string | null, teachers: ClassroomUser[], students: ClassroomUser[]): CourseRoster => ({
  id,
  name,
  section,
  state: 'ACTIVE',
  teachers,
  students,
});
const person = (
  id: string,
  last_name: string,
  first_name: string,
  className: string | null,
  extra: Partial<SchoolPerson> = {},
): SchoolPerson => ({
  id,
  last_name,
  first_name,
  middle_name: null,
  className,
  email: null,
  kind: className ? 'student' : 'staff',
  googleUserId: null,
  leftAt: null,
  ...extra,
});
const input = (courses: CourseRoster[], people: SchoolPerson[], extra: Partial<ReconcileInput> = {}): ReconcileInput => ({
  courses,
  people,
  classes: ['7А', '8Б'],
  stored: [],
  decisions: [],
  resolutions: [],
  ...extra,
});

describe('a course’s class and subject', () => {
  it('reads the class from the section or the name, as schools write it', () => {
    const cases: [string, string | null, string | null][] = [
      ['Алгебра', '7А', '7А'],
      ['Алгебра', '7 А', '7А'],
      ['Алгебра', '7а класс', '7А'],
      ['Алгебра 7А', null, '7А'],
      ['7-Б. Физика', null, '7Б'],
      ['Physics 7A', null, '7А'],
      ['Английский 7А/7Б', null, null],
      ['Педсовет', null, null],
      ['Информатика 2026', 'Группа 2', null],
    ];
    for (const [name, section, expected] of cases) expect(courseClass({ name, section }), `${name} / ${section}`).toBe(expected);
  });

  it('takes the class out of the subject; a homeroom course has none', () => {
    expect(courseSubject({ name: 'Алгебра 7А', section: null })).toBe('Алгебра');
    expect(courseSubject({ name: '7-Б. Физика', section: null })).toBe('Физика');
    expect(courseSubject({ name: '8б класс', section: null })).toBe('');
  });
});

describe('Classroom names', () => {
  it('finds a patronymic in the given name, and a whole ФИО in the family name', () => {
    expect(splitClassroomName(user('1', 'Мартынов', 'Глеб Николаевич'))).toEqual({
      last_name: 'Мартынов',
      first_name: 'Глеб',
      middle_name: 'Николаевич',
    });
    expect(splitClassroomName(user('2', 'Ким', 'Анна Мария'))).toEqual({ last_name: 'Ким', first_name: 'Анна Мария', middle_name: null });
    expect(splitClassroomName(user('3', 'Иванов Иван Петрович', ''))).toEqual({
      last_name: 'Иванов',
      first_name: 'Иван',
      middle_name: 'Петрович',
    });
  });
});

describe('reconcile', () => {
  const teacher = user('t', 'Данилова', 'Елизавета', 'd@school');

  it('matches by user id, then e-mail, then name and class (Latin spellings too); nothing else is guessed', () => {
    const plan = reconcile(
      input(
        [
          course(
            'c1',
            'Алгебра',
            '7А',
            [teacher],
            [user('a', 'Karpova', 'Mariya'), user('b', 'Сорокин', 'Антон', 's@school'), user('c', 'Linked', 'Person')],
          ),
        ],
        [
          person('p-karpova', 'Карпова', 'Мария', '7А'),
          person('p-sorokin', 'Сорокин', 'Антон', '7А', { email: 's@school' }),
          person('p-linked', 'Связанов', 'Пётр', '7А', { googleUserId: 'c' }),
          person('p-teacher', 'Данилова', 'Елизавета', null, { email: 'd@school' }),
        ],
      ),
    );
    const by = Object.fromEntries(plan.people.map((e) => [e.account.id, [e.personId, e.matchedBy]]));
    expect(by).toEqual({
      t: ['p-teacher', 'email'],
      a: ['p-karpova', 'name'],
      b: ['p-sorokin', 'email'],
      c: ['p-linked', 'user_id'],
    });
    // The Latin spelling is the same name: linking is the only change.
    expect(plan.people.find((e) => e.account.id === 'a')?.changes).toEqual([{ field: 'google_user_id', from: null, to: 'a' }]);
    // A different name under a known account is shown as a change.
    expect(plan.people.find((e) => e.account.id === 'c')?.changes).toEqual([
      { field: 'last_name', from: 'Связанов', to: 'Linked' },
      { field: 'first_name', from: 'Пётр', to: 'Person' },
    ]);
  });

  it('queues namesakes, a person linked to another account and a pupil whose courses disagree', () => {
    const plan = reconcile(
      input(
        [
          course(
            'c1',
            'Алгебра',
            '7А',
            [teacher],
            [user('n', 'Иванов', 'Иван'), user('o', 'Петров', 'Пётр'), user('d', 'Двоеклассов', 'Дима')],
          ),
          course('c2', 'Физика', '8Б', [teacher], [user('d', 'Двоеклассов', 'Дима')]),
        ],
        [
          person('i1', 'Иванов', 'Иван', '7А'),
          person('i2', 'Иванов', 'Иван', '7А'),
          person('p1', 'Петров', 'Пётр', '7А', { googleUserId: 'someone-else' }),
          person('t1', 'Данилова', 'Елизавета', null),
        ],
      ),
    );
    expect(plan.queue.map((q) => [q.account.id, q.reason, q.candidates.sort()])).toEqual([
      ['d', 'classes_disagree', []],
      ['o', 'other_account', ['p1']],
      ['n', 'namesakes', ['i1', 'i2']],
    ]);
    expect(plan.people.filter((e) => e.status === 'new')).toEqual([]);
    // The curator's answers: the class, the person, a new person.
    const answered = reconcile(
      input(
        plan.courses.map((c) => c.course),
        [person('i1', 'Иванов', 'Иван', '7А'), person('i2', 'Иванов', 'Иван', '7А'), person('t1', 'Данилова', 'Елизавета', null)],
        {
          resolutions: [
            { google_user_id: 'd', action: 'class', class_name: '8б' },
            { google_user_id: 'n', action: 'person', person_id: 'i2' },
          ],
        },
      ),
    );
    expect(answered.queue).toEqual([]);
    expect(answered.people.find((e) => e.account.id === 'd')).toMatchObject({ status: 'new', className: '8Б' });
    expect(answered.people.find((e) => e.account.id === 'n')).toMatchObject({ personId: 'i2', matchedBy: 'curator' });
    expect(answered.classChoices).toEqual([{ googleUserId: 'd', className: '8Б' }]);
    expect(() =>
      reconcile(
        input(
          plan.courses.map((c) => c.course),
          [person('i1', 'Иванов', 'Иван', '7А'), person('i2', 'Иванов', 'Иван', '7А')],
          {
            resolutions: [{ google_user_id: 'n', action: 'person', person_id: 'p-elsewhere' }],
          },
        ),
      ),
    ).toThrow(UnknownCandidate);
  });

  it('a teacher who studies in a staff course stays staff; a pupil in several courses of one class is in that class', () => {
    const plan = reconcile(
      input(
        [
          course('c1', 'Алгебра', '7А', [teacher], [user('p', 'Новикова', 'Ника')]),
          course('c2', 'Русский язык 7А', null, [teacher], [user('p', 'Новикова', 'Ника')]),
          course('staff', 'Педсовет', null, [user('h', 'Воронина', 'Варвара')], [teacher]),
        ],
        [],
      ),
    );
    expect(plan.people.map((e) => [e.account.id, e.account.kind, e.className]).sort()).toEqual([
      ['h', 'staff', null],
      ['p', 'student', '7А'],
      ['t', 'staff', null],
    ]);
    expect(plan.assignments).toEqual([
      { googleUserId: 't', className: '7А', subject: 'Алгебра' },
      { googleUserId: 't', className: '7А', subject: 'Русский язык' },
    ]);
  });

  it('a person the curator moves from an old account to a new one is not marked as left', () => {
    const people = [person('p', 'Петров', 'Пётр', '7А', { googleUserId: 'old-account' })];
    const courses = [course('c1', 'Алгебра', '7А', [], [user('new-account', 'Петров', 'Пётр')])];
    const queued = reconcile(input(courses, people));
    expect(queued.queue.map((q) => q.reason)).toEqual(['other_account']);
    const moved = reconcile(input(courses, people, { resolutions: [{ google_user_id: 'new-account', action: 'person', person_id: 'p' }] }));
    expect(moved.left).toEqual([]);
    expect(moved.people[0]?.changes).toEqual([{ field: 'google_user_id', from: 'old-account', to: 'new-account' }]);
  });

  it('leaves out the account of a person erased on request: not matched, not created, not stored', () => {
    const plan = reconcile(
      input([course('c1', 'Алгебра', '7А', [], [user('gone', 'Стёртая', 'Анна'), user('a', 'Карпова', 'Мария')])], [], {
        decisions: [{ googleUserId: 'gone', decision: 'skip', className: null, erased: true }],
      }),
    );
    expect(plan.people.map((e) => e.account.id)).toEqual(['a']);
    expect(plan.queue).toEqual([]);
    expect(plan.courses[0]?.course.students.map((u) => u.id)).toEqual(['a']);
  });

  it('marks people in no course as left, and stops when that is more than 10% of the school', () => {
    const people = Array.from({ length: 20 }, (_, i) =>
      person(`p${i}`, `Фамилия${'а'.repeat(i + 1)}`, 'Имя', '7А', { googleUserId: `g${i}` }),
    );
    const present = people.slice(0, 18).map((p) => user(p.googleUserId as string, p.last_name, p.first_name));
    const two = reconcile(input([course('c1', 'Алгебра', '7А', [], present)], people));
    expect(countsOf(two)).toMatchObject({ left: 2, unchanged: 18 });
    expect(two.leftGuard).toEqual({ left: 2, school: 20, exceeded: false });
    const three = reconcile(input([course('c1', 'Алгебра', '7А', [], present.slice(0, 17))], people));
    expect(three.leftGuard).toEqual({ left: 3, school: 20, exceeded: true });
  });
});
