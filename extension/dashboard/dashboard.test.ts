// The dashboard's own logic, without a browser: which rows a base's filters show, what «что
// исправить» lists, how the matching's reasons read, which academic year a date is in.
import { describe, expect, it, vi } from 'vitest';
import type { BaseRow } from '../../shared/api/bases.ts';
import type { ChecklistItem, ProgrammeWarning } from '../../shared/api/programmes.ts';
import { filterRows, filtersFrom } from './BaseScreen.tsx';
import { fixesOf } from './screens/Home.tsx';
import { academicYearOf } from './screens/Stage1.tsx';
import { reasonText, skippedText, unmatchedText } from './screens/Stage5.tsx';

// A Russian browser: the words below are the Russian ones, with their plural forms.
vi.hoisted(() => Object.defineProperty(globalThis, 'navigator', { value: { languages: ['ru-RU'] }, configurable: true }));

const row = (over: Partial<BaseRow> & { person_id: string }): BaseRow => ({
  kind: 'student',
  last_name: 'Иванов',
  first_name: 'Пётр',
  middle_name: null,
  sex: 'm',
  class_name: '7А',
  grade: 7,
  position: null,
  consent: 'given',
  enrolment: null,
  groups: 0,
  trainings: 0,
  ...over,
});
const enrolment = (over: Partial<NonNullable<BaseRow['enrolment']>> = {}): NonNullable<BaseRow['enrolment']> => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: '1',
  organisation_id: '00000000-0000-4000-8000-000000000002',
  programme_id: '00000000-0000-4000-8000-000000000003',
  person_id: '00000000-0000-4000-8000-000000000004',
  base: 'mentee',
  form_key: 'student_student',
  key_request: null,
  needs: null,
  wished_role_model_key: null,
  competencies: [],
  subjects: [],
  capacity: 1,
  training_status: 'not_started',
  trained_on: null,
  entered_on: '2026-09-01',
  left_on: null,
  ...over,
});

describe('filterRows', () => {
  const rows = [
    row({ person_id: 'a', last_name: 'Королёва', first_name: 'Анна', class_name: '7А', consent: 'missing' }),
    row({ person_id: 'b', last_name: 'Петров', class_name: '8Б', enrolment: enrolment() }),
    row({ person_id: 'c', last_name: 'Сидоров', class_name: '8Б', consent: 'withdrawn', enrolment: enrolment({ left_on: '2026-10-01' }) }),
    row({ person_id: 'd', last_name: 'Орлов', class_name: '8Б', enrolment: enrolment({ training_status: 'trained' }), groups: 1 }),
  ];
  const ids = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f).map((r) => r.person_id);
  const none = filtersFrom('');

  it('searches every word of the name, ё as е, in any case', () => {
    expect(ids({ ...none, q: 'королева ан' })).toEqual(['a']);
    expect(ids({ ...none, q: 'КОРОЛЁВА Пётр' })).toEqual([]);
  });

  it('filters by class, form, consent (missing means withdrawn too) and status', () => {
    expect(ids({ ...none, class: '8Б' })).toEqual(['b', 'c', 'd']);
    expect(ids({ ...none, form: 'student_student' })).toEqual(['b', 'c', 'd']);
    expect(ids({ ...none, consent: 'missing' })).toEqual(['a', 'c']);
    expect(ids({ ...none, consent: 'withdrawn' })).toEqual(['c']);
    expect(ids({ ...none, status: 'in_base' })).toEqual(['b', 'd']);
    expect(ids({ ...none, status: 'not_in_base' })).toEqual(['a', 'c']);
    expect(ids({ ...none, status: 'left' })).toEqual(['c']);
    expect(ids({ ...none, status: 'in_pair' })).toEqual(['d']);
    expect(ids({ ...none, status: 'no_pair' })).toEqual(['b']);
    expect(ids({ ...none, status: 'trained' })).toEqual(['d']);
    expect(ids({ ...none, status: 'untrained' })).toEqual(['b']);
  });

  it('reads the filters a link from home puts in the address', () => {
    expect(filtersFrom('consent=missing&status=in_pair')).toMatchObject({ consent: 'missing', status: 'in_pair', q: '' });
  });
});

describe('fixesOf: «что исправить»', () => {
  const warning = (kind: ProgrammeWarning['kind'], person: string | null, last: string | null = null): ProgrammeWarning => ({
    kind,
    group_id: '00000000-0000-4000-8000-00000000000a',
    person_id: person,
    person_name: person ? `Имя ${person}` : null,
    last_meeting_on: last,
  });
  const item = (stage: number, evidence: ChecklistItem['evidence'], done: boolean) => ({ stage, evidence, done }) as ChecklistItem;

  it('counts people once, stages up to the current one, and only the pairs that never met', () => {
    const fixes = fixesOf(
      [
        warning('minor_without_consent', 'p1'),
        warning('minor_without_consent', 'p1'),
        warning('minor_without_consent', 'p2'),
        warning('untrained_mentor', 'm1'),
        warning('no_recent_meeting', null),
        warning('no_recent_meeting', null, '2026-10-01'),
      ],
      [
        item(1, 'document', false),
        item(1, 'document', false),
        item(2, 'count', false),
        item(3, 'document', true),
        item(5, 'document', false),
      ],
      4,
      (n) => `этап ${n}`,
    );
    expect(fixes.map((f) => [f.kind, f.count, f.screen])).toEqual([
      ['minor_without_consent', 2, 'stage-2'],
      ['untrained_mentor', 1, 'stage-4'],
      ['stage_without_documents', 1, 'stage-1'],
      ['never_met', 1, 'stage-6'],
    ]);
    expect(fixes[0]?.sub).toBe('consent=missing&status=in_pair');
  });

  it('lists nothing when nothing is wrong', () => {
    expect(fixesOf([], [item(1, 'document', true)], 1, String)).toEqual([]);
  });
});

describe('the matching’s reasons in words', () => {
  it('names the rule and its points', () => {
    expect(reasonText({ kind: 'rule', rule: 'same_grade', points: 10 })).toBe('один класс +10');
    expect(reasonText({ kind: 'preference', preference: 'mentee_wants_mentor', points: 30 })).toBe(
      'наставляемый хочет этого наставника +30',
    );
    expect(reasonText({ kind: 'rule', rule: 'a_school_rule', points: 0 })).toBe('a_school_rule');
  });
  it('says why a mentee has no mentor', () => {
    expect(unmatchedText({ code: 'excluded', exclusions: ['no_consent'] })).toBe('нет согласия законного представителя');
    expect(unmatchedText({ code: 'no_candidates', why: { mentor_not_trained: 3, forbidden: 0 } })).toBe(
      'нет подходящего наставника (не обучены: 3)',
    );
    expect(unmatchedText({ code: 'candidates_full', mentors: ['a', 'b'] })).toBe('все 2 подходящих наставника уже заняты');
  });
});

describe('a kept pin left out of a run, in words', () => {
  const she = () => 'f' as const;
  const he = () => 'm' as const;
  it('says who left, in the person’s gender', () => {
    expect(skippedText({ code: 'left_base', side: 'mentor' }, she)).toBe('наставница выбыла из базы наставников');
    expect(skippedText({ code: 'left_school', side: 'mentee' }, he)).toBe('наставляемый выбыл из школы');
    expect(skippedText({ code: 'taken_by_pin', side: 'mentee' }, she)).toBe('наставляемая уже закреплена за другим наставником');
    expect(skippedText({ code: 'mentor_full' }, () => null)).toBe('все места наставника заняты уже сформированными парами');
  });
  it('says why the pair cannot be formed now, naming the rule', () => {
    expect(skippedText({ code: 'excluded', exclusions: ['mentor_not_trained'] }, he)).toBe(
      'пару сейчас нельзя сформировать: наставник не обучен',
    );
    expect(skippedText({ code: 'excluded', exclusions: ['rule_not_met'], rule: 'same_grade' }, he)).toBe(
      'пару сейчас нельзя сформировать: не выполнено обязательное правило ролевой модели («один класс»)',
    );
  });
});

describe('academicYearOf', () => {
  it('runs from September to August', () => {
    expect(academicYearOf(new Date(2026, 8, 1))).toBe('2026/2027');
    expect(academicYearOf(new Date(2027, 7, 31))).toBe('2026/2027');
  });
});
