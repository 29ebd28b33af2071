import { describe, expect, it } from 'vitest';
import { match } from './match.ts';
import { matchingRules, type RuleCheck, rulesFor } from './rules.ts';
import { defaultWeights, type MatchingPerson, type MenteeCandidate, type MentorCandidate, ruleDegree, scoreCandidates } from './scoring.ts';

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
    // A role model of the same name in another form is another entry: the form counts as well as the name.
    expect(rulesFor('employer_student', 'professional_indifferent_consumer')?.form).toBe('employer_student');
    expect(rulesFor('employer_pupil', 'professional_indifferent_consumer')?.form).toBe('employer_pupil');
    expect(rulesFor('teacher_teacher', 'peer_to_peer')).toBeUndefined();
    for (const entry of matchingRules) {
      const keys = entry.rules.map((rule) => rule.key);
      expect(new Set(keys).size, `${entry.form}/${entry.roleModel}`).toBe(keys.length);
    }
  });
});

describe('scoreCandidates: the questionnaire and safeguarding in detail', () => {
  const peer = rules('student_student', 'peer_to_peer');

  it('never scores a person with themself, though they are both a mentor and a mentee', () => {
    const both = student('s9', 9);
    const scored = scoreCandidates(peer, defaultWeights, [both], [both, student('t9', 9)], []);
    expect(scored.scores.map((s) => `${s.mentor}-${s.mentee}`)).toEqual(['s9-t9']);
  });

  it('rules out a pair the mentor avoids, as well as one the mentee avoids', () => {
    const scored = scoreCandidates(peer, defaultWeights, [student('a9', 9)], [student('b9', 9)], [{ person: 'a9', avoids: ['b9'] }]);
    expect(scored.scores).toEqual([]);
    expect(scored.exclusions).toEqual([{ code: 'avoided', mentor: 'a9', mentee: 'b9' }]);
  });

  it('with a penalty instead, says which side avoids the other; a zero weight adds no reason', () => {
    const wishes = [
      { person: 'a9', avoids: ['b9'], wants: ['b9'] },
      { person: 'b9', avoids: ['a9'] },
    ];
    const weights = { ...defaultWeights, avoided: -7, mentorWantsMentee: 0 };
    const scored = scoreCandidates(peer, weights, [student('a9', 9)], [student('b9', 9)], wishes);
    expect(scored.scores).toEqual([
      {
        mentor: 'a9',
        mentee: 'b9',
        score: 20 + 10 - 14,
        reasons: [
          { kind: 'rule', rule: 'same_or_adjacent_grade', points: 20 },
          { kind: 'rule', rule: 'same_grade', points: 10 },
          { kind: 'preference', preference: 'mentee_avoids_mentor', points: -7 },
          { kind: 'preference', preference: 'mentor_avoids_mentee', points: -7 },
        ],
      },
    ]);
  });

  it('safeguarding concerns only an adult external mentor: staff and minor outsiders take a minor alone', () => {
    const roleModel = { form: 'employer_student', roleModel: 'any', rules: [] };
    const mentors: MentorCandidate[] = [
      teacher('staff', ['informatics'], 10),
      { ...teacher('youngOutsider', [], 0), kind: 'external', minor: true },
      { ...teacher('outsider', [], 0), kind: 'external' },
    ];
    const mentees: MenteeCandidate[] = [student('pupil', 10)];
    const strict = scoreCandidates(roleModel, defaultWeights, mentors, mentees, [], {
      maxGroupsPerMentee: 1,
      externalAdultWithMinor: 'co_mentor_only',
    });
    expect(strict.scores.map((s) => s.mentor)).toEqual(['staff', 'youngOutsider']);
    const allowed = scoreCandidates(roleModel, defaultWeights, mentors, mentees, [], {
      maxGroupsPerMentee: 1,
      externalAdultWithMinor: 'allowed',
    });
    expect(allowed.scores.map((s) => s.mentor)).toEqual(['staff', 'youngOutsider', 'outsider']);
    expect(allowed.exclusions).toEqual([]);
  });

  it('scales a rule’s points by how far it holds (half the weak subjects covered: half the points)', () => {
    const achieving = rules('student_student', 'achieving_underachieving');
    const mentor = student('s9', 9, { strongSubjects: ['algebra'] });
    const mentee = student('s8', 8, { weakSubjects: ['algebra', 'physics'] });
    const scored = scoreCandidates(achieving, defaultWeights, [mentor], [mentee], []);
    expect(scored.scores[0]?.reasons).toContainEqual({ kind: 'rule', rule: 'strong_where_weak', points: 30 });
  });
});

describe('ruleDegree', () => {
  const person = (extra: Partial<MatchingPerson>): MatchingPerson => ({ id: 'x', kind: 'student', minor: false, consent: true, ...extra });

  it('kinds: both sides must be of the listed kinds', () => {
    const rule: RuleCheck = { check: 'kinds', mentor: ['staff'], mentee: ['student'] };
    expect(ruleDegree(rule, person({ kind: 'staff' }), person({ kind: 'student' }))).toBe(1);
    expect(ruleDegree(rule, person({ kind: 'staff' }), person({ kind: 'staff' }))).toBe(0);
    expect(ruleDegree(rule, person({ kind: 'student' }), person({ kind: 'student' }))).toBe(0);
  });

  it('grade_gap: a missing grade on either side fails the rule', () => {
    const rule = { check: 'grade_gap', min: -20, max: 20 } as const;
    expect(ruleDegree(rule, person({ grade: 9 }), person({ grade: 7 }))).toBe(1);
    expect(ruleDegree(rule, person({}), person({ grade: 7 }))).toBe(0);
    expect(ruleDegree(rule, person({ grade: 9 }), person({}))).toBe(0);
  });

  it('strong_where_weak: the share of the mentee’s weak subjects the mentor is strong in', () => {
    const rule = { check: 'strong_where_weak' } as const;
    const mentee = person({ weakSubjects: ['algebra', 'physics', 'chemistry', 'biology'] });
    expect(ruleDegree(rule, person({ strongSubjects: ['physics'] }), mentee)).toBe(0.25);
    expect(ruleDegree(rule, person({}), mentee)).toBe(0);
    expect(ruleDegree(rule, person({ strongSubjects: ['physics'] }), person({}))).toBe(0);
    // No weak subject, listed or not: nothing to cover, so the rule does not hold (and is no 0/0).
    expect(ruleDegree(rule, person({ strongSubjects: ['physics'] }), person({ weakSubjects: [] }))).toBe(0);
  });

  it('teaches_mentee_subject: a subject the teacher teaches among the mentee’s strong or weak ones', () => {
    const teacherOfPhysics = person({ kind: 'staff', subjects: ['physics'] });
    const mentee = person({ strongSubjects: ['physics'], weakSubjects: ['algebra'] });
    expect(ruleDegree({ check: 'teaches_mentee_subject', mentee: 'strong' }, teacherOfPhysics, mentee)).toBe(1);
    expect(ruleDegree({ check: 'teaches_mentee_subject', mentee: 'weak' }, teacherOfPhysics, mentee)).toBe(0);
    expect(ruleDegree({ check: 'teaches_mentee_subject', mentee: 'weak' }, person({ subjects: ['algebra'] }), mentee)).toBe(1);
    expect(ruleDegree({ check: 'teaches_mentee_subject', mentee: 'strong' }, person({}), mentee)).toBe(0);
  });

  it('experience_gap: at least the given years, exactly that many included; unknown mentee experience fails', () => {
    const rule = { check: 'experience_gap', years: 5 } as const;
    expect(ruleDegree(rule, person({ experienceYears: 6 }), person({ experienceYears: 1 }))).toBe(1);
    expect(ruleDegree(rule, person({ experienceYears: 5 }), person({ experienceYears: 1 }))).toBe(0);
    expect(ruleDegree(rule, person({ experienceYears: 30 }), person({}))).toBe(0);
  });

  it('mentee_experience_at_most: known and no more than the given years', () => {
    const rule = { check: 'mentee_experience_at_most', years: 3 } as const;
    expect(ruleDegree(rule, person({}), person({ experienceYears: 3 }))).toBe(1);
    expect(ruleDegree(rule, person({}), person({ experienceYears: 2 }))).toBe(1);
    expect(ruleDegree(rule, person({}), person({ experienceYears: 4 }))).toBe(0);
    expect(ruleDegree(rule, person({}), person({}))).toBe(0);
  });

  it('tag: the portrait tag on the side the rule names', () => {
    const leader = person({ tags: ['leader'] });
    const passive = person({ tags: ['passive'] });
    expect(ruleDegree({ check: 'tag', side: 'mentor', tag: 'leader' }, leader, passive)).toBe(1);
    expect(ruleDegree({ check: 'tag', side: 'mentor', tag: 'leader' }, passive, leader)).toBe(0);
    expect(ruleDegree({ check: 'tag', side: 'mentee', tag: 'passive' }, leader, passive)).toBe(1);
    expect(ruleDegree({ check: 'tag', side: 'mentee', tag: 'passive' }, passive, person({}))).toBe(0);
  });
});
