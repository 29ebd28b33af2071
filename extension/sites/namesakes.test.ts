// Issue 15: signed in as the curator, on the 10Б journal the pupil «Степанова Дарина» got the badge
// of her namesake, the teacher Степанова Дарина Марковна. A list of a class's pupils names only
// pupils (and a staff list only staff): each adapter says what list a page is and which class it
// is for, and the index filters by both before it matches names. One page per site with a pupil
// whose namesake is a teacher in the programme (fixtures/pages/namesakes/ where the site's own
// fixture had no such row).
import { describe, expect, it } from 'vitest';
import type { GroupMember, GroupSummary } from '../../shared/api/me.ts';
import { type ListKind, ParticipantIndex, participantsOf } from '../../shared/participants.ts';
import { fixture } from '../../tests/support/fixture-page.ts';
import { groupMember } from '../../tests/support/group-members.ts';
import { canvas } from './canvas.ts';
import { dnevnikRu } from './dnevnik-ru.ts';
import { eduTatar } from './edu-tatar.ts';
import { eljur } from './eljur.ts';
import { googleClassroom } from './google-classroom.ts';
import { mesh } from './mesh.ts';
import { moodle } from './moodle.ts';
import { netschool } from './netschool.ts';
import { type NameLookup, peopleIn, type SiteAdapter } from './types.ts';

const member = groupMember;

const group = (id: string, form: string, members: GroupMember[]): GroupSummary => ({
  id,
  form: { key: form, label_ru: form, label_en: form },
  role_model: { key: 'x', label_ru: '—', label_en: '—' },
  programme_id: '00000000-0000-4000-8000-0000000000aa',
  status: 'active',
  started_on: '2026-10-01',
  my_role: null,
  members,
  meeting_kinds_held: [],
  last_meeting_on: null,
  next_kind: 'introduction',
  next_meeting: null,
});

/** The teacher namesake (t-0600) as a curator sees her: a young teacher in a «учитель – учитель» pair. */
const teacher = member('t-0600', 'mentee', 'Степанова', 'Дарина', 'Марковна', null);
const g79 = group('g-79', 'teacher_teacher', [member('t-0566', 'mentor', 'Карпова', 'Ева', 'Олеговна', null), teacher]);

/** The index as the content script builds it from the background's badge people (overlay.ts). */
function badgeIndex(groups: GroupSummary[]): ParticipantIndex {
  return new ParticipantIndex(participantsOf(groups).map(({ member, kind }) => ({ member, groups: [], kind })));
}

const noLookup: NameLookup = { mayBeSurname: () => false, matches: () => false };

/** [site, adapter, fixture, URL, the pupil's name as the page prints it, the list kind, the class] */
const pages: [string, SiteAdapter, string, string, string, ListKind, string | null][] = [
  [
    'Дневник.ру',
    dnevnikRu,
    'dnevnik-ru.html',
    'https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1',
    'Степанова Дарина',
    'pupils',
    '10б',
  ],
  ['МЭШ', mesh, 'mesh.html', 'https://school.mos.ru/teacher/study-process/journal/grade/1', 'Степанова Дарина', 'pupils', null],
  [
    'Сетевой город',
    netschool,
    'namesakes/netschool.html',
    'https://deti.obr03.ru/app/school/journal/',
    'Степанова Дарина',
    'pupils',
    '10б',
  ],
  ['ЭлЖур', eljur, 'namesakes/eljur.html', 'https://school17.eljur.ru/journal-app/view.journal/', 'Степанова Дарина', 'pupils', '10б'],
  [
    'edu.tatar.ru',
    eduTatar,
    'namesakes/edu-tatar.html',
    'https://edu.tatar.ru/school/journal/school_editor?term=2',
    'Степанова Дарина',
    'pupils',
    '10б',
  ],
  [
    'Google Classroom (People)',
    googleClassroom,
    'google-classroom-people.html',
    'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name',
    'Дарина Степанова',
    'pupils',
    null,
  ],
  [
    'Google Classroom (Grades)',
    googleClassroom,
    'google-classroom-grades.html',
    'https://classroom.google.com/c/NjQ2NTQ3MjY1NjQy/gb/sort-name',
    'darina stepanova',
    'pupils',
    null,
  ],
  [
    'Moodle (participants)',
    moodle,
    'namesakes/moodle-participants.html',
    'https://school17.moodlecloud.com/user/index.php?id=42',
    'Дарина Степанова',
    'pupils',
    '10б',
  ],
  [
    'Moodle (grader report)',
    moodle,
    'namesakes/moodle-grader.html',
    'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77',
    'Дарина Степанова',
    'pupils',
    '10б',
  ],
  ['Canvas', canvas, 'canvas-people.html', 'https://school17.instructure.com/courses/910/users', 'Дарина Степанова', 'pupils', '10б'],
];

describe('a pupil whose namesake is a teacher in the programme', () => {
  it.each(pages)(
    '%s: the page says it lists pupils (and of which class), and the pupil gets no badge',
    (_, adapter, file, url, name, list, cls) => {
      // Pages read by name (Classroom's Grades) find the names the overlay knows: here, the teacher namesake's.
      const index = badgeIndex([g79]);
      const lookup: NameLookup = { mayBeSurname: (t) => index.hasSurname(t), matches: (n) => index.resolve({ name: n }).kind !== 'none' };
      const people = peopleIn(adapter.findPeople(fixture(file, url), lookup));
      const pupil = people.find((person) => person.name === name);
      expect(pupil, `${name} on ${file}`).toBeDefined();
      expect(pupil?.listKind).toBe(list);
      expect(pupil?.className ?? null).toBe(cls);
      expect(badgeIndex([g79]).resolve(pupil as NonNullable<typeof pupil>)).toEqual({ kind: 'none' });
    },
  );

  it('the same name on a staff list, or in text that says nothing, is still the teacher', () => {
    const index = badgeIndex([g79]);
    expect(index.resolve({ name: 'Степанова Дарина', listKind: 'staff' }).kind).toBe('one');
    expect(index.resolve({ name: 'Степанова Дарина', listKind: 'unknown' }).kind).toBe('one');
  });

  it('when the pupil is in the programme too, the pupils’ list badges her, and a staff list her teacher namesake', () => {
    const pupil = member('s-0483', 'mentee', 'Степанова', 'Дарина', 'Павловна', '10Б');
    const index = badgeIndex([g79, group('g-2', 'student_student', [member('s-0400', 'mentor', 'Зайцев', 'Павел', null, '11А'), pupil])]);
    const onJournal = peopleIn(dnevnikRu.findPeople(fixture('dnevnik-ru.html'), noLookup)).find((p) => p.name === 'Степанова Дарина');
    const found = index.resolve(onJournal as NonNullable<typeof onJournal>);
    expect(found.kind === 'one' && found.participant.member.person_id).toBe('s-0483');
    const onStaffList = index.resolve({ name: 'Степанова Дарина', listKind: 'staff' });
    expect(onStaffList.kind === 'one' && onStaffList.participant.member.person_id).toBe('t-0600');
    // Where the page says nothing, it fits both: «?», never a guess.
    expect(index.resolve({ name: 'Степанова Дарина' }).kind).toBe('ambiguous');
  });

  it('a teachers’ course in Moodle: a teacher’s row is staff, a student of a course that names no class is unknown', () => {
    const people = peopleIn(
      moodle.findPeople(fixture('moodle-participants.html', 'https://school17.moodlecloud.com/user/index.php?id=42'), noLookup),
    );
    expect(people.find((p) => p.name === 'Елизавета Данилова')?.listKind).toBe('staff');
    expect(people.find((p) => p.name === 'Даниил Кудрявцев')?.listKind).toBe('unknown');
  });
});
