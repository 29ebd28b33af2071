// The pair-formation engine of stage 5 («Формирование пар / групп»): pure TypeScript, no I/O.
//   scoreCandidates(roleModelRules, weights, mentors, mentees, wishes, policy?) → mentors, mentees, scores (with reasons), exclusions
//   match({ ...scored, forbidden, pinned }, { mode: 'optimal' | 'stable' }) → pairs, total, unmatched, explanations

export { type MatchInput, matchInput } from './input.ts';
export { match } from './match.ts';
export { type MatchingRule, matchingRules, type RoleModelRules, type RuleCheck, rulesFor } from './rules.ts';
export {
  defaultPolicy,
  defaultWeights,
  type MatchingPerson,
  type MenteeCandidate,
  type MentorCandidate,
  type PairingWishes,
  type ScoredCandidates,
  type ScoringPolicy,
  type ScoringWeights,
  scoreCandidates,
} from './scoring.ts';
export * from './types.ts';
