import { describe, expect, it } from 'vitest';
import { match } from './match.ts';
import { matchingRules, rulesFor } from './rules.ts';
import { defaultWeights, type MenteeCandidate, type MentorCandidate, scoreCandidates } from './scoring.ts';

function rules(form: string, roleModel: string) {
  const found = rulesFor(form, roleModel);
  if (!found) throw new Error(`no rules for ${form}/${roleModel}`);
  return found;
}

const student = (id: string, grade: number, extra: Partial<MentorCandidate & MenteeCandidate> = {}): MentorCandidate & MenteeCandidate => ({
  id,
  kind: 'student',
  minor: true,
  consent: true,
  grade,
  capacity: 1,
  trained: true,
  ...extra,
});

const teacher = (id: string, subjects: string[], experienceYears: number, extra: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id,
  kind: 'staff',
  minor: false,
  consent: true,
  subjects,
  experienceYears,
  capacity: 1,
  trained: true,
  ...extra,
});

describe('scoreCandidates', () => {
  it('успевающий – неуспевающий: an older, stronger student scores, with the rules as reasons', () => {
    const mentors = [student('s9', 9, { strongSubjects: ['algebra', 'physics'] }), student('s6', 6, { strongSubjects: ['algebra'] })];
    const mentees: MenteeCandidate[] = [student('s7', 7, { weakSubjects: ['algebra'] })];
    const scored = scoreCandidates(rules('student_student', 'achieving_underachieving'), defaultWeights, mentors, mentees, []);
    expect(scored.scores).toEqual([
      {
        mentor: 's9',
        mentee: 's7',
        score: 85,
        reasons: [
          { kind: 'rule', rule: 'mentor_older_grade', points: 10 },
          { kind: 'rule', rule: 'grades_close', points: 15 },
          { kind: 'rule', rule: 'strong_where_weak', points: 60 },
        ],
      },
    ]);
    // The 6th-grader is younger: the role model's required rule rules the pair out, and says which rule.
    expect(scored.exclusions).toEqual([{ code: 'rule_not_met', rule: 'mentor_older_grade', mentor: 's6', mentee: 's7' }]);
  });

  it('опытный предметник – неопытный предметник: same subject and a real experience gap are required', () => {
    const mentors = [teacher('math20', ['math'], 20), teacher('math4', ['math'], 4), teacher('bio25', ['biology'], 25)];
    const mentees: MenteeCandidate[] = [teacher('math1', ['math'], 1)];
    const scored = scoreCandidates(rules('teacher_teacher', 'experienced_inexperienced_subject'), defaultWeights, mentors, mentees, []);
    expect(scored.scores.map((s) => [s.mentor, s.score])).toEqual([['math20', 80]]);
    expect(scored.exclusions.map((e) => [e.mentor, e.rule])).toEqual([
      ['math4', 'experience_gap'],
      ['bio25', 'same_subject'],
    ]);
  });

  it('равный – равному: same or adjacent grade only', () => {
    const mentors = [student('a8', 8), student('a9', 9), student('a10', 10)];
    const scored = scoreCandidates(rules('student_student', 'peer_to_peer'), defaultWeights, mentors, [student('b9', 9)], []);
    expect(scored.scores.map((s) => [s.mentor, s.score])).toEqual([
      ['a8', 20],
      ['a9', 30],
      ['a10', 20],
    ]);
  });

  it('adds the questionnaire: wanted people score more, avoided people are ruled out (or penalised)', () => {
    const mentors = [student('a8', 8), student('a9', 9)];
    const mentees = [student('b9', 9)];
    const wishes = [
      { person: 'b9', wants: ['a8'], avoids: ['a9'] },
      { person: 'a8', wants: ['b9'] },
    ];
    const peer = rules('student_student', 'peer_to_peer');
    const excluded = scoreCandidates(peer, defaultWeights, mentors, mentees, wishes);
    expect(excluded.scores).toEqual([
      {
        mentor: 'a8',
        mentee: 'b9',
        score: 70,
        reasons: [
          { kind: 'rule', rule: 'same_or_adjacent_grade', points: 20 },
          { kind: 'preference', preference: 'mentee_wants_mentor', points: 30 },
          { kind: 'preference', preference: 'mentor_wants_mentee', points: 20 },
        ],
      },
    ]);
    expect(excluded.exclusions).toEqual([{ code: 'avoided', mentor: 'a9', mentee: 'b9' }]);

    const penalised = scoreCandidates(peer, { ...defaultWeights, avoided: -100, rules: { same_grade: 50 } }, mentors, mentees, wishes);
    expect(penalised.scores.find((s) => s.mentor === 'a9')?.score).toBe(20 + 50 - 100);
  });

  it('rules out minors without consent, untrained mentors and mentees at their group limit', () => {
    const mentors = [student('noconsent', 10, { consent: false }), student('untrained', 10, { trained: false }), student('ok', 10)];
    const mentees: MenteeCandidate[] = [
      student('full', 8, { groupsInForm: 1 }),
      student('minor', 8, { consent: false }),
      student('fine', 9),
    ];
    const scored = scoreCandidates(rules('student_student', 'peer_to_peer'), defaultWeights, mentors, mentees, []);
    expect(scored.exclusions).toEqual([
      { code: 'no_consent', mentor: 'noconsent' },
      { code: 'mentor_not_trained', mentor: 'untrained' },
      { code: 'group_limit_reached', mentee: 'full' },
      { code: 'no_consent', mentee: 'minor' },
    ]);
    expect(scored.scores.map((s) => `${s.mentor}-${s.mentee}`)).toEqual(['ok-fine']);
    expect(scored.mentees).toEqual([
      { id: 'full', capacity: 0 },
      { id: 'minor', capacity: 1 },
      { id: 'fine', capacity: 1 },
    ]);

    // The explanations of `match` carry these reasons through.
    const result = match(scored, { mode: 'optimal' });
    expect(result.explanations.unmatched).toEqual([
      { mentee: 'full', reason: { code: 'excluded', exclusions: ['group_limit_reached'] } },
      { mentee: 'minor', reason: { code: 'excluded', exclusions: ['no_consent'] } },
    ]);
  });

  it('safeguarding: an adult external mentor takes minors only in a group or with a staff co-mentor (configurable)', () => {
    const external = (id: string, extra: Partial<MentorCandidate>): MentorCandidate => ({
      ...teacher(id, ['informatics'], 10),
      kind: 'external',
      ...extra,
    });
    const mentors = [external('alone', {}), external('group', { capacity: 3 }), external('withStaff', { hasStaffCoMentor: true })];
    const mentees: MenteeCandidate[] = [student('pupil', 10, { strongSubjects: ['informatics'] })];
    const roleModel = { form: 'employer_student', roleModel: 'any', rules: [] };
    const byDefault = scoreCandidates(roleModel, defaultWeights, mentors, mentees, []);
    expect(byDefault.scores.map((s) => s.mentor)).toEqual(['group', 'withStaff']);
    expect(byDefault.exclusions).toEqual([{ code: 'safeguarding', mentor: 'alone', mentee: 'pupil' }]);
    const strict = scoreCandidates(roleModel, defaultWeights, mentors, mentees, [], {
      maxGroupsPerMentee: 1,
      externalAdultWithMinor: 'co_mentor_only',
    });
    expect(strict.scores.map((s) => s.mentor)).toEqual(['withStaff']);
    // An adult mentee (a college student) needs no such protection.
    const adult = scoreCandidates(
      roleModel,
      defaultWeights,
      mentors,
      [{ ...mentees[0], id: 'adult', minor: false } as MenteeCandidate],
      [],
    );
    expect(adult.scores).toHaveLength(3);
  });

  it('has rules for the catalog role models named in the issue, each with unique rule keys', () => {
    for (const [form, roleModel] of [
      ['student_student', 'achieving_underachieving'],
      ['student_student', 'peer_to_peer'],
      ['teacher_teacher', 'experienced_inexperienced_subject'],
    ] as const) {
      expect(rulesFor(form, roleModel)).toBeDefined();
    }
    for (const entry of matchingRules) {
      const keys = entry.rules.map((rule) => rule.key);
      expect(new Set(keys).size, `${entry.form}/${entry.roleModel}`).toBe(keys.length);
    }
  });
});
