// The badge feature on fixture pages: exactly the participants get a badge, namesakes a «?»,
// drawing twice changes nothing, and badges go when their people do.
import { describe, expect, it } from 'vitest';
import type { GroupMember, GroupSummary } from '../../shared/api/me.ts';
import { ParticipantIndex, participantsOf } from '../../shared/participants.ts';
import { fixture } from '../../tests/support/fixture-page.ts';
import { groupMember } from '../../tests/support/group-members.ts';
import { dnevnikRu } from '../sites/dnevnik-ru.ts';
import { moodle } from '../sites/moodle.ts';
import { type NameLookup, peopleIn } from '../sites/types.ts';
import { t } from '../utils/i18n.ts';
import { badgeAttribute, drawBadges, personIdsOf } from './participant-badges.ts';

const member = (person_id: string, role: GroupMember['role'], last_name: string, first_name: string, class_name: string | null) =>
  groupMember(person_id, role, last_name, first_name, null, class_name);

const g84: GroupSummary = {
  id: '00000000-0000-4000-8000-000000000084',
  form: { key: 'teacher_student', label_ru: 'учитель – ученик', label_en: 'teacher – student' },
  role_model: { key: 'teacher_gifted_student', label_ru: 'учитель – талантливый ученик', label_en: 'teacher – gifted student' },
  programme_id: '00000000-0000-4000-8000-0000000000aa',
  status: 'active',
  started_on: '2026-10-01',
  my_role: 'mentor',
  members: [
    member('t-0574', 'mentor', 'Новикова', 'Полина', null),
    member('s-0396', 'mentee', 'Иванов', 'Лев', '8Б'),
    member('s-0460', 'mentee', 'Кудрявцев', 'Даниил', '10А'),
    member('s-0482', 'mentee', 'Карпова', 'Мария', '10Б'),
  ],
  meeting_kinds_held: ['introduction'],
  last_meeting_on: '2026-11-20',
  next_kind: 'trial',
  next_meeting: null,
};

const noLookup: NameLookup = { mayBeSurname: () => false, matches: () => false };
/** Whom the badges of one kind stand for (kept in the content script's memory, never in the DOM). */
const drawn = (document: Document, kind: 'participant' | 'ambiguous' = 'participant') =>
  [...document.querySelectorAll(`[${badgeAttribute}="${kind}"]`)].map((b) => personIdsOf(b).join(' ')).sort();

/** The index as the content script builds it: names, and each person's badge role in member.role. */
const badgeIndex = (groups: GroupSummary[]) =>
  new ParticipantIndex(
    participantsOf(groups).map(({ member, groups: theirs, kind }) => ({
      member: { ...member, role: theirs.some((g) => g.role === 'mentor') ? 'mentor' : 'mentee' },
      groups: [],
      kind,
    })),
  );

describe('participant badges', () => {
  const index = badgeIndex([g84]);

  it('badges exactly the mentees the page shows, the namesake in another class not', () => {
    const document = fixture('dnevnik-ru.html');
    const people = peopleIn(dnevnikRu.findPeople(document, noLookup));
    expect(drawBadges(document, people, { index, version: 1 })).toBe(1);
    expect(drawn(document)).toEqual(['s-0482']);
    const badge = document.querySelector(`[${badgeAttribute}]`);
    // Карпова Мария: a girl, in her own gender.
    expect(badge?.textContent).toBe(t('role.mentee.f'));
    // The page learns the role word and nothing else: no ids, no title, nobody else's name.
    expect(badge?.getAttributeNames().sort()).toEqual(['aria-haspopup', badgeAttribute, 'style', 'type']);
    expect(badge?.outerHTML).not.toMatch(/s-0482|Новикова|Полина/);
  });

  it('is idempotent, and removes badges whose people left the page', () => {
    const document = fixture('moodle-grader.html');
    const people = peopleIn(moodle.findPeople(document, noLookup));
    drawBadges(document, people, { index, version: 1 });
    drawBadges(document, peopleIn(moodle.findPeople(document, noLookup)), { index, version: 1 });
    expect(drawn(document)).toEqual(['s-0396', 's-0460', 's-0482']);
    document.querySelector('#fixed_user_304')?.remove();
    drawBadges(document, peopleIn(moodle.findPeople(document, noLookup)), { index, version: 1 });
    expect(drawn(document)).toEqual(['s-0396', 's-0460']);
    drawBadges(document, [], { index, version: 1 });
    expect(drawn(document)).toEqual([]);
  });

  it('shows namesakes it cannot tell apart as «?», never a guess', () => {
    const twin: GroupSummary = { ...g84, id: 'g-twin', members: [member('s-9999', 'mentee', 'Карпова', 'Мария', '9Б')] };
    const twins = badgeIndex([g84, twin]);
    const document = fixture('moodle-grader.html');
    drawBadges(document, peopleIn(moodle.findPeople(document, noLookup)), { index: twins, version: 1 });
    expect(drawn(document)).toEqual(['s-0396', 's-0460']);
    expect(drawn(document, 'ambiguous')).toEqual(['s-0482 s-9999']);
    expect(document.querySelector(`[${badgeAttribute}="ambiguous"]`)?.textContent).toBe('?');
  });

  it('redraws a badge when the data changes (a meeting logged)', () => {
    const document = fixture('dnevnik-ru.html');
    drawBadges(document, peopleIn(dnevnikRu.findPeople(document, noLookup)), { index, version: 1 });
    const before = document.querySelector(`[${badgeAttribute}]`);
    const after = badgeIndex([{ ...g84, meeting_kinds_held: ['introduction', 'trial'], next_kind: 'planning' }]);
    drawBadges(document, peopleIn(dnevnikRu.findPeople(document, noLookup)), { index: after, version: 2 });
    const badges = document.querySelectorAll(`[${badgeAttribute}]`);
    expect(badges).toHaveLength(1);
    expect(badges[0]).not.toBe(before);
    expect(personIdsOf(badges[0] as Element)).toEqual(['s-0482']);
  });
});
