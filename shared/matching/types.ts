// The engine's public shapes: what a caller (the API route, the CLI) gives `match` and gets back.
// Reasons are codes with data, never sentences: the extension renders them in Russian or English.

export type MatchMode = 'optimal' | 'stable';

export interface MentorSlot {
  id: string;
  /** How many mentees the mentor takes: 1 for a pair, more for a group. */
  capacity: number;
}

export interface MenteeSlot {
  id: string;
  /** How many mentors (groups of this form) the mentee may still get; default 1. */
  capacity?: number;
}

/** Why a pair scores what it does: one entry per catalog rule or questionnaire answer that counted. */
export type ScoreReason =
  | { kind: 'rule'; rule: string; points: number }
  | { kind: 'preference'; preference: PreferenceKind; points: number };

export type PreferenceKind = 'mentee_wants_mentor' | 'mentor_wants_mentee' | 'mentee_avoids_mentor' | 'mentor_avoids_mentee';

export interface CandidateScore {
  mentor: string;
  mentee: string;
  score: number;
  reasons?: ScoreReason[];
}

/** Why someone, or some pair, cannot be matched at all — found while scoring (see scoring.ts). */
export type ExclusionCode =
  | 'no_consent' // a minor without a valid guardian's consent (152-ФЗ)
  | 'mentor_not_trained' // stage 4 not completed
  | 'group_limit_reached' // the mentee already has k groups of this form
  | 'rule_not_met' // a required rule of the role model (e.g. same subject) fails
  | 'avoided' // one side asked not to be paired with the other
  | 'safeguarding'; // an adult external mentor alone with a minor

export interface Exclusion {
  code: ExclusionCode;
  /** Set for a person-level exclusion of a mentor, or for a pair. */
  mentor?: string;
  /** Set for a person-level exclusion of a mentee, or for a pair. */
  mentee?: string;
  /** For `rule_not_met`: which rule. */
  rule?: string;
}

export interface MatchProblem {
  mentors: readonly MentorSlot[];
  mentees: readonly MenteeSlot[];
  /** Only scored pairs may be formed. */
  scores: readonly CandidateScore[];
  /** [mentorId, menteeId] pairs the curator ruled out. */
  forbidden?: readonly (readonly [string, string])[];
  /** [mentorId, menteeId] pairs the curator fixed: always in the result, they use up places. */
  pinned?: readonly (readonly [string, string])[];
  /** From scoring: used only to explain why someone stayed unmatched. */
  exclusions?: readonly Exclusion[];
}

export interface MatchOptions {
  mode: MatchMode;
}

export interface MatchedPair {
  mentor: string;
  mentee: string;
  score: number;
}

export interface PairExplanation extends MatchedPair {
  pinned: boolean;
  reasons: ScoreReason[];
}

/** Why a mentee has no mentor. */
export type UnmatchedReason =
  /** The mentee itself is excluded (e.g. no consent). */
  | { code: 'excluded'; exclusions: ExclusionCode[] }
  /** The mentee may not get another mentor (capacity 0). */
  | { code: 'no_capacity' }
  /** No mentor may be paired with it; `why` counts the mentors by the reason they are ruled out. */
  | { code: 'no_candidates'; why: Partial<Record<CandidateRuledOut, number>> }
  /** Every mentor it may have is full with mentees the solution needs there. */
  | { code: 'candidates_full'; mentors: string[] };

export type CandidateRuledOut = ExclusionCode | 'forbidden' | 'not_scored' | 'same_person' | 'no_places';

export interface UnmatchedExplanation {
  mentee: string;
  reason: UnmatchedReason;
}

export interface MatchResult {
  pairs: MatchedPair[];
  total: number;
  /** Mentee ids with no mentor, in input order. */
  unmatched: string[];
  explanations: {
    pairs: PairExplanation[];
    unmatched: UnmatchedExplanation[];
  };
}

/** Input that cannot be matched as given (unknown ids, duplicates, a pinned pair that breaks a rule…). */
export class MatchInputError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid matching input:\n- ${problems.join('\n- ')}`);
    this.name = 'MatchInputError';
    this.problems = problems;
  }
}
