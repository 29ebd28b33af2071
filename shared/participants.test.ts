import { describe, expect, it } from 'vitest';
import type { GroupMember, GroupSummary } from './api/me.ts';
import { mayBeListed, ParticipantIndex, type PersonKind, participantsOf, personKindOf, resolveParticipant } from './participants.ts';

function member(
  id: string,
  last_name: string,
  first_name: string,
  role: 'mentor' | 'mentee',
  google: string | null = null,
  className: string | null = '10Б',
): GroupMember {
  // Without the API's `kind`, as an older API answered: what the fallbacks below are for.
  return { person_id: id, role, last_name, first_name, middle_name: null, class_name: className, google_user_id: google } as GroupMember;
}

function group(id: string, members: GroupMember[], form = 'teacher_student'): GroupSummary {
  return {
    id,
    form: { key: form, label_ru: form, label_en: form },
    role_model: { key: 'teacher_talented_student', label_ru: 'учитель – талантливый ученик', label_en: 'teacher – talented student' },
    programme_id: '00000000-0000-4000-8000-0000000000aa',
    status: 'active',
    started_on: '2026-10-01',
    my_role: 'mentor',
    members,
    meeting_kinds_held: [],
    last_meeting_on: null,
    next_kind: 'introduction',
    next_meeting: null,
  };
}

const mentor = member('00000000-0000-4000-8000-000000000001', 'Новикова', 'Полина', 'mentor');
const karpova = member('00000000-0000-4000-8000-000000000002', 'Карпова', 'Мария', 'mentee', '112');
const twinA = member('00000000-0000-4000-8000-000000000003', 'Яковлев', 'Евгений', 'mentee');
const twinB = member('00000000-0000-4000-8000-000000000004', 'Яковлев', 'Евгений', 'mentee');
const participants = participantsOf([group('g1', [mentor, karpova, twinA]), group('g2', [mentor, twinB])]);

describe('participantsOf', () => {
  it('lists each person once with all their groups', () => {
    expect(participants).toHaveLength(4);
    expect(participants.find((p) => p.member.person_id === mentor.person_id)?.groups).toHaveLength(2);
  });
});

describe('resolveParticipant', () => {
  it('matches by the site id first', () => {
    const found = resolveParticipant({ name: 'someone renamed', externalId: { system: 'google', id: '112' } }, participants);
    expect(found.kind === 'one' && found.participant.member.person_id).toBe(karpova.person_id);
  });
  it('matches by name in Google order', () => {
    const found = resolveParticipant({ name: 'Мария Карпова', externalId: null }, participants);
    expect(found.kind === 'one' && found.participant.member.person_id).toBe(karpova.person_id);
  });
  it('does not take a different site id for the same name', () => {
    expect(resolveParticipant({ name: 'Мария Карпова', externalId: { system: 'google', id: '999' } }, participants).kind).toBe('none');
  });
  it('reports namesakes as ambiguous', () => {
    const found = resolveParticipant({ name: 'Евгений Яковлев', externalId: null }, participants);
    expect(found.kind).toBe('ambiguous');
  });
  it('finds nobody for a non-participant', () => {
    expect(resolveParticipant({ name: 'Артём Белоусов', externalId: { system: 'google', id: '7' } }, participants).kind).toBe('none');
  });
  it('ignores ids of systems it holds none for', () => {
    const found = resolveParticipant({ name: 'Карпова Мария', externalId: { system: 'dnevnik-ru', id: '999' } }, participants);
    expect(found.kind === 'one' && found.participant.member.person_id).toBe(karpova.person_id);
  });
  it('matches a Latin Google account name', () => {
    const found = resolveParticipant({ name: 'Mariya Karpova', externalId: null }, participants);
    expect(found.kind === 'one' && found.participant.member.person_id).toBe(karpova.person_id);
  });
});

describe('namesakes told apart by the class on the page', () => {
  const ivanovA = member('00000000-0000-4000-8000-000000000011', 'Иванов', 'Лев', 'mentee', null, '8Б');
  const ivanovB = member('00000000-0000-4000-8000-000000000012', 'Иванов', 'Лев', 'mentee', null, '7А');
  const teacher = member('00000000-0000-4000-8000-000000000013', 'Иванов', 'Лев', 'mentor', null, null);
  const index = new ParticipantIndex(participantsOf([group('g3', [ivanovA, ivanovB])]));

  it('picks the one in the page’s class', () => {
    const found = index.resolve({ name: 'Иванов Лев', className: '8-Б' });
    expect(found.kind === 'one' && found.participant.member.person_id).toBe(ivanovA.person_id);
  });
  it('is ambiguous without a class', () => {
    expect(index.resolve({ name: 'Иванов Лев' }).kind).toBe('ambiguous');
  });
  it('finds nobody when the page’s class is neither', () => {
    expect(index.resolve({ name: 'Иванов Лев', className: '10А' }).kind).toBe('none');
  });
  it('never filters out someone with no class (staff)', () => {
    const staff = new ParticipantIndex(participantsOf([group('g4', [teacher])]));
    expect(staff.resolve({ name: 'Иванов Л.', className: '10А' }).kind).toBe('one');
  });
  it('answers the surname sieve in both scripts', () => {
    expect(index.hasSurname('иванов')).toBe(true);
    expect(index.hasSurname('ivanov')).toBe(true);
    expect(index.hasSurname('петров')).toBe(false);
  });
});

describe('who is a pupil and who is staff (personKindOf)', () => {
  const noClass = (role: 'mentor' | 'mentee') => member('00000000-0000-4000-8000-000000000021', 'Соколова', 'Анна', role, null, null);
  it('takes the API’s own word first, whatever the class', () => {
    expect(personKindOf({ ...karpova, kind: 'staff' })).toBe('staff');
    expect(personKindOf({ ...karpova, kind: 'external' })).toBe('external');
    expect(personKindOf({ ...noClass('mentor'), kind: 'student' })).toBe('student');
  });
  it('then the class: only pupils have one', () => {
    expect(personKindOf({ ...karpova, kind: null })).toBe('student');
  });
  it.each([
    ['teacher_student', 'mentor', 'staff'],
    ['teacher_student', 'mentee', 'student'],
    ['student_student', 'mentor', 'student'],
    ['teacher_teacher', 'mentee', 'staff'],
    ['college_student_pupil', 'mentor', 'external'],
    ['employer_student', 'mentee', 'student'],
    ['reverse_mentoring', 'mentor', 'unknown'],
  ] as const)('then the side of the form: %s, %s → %s', (form, role, expected) => {
    const person = noClass(role);
    expect(personKindOf(person, [{ group: group('g', [person], form), role }])).toBe(expected);
  });
  it('is unknown when nothing says', () => {
    expect(personKindOf(noClass('mentor'))).toBe('unknown');
  });
  it('is what participantsOf gives each participant', () => {
    expect(participants.find((p) => p.member.person_id === mentor.person_id)?.kind).toBe('student');
    const [teacher] = participantsOf([group('g5', [noClass('mentor')])]);
    expect(teacher?.kind).toBe('staff');
  });
});

describe('who may be on which list (mayBeListed)', () => {
  it.each([
    ['student', 'pupils', true],
    ['staff', 'pupils', false],
    ['external', 'pupils', false],
    ['student', 'staff', false],
    ['staff', 'staff', true],
    ['external', 'staff', true],
    ['unknown', 'pupils', true],
    [undefined, 'pupils', true],
    ['staff', 'unknown', true],
    ['staff', null, true],
    ['student', undefined, true],
  ] as [PersonKind | undefined, 'pupils' | 'staff' | 'unknown' | null | undefined, boolean][])(
    '%s on a %s list: %s',
    (kind, list, expected) => {
      expect(mayBeListed(kind, list)).toBe(expected);
    },
  );
});

describe('a pupil and her teacher namesake told apart by the list', () => {
  const pupil = member('00000000-0000-4000-8000-000000000031', 'Степанова', 'Дарина', 'mentee', null, '7А');
  const teacher = member('00000000-0000-4000-8000-000000000032', 'Степанова', 'Дарина', 'mentor', null, null);
  const index = new ParticipantIndex(participantsOf([group('g6', [teacher, pupil])]));
  it('a class journal (pupils) names the pupil, a staff list the teacher, any other list either', () => {
    const onPupils = index.resolve({ name: 'Степанова Дарина', listKind: 'pupils' });
    const onStaff = index.resolve({ name: 'Степанова Дарина', listKind: 'staff' });
    expect(onPupils.kind === 'one' && onPupils.participant.member.person_id).toBe(pupil.person_id);
    expect(onStaff.kind === 'one' && onStaff.participant.member.person_id).toBe(teacher.person_id);
    expect(index.resolve({ name: 'Степанова Дарина' }).kind).toBe('ambiguous');
  });
  it('remembers answers per id too: the same name with and without a site id', () => {
    const withId = new ParticipantIndex(participants);
    expect(withId.resolve({ name: 'Мария Карпова', externalId: { system: 'google', id: '999' } }).kind).toBe('none');
    expect(withId.resolve({ name: 'Мария Карпова' }).kind).toBe('one');
  });
});

describe('the index: names it must and must not take', () => {
  const withPatronymic = { ...member('00000000-0000-4000-8000-000000000041', 'Орлова', 'Вера', 'mentee'), middle_name: 'Алексеевна' };
  const index = new ParticipantIndex(participantsOf([group('g7', [withPatronymic, karpova])]));
  it('counts its participants', () => {
    expect(index.size).toBe(2);
  });
  it('takes a full name with the patronymic (three words)', () => {
    const found = index.resolve({ name: 'Орлова Вера Алексеевна' });
    expect(found.kind === 'one' && found.participant.member.person_id).toBe(withPatronymic.person_id);
  });
  it('does not take another first name with a participant’s surname', () => {
    expect(index.resolve({ name: 'Анна Карпова' }).kind).toBe('none');
  });
  it('lets a pupil be on a list that says nothing of its kind', () => {
    expect(mayBeListed('student', 'unknown')).toBe(true);
  });
  it('gives the very same answer again for the same name on the same list (a re-render asks nothing new)', () => {
    const first = index.resolve({ name: 'Орлова Вера', listKind: 'pupils', className: '10Б' });
    expect(first.kind).toBe('one');
    expect(index.resolve({ name: 'Орлова Вера', listKind: 'pupils', className: '10Б' })).toBe(first);
    const elsewhere = index.resolve({ name: 'Орлова Вера', listKind: 'staff', className: '10Б' });
    expect(elsewhere.kind).toBe('none');
  });
});
