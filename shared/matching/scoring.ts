// Scores every mentor–mentee pair of one role model from the catalog's rules and the stage-5
// questionnaire, and rules out what the methodology forbids: minors without consent, untrained
// mentors, mentees at their group limit, a failed required rule, an adult outsider alone with a minor.
// The output spreads straight into a MatchProblem: `match({...scoreCandidates(…), pinned, forbidden}, …)`.
import type { MatchingRule, PersonKind, RoleModelRules, RuleCheck } from './rules.ts';
import type { CandidateScore, Exclusion, MenteeSlot, MentorSlot, ScoreReason } from './types.ts';

export interface MatchingPerson {
  id: string;
  kind: PersonKind;
  /** Under 18: the methodology (and 152-ФЗ) needs a guardian's consent. */
  minor: boolean;
  /** A valid consent is on file (given, not withdrawn). Checked for minors only. */
  consent: boolean;
  grade?: number;
  /** What a teacher teaches. */
  subjects?: readonly string[];
  /** A student's strong and weak subjects (grades, the key request). */
  strongSubjects?: readonly string[];
  weakSubjects?: readonly string[];
  experienceYears?: number;
  /** Portrait tags from the questionnaires: leader, passive, new_student, talented, homeroom_teacher… */
  tags?: readonly string[];
}

export interface MentorCandidate extends MatchingPerson {
  /** 1 for a pair, more for a group. */
  capacity: number;
  /** Stage 4 (selection and training) completed. */
  trained: boolean;
  /** A staff member mentors alongside (the safeguarding rule for external mentors). */
  hasStaffCoMentor?: boolean;
}

export interface MenteeCandidate extends MatchingPerson {
  /** Groups of this form the mentee is already in. */
  groupsInForm?: number;
}

/** One person's stage-5 questionnaire: whom they would like, and whom not. */
export interface PairingWishes {
  person: string;
  wants?: readonly string[];
  avoids?: readonly string[];
}

export interface ScoringWeights {
  /** Points per rule key, replacing the catalog's. */
  rules?: Readonly<Record<string, number>>;
  menteeWantsMentor: number;
  mentorWantsMentee: number;
  /** 'exclude' rules the pair out; a number is added to the score (a negative penalty). */
  avoided: 'exclude' | number;
}

export const defaultWeights: ScoringWeights = { menteeWantsMentor: 30, mentorWantsMentee: 20, avoided: 'exclude' };

export interface ScoringPolicy {
  /** At most this many groups of the form per mentee. */
  maxGroupsPerMentee: number;
  /**
   * An adult external mentor with a minor: only in a group (capacity > 1) or with a staff co-mentor,
   * only with a co-mentor, or no restriction.
   */
  externalAdultWithMinor: 'group_or_co_mentor' | 'co_mentor_only' | 'allowed';
}

export const defaultPolicy: ScoringPolicy = { maxGroupsPerMentee: 1, externalAdultWithMinor: 'group_or_co_mentor' };

export interface ScoredCandidates {
  mentors: MentorSlot[];
  mentees: MenteeSlot[];
  scores: CandidateScore[];
  exclusions: Exclusion[];
}

export function scoreCandidates(
  roleModel: RoleModelRules,
  weights: ScoringWeights,
  mentors: readonly MentorCandidate[],
  mentees: readonly MenteeCandidate[],
  wishes: readonly PairingWishes[],
  policy: ScoringPolicy = defaultPolicy,
): ScoredCandidates {
  const exclusions: Exclusion[] = [];
  const groupsLeft = (mentee: MenteeCandidate) => Math.max(0, policy.maxGroupsPerMentee - (mentee.groupsInForm ?? 0));
  const eligibleMentors = mentors.filter((mentor) => {
    const codes = personExclusions(mentor, !mentor.trained);
    for (const code of codes) exclusions.push({ code, mentor: mentor.id });
    return codes.length === 0;
  });
  const eligibleMentees = mentees.filter((mentee) => {
    const codes = personExclusions(mentee, false);
    if (groupsLeft(mentee) === 0) codes.push('group_limit_reached');
    for (const code of codes) exclusions.push({ code, mentee: mentee.id });
    return codes.length === 0;
  });

  const wanted = wishSets(wishes, 'wants');
  const avoided = wishSets(wishes, 'avoids');
  const scores: CandidateScore[] = [];
  for (const mentee of eligibleMentees) {
    for (const mentor of eligibleMentors) {
      if (mentor.id === mentee.id) continue;
      const pair = { mentor: mentor.id, mentee: mentee.id };
      if (!safeguardingAllows(mentor, mentee, policy)) {
        exclusions.push({ code: 'safeguarding', ...pair });
        continue;
      }
      const reasons: ScoreReason[] = [];
      const failed = scoreRules(roleModel.rules, weights, mentor, mentee, reasons);
      if (failed) {
        exclusions.push({ code: 'rule_not_met', rule: failed, ...pair });
        continue;
      }
      const menteeAvoids = avoided.get(mentee.id)?.has(mentor.id) ?? false;
      const mentorAvoids = avoided.get(mentor.id)?.has(mentee.id) ?? false;
      if ((menteeAvoids || mentorAvoids) && weights.avoided === 'exclude') {
        exclusions.push({ code: 'avoided', ...pair });
        continue;
      }
      const preference = (applies: boolean, kind: Extract<ScoreReason, { kind: 'preference' }>['preference'], points: number) => {
        if (applies && points !== 0) reasons.push({ kind: 'preference', preference: kind, points });
      };
      preference(wanted.get(mentee.id)?.has(mentor.id) ?? false, 'mentee_wants_mentor', weights.menteeWantsMentor);
      preference(wanted.get(mentor.id)?.has(mentee.id) ?? false, 'mentor_wants_mentee', weights.mentorWantsMentee);
      // Stryker disable next-line ConditionalExpression: with 'exclude', a pair either side avoids was ruled out above, so these add nothing
      if (typeof weights.avoided === 'number') {
        preference(menteeAvoids, 'mentee_avoids_mentor', weights.avoided);
        preference(mentorAvoids, 'mentor_avoids_mentee', weights.avoided);
      }
      scores.push({ ...pair, score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons });
    }
  }
  return {
    mentors: mentors.map((mentor) => ({ id: mentor.id, capacity: mentor.capacity })),
    mentees: mentees.map((mentee) => ({ id: mentee.id, capacity: groupsLeft(mentee) })),
    scores,
    exclusions,
  };
}

function personExclusions(person: MatchingPerson, untrained: boolean): Exclusion['code'][] {
  const codes: Exclusion['code'][] = [];
  if (person.minor && !person.consent) codes.push('no_consent');
  if (untrained) codes.push('mentor_not_trained');
  return codes;
}

function safeguardingAllows(mentor: MentorCandidate, mentee: MenteeCandidate, policy: ScoringPolicy): boolean {
  if (mentor.kind !== 'external' || mentor.minor || !mentee.minor) return true;
  switch (policy.externalAdultWithMinor) {
    case 'allowed':
      return true;
    case 'co_mentor_only':
      return mentor.hasStaffCoMentor === true;
    case 'group_or_co_mentor':
      return mentor.hasStaffCoMentor === true || mentor.capacity > 1;
  }
}

/** Adds a reason per rule that holds; returns the key of the first required rule that fails, if any. */
function scoreRules(
  rules: readonly MatchingRule[],
  weights: ScoringWeights,
  mentor: MentorCandidate,
  mentee: MenteeCandidate,
  reasons: ScoreReason[],
): string | null {
  for (const rule of rules) {
    const degree = ruleDegree(rule.rule, mentor, mentee);
    if (degree === 0) {
      if (rule.required) return rule.key;
      continue;
    }
    const points = Math.round((weights.rules?.[rule.key] ?? rule.points) * degree);
    if (points !== 0) reasons.push({ kind: 'rule', rule: rule.key, points });
  }
  return null;
}

/** How far a rule holds for the pair: 0 (not at all) to 1 (fully). */
export function ruleDegree(rule: RuleCheck, mentor: MatchingPerson, mentee: MatchingPerson): number {
  switch (rule.check) {
    case 'kinds':
      return rule.mentor.includes(mentor.kind) && rule.mentee.includes(mentee.kind) ? 1 : 0;
    case 'grade_gap': {
      // A missing grade makes the gap NaN, which is within no range.
      const gap = (mentor.grade ?? Number.NaN) - (mentee.grade ?? Number.NaN);
      return gap >= rule.min && gap <= rule.max ? 1 : 0;
    }
    case 'strong_where_weak': {
      const weak = mentee.weakSubjects;
      return weak?.length ? overlap(mentor.strongSubjects, weak) / weak.length : 0;
    }
    case 'teaches_mentee_subject':
      return overlap(mentor.subjects, rule.mentee === 'strong' ? mentee.strongSubjects : mentee.weakSubjects) > 0 ? 1 : 0;
    case 'shared_subject':
      return overlap(mentor.subjects, mentee.subjects) > 0 ? 1 : 0;
    case 'experience_gap':
      return (mentor.experienceYears ?? 0) - (mentee.experienceYears ?? Number.POSITIVE_INFINITY) >= rule.years ? 1 : 0;
    case 'mentee_experience_at_most':
      return (mentee.experienceYears ?? Number.POSITIVE_INFINITY) <= rule.years ? 1 : 0;
    case 'tag':
      return (rule.side === 'mentor' ? mentor : mentee).tags?.includes(rule.tag) ? 1 : 0;
  }
}

function overlap(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (!a || !b) return 0;
  return b.filter((subject) => a.includes(subject)).length;
}

function wishSets(wishes: readonly PairingWishes[], which: 'wants' | 'avoids'): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const wish of wishes) {
    const set = sets.get(wish.person) ?? new Set<string>();
    wish[which]?.forEach((id) => {
      set.add(id);
    });
    sets.set(wish.person, set);
  }
  return sets;
}
