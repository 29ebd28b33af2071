// `match`: pairs mentors and mentees by id. Checks the input, applies the hard constraints the
// scores do not carry (forbidden and pinned pairs, nobody with themself), runs a solver on the
// dense form, and explains every pair and every mentee left without one.
import { type DensePairs, type DenseProblem, MAX_ABS_SCORE, NO_PAIR } from './dense.ts';
import { solveOptimal } from './optimal.ts';
import { solveStable } from './stable.ts';
import {
  type CandidateRuledOut,
  type CandidateScore,
  type Exclusion,
  type ExclusionCode,
  type MatchedPair,
  MatchInputError,
  type MatchOptions,
  type MatchProblem,
  type MatchResult,
  type MenteeSlot,
  type MentorSlot,
  type PairExplanation,
  type UnmatchedExplanation,
} from './types.ts';

export function match(problem: MatchProblem, options: MatchOptions): MatchResult {
  const indexed = indexProblem(problem);
  const solved = options.mode === 'stable' ? solveStable(indexed.dense) : solveOptimal(indexed.dense);
  return describeResult(problem, indexed, solved);
}

interface IndexedProblem {
  dense: DenseProblem;
  mentorIndex: Map<string, number>;
  menteeIndex: Map<string, number>;
  /** Which score entry each pair has, by dense key (mentee · mentors + mentor): its index + 1, or 0. */
  scored: ScoreEntries;
  forbidden: Set<number>;
  pinned: { mentor: number; mentee: number }[];
  exclusions: ExclusionIndex;
}

function indexProblem(problem: MatchProblem): IndexedProblem {
  const problems: string[] = [];
  const mentorIndex = indexIds(problem.mentors, 'mentor', problems);
  const menteeIndex = indexIds(problem.mentees, 'mentee', problems);
  const m = problem.mentors.length;
  const n = problem.mentees.length;
  const dense: DenseProblem = {
    mentorCount: m,
    menteeCount: n,
    score: new Int32Array(n * m).fill(NO_PAIR),
    mentorCapacity: Int32Array.from(problem.mentors, (mentor) => mentor.capacity),
    menteeCapacity: Int32Array.from(problem.mentees, (mentee) => mentee.capacity ?? 1),
    menteeAlreadyMatched: new Uint8Array(n),
    mentorRank: ranksById(problem.mentors),
    menteeRank: ranksById(problem.mentees),
  };
  for (const mentor of problem.mentors) checkCapacity(mentor.capacity, `Mentor ${mentor.id}`, problems);
  for (const mentee of problem.mentees) if (mentee.capacity !== undefined) checkCapacity(mentee.capacity, `Mentee ${mentee.id}`, problems);

  // Resolves a [mentor, mentee] pair to its dense key, or reports what is wrong with it.
  const keyOf = (mentorId: string, menteeId: string, what: string): number | null => {
    const mentor = mentorIndex.get(mentorId);
    const mentee = menteeIndex.get(menteeId);
    if (mentor === undefined) problems.push(`${what} (${mentorId}, ${menteeId}): no mentor has the id ${mentorId}`);
    if (mentee === undefined) problems.push(`${what} (${mentorId}, ${menteeId}): no mentee has the id ${menteeId}`);
    return mentor === undefined || mentee === undefined ? null : mentee * m + mentor;
  };

  const scored = new ScoreEntries(problem.scores, n * m);
  for (const [k, entry] of problem.scores.entries()) {
    const key = keyOf(entry.mentor, entry.mentee, 'Score for');
    if (key === null) continue;
    if (!Number.isInteger(entry.score) || Math.abs(entry.score) > MAX_ABS_SCORE) {
      problems.push(`Score for (${entry.mentor}, ${entry.mentee}) must be an integer within ±${MAX_ABS_SCORE}, got ${entry.score}`);
    } else if (scored.has(key)) {
      problems.push(`Score for (${entry.mentor}, ${entry.mentee}) is given twice`);
    } else {
      scored.set(key, k);
      // Somebody may be both a mentee and a mentor (a 9th-grader mentored and mentoring), never of themself.
      if (entry.mentor !== entry.mentee) dense.score[key] = entry.score;
    }
  }

  const forbidden = new Set<number>();
  for (const [mentorId, menteeId] of problem.forbidden ?? []) {
    const key = keyOf(mentorId, menteeId, 'Forbidden pair');
    // Stryker disable next-line ConditionalExpression: the unknown id is already a problem and nothing reads `forbidden` before the throw
    if (key === null) continue;
    forbidden.add(key);
    dense.score[key] = NO_PAIR;
  }

  const pinned: { mentor: number; mentee: number }[] = [];
  const pinnedKeys = new Set<number>();
  for (const [mentorId, menteeId] of problem.pinned ?? []) {
    const key = keyOf(mentorId, menteeId, 'Pinned pair');
    if (key === null) continue;
    const pair = `Pinned pair (${mentorId}, ${menteeId})`;
    const mentor = key % m;
    const mentee = Math.floor(key / m);
    if (pinnedKeys.has(key)) problems.push(`${pair} is given twice`);
    else if (mentorId === menteeId) problems.push(`${pair}: nobody can mentor themself`);
    else if (forbidden.has(key)) problems.push(`${pair} is also forbidden`);
    else if (!scored.has(key)) problems.push(`${pair} has no score (only scored pairs may be formed)`);
    else if ((dense.mentorCapacity[mentor] as number) <= 0) problems.push(`${pair}: mentor ${mentorId} has no place left for it`);
    else if ((dense.menteeCapacity[mentee] as number) <= 0) problems.push(`${pair}: mentee ${menteeId} may not get another mentor`);
    else {
      // The pinned pair takes its places; the solver works on what is left and never forms it again.
      pinnedKeys.add(key);
      pinned.push({ mentor, mentee });
      dense.mentorCapacity[mentor] = (dense.mentorCapacity[mentor] as number) - 1;
      dense.menteeCapacity[mentee] = (dense.menteeCapacity[mentee] as number) - 1;
      (dense.menteeAlreadyMatched as Uint8Array)[mentee] = 1;
      dense.score[key] = NO_PAIR;
    }
  }

  if (problems.length > 0) throw new MatchInputError(problems);
  return { dense, mentorIndex, menteeIndex, scored, forbidden, pinned, exclusions: indexExclusions(problem.exclusions) };
}

/** A flat index from pair to score entry: a Map of a million pairs would cost more than the solve. */
class ScoreEntries {
  private readonly entries: readonly CandidateScore[];
  private readonly at: Int32Array;
  constructor(entries: readonly CandidateScore[], pairs: number) {
    this.entries = entries;
    this.at = new Int32Array(pairs);
  }
  has(key: number): boolean {
    return (this.at[key] as number) > 0;
  }
  set(key: number, entry: number): void {
    this.at[key] = entry + 1;
  }
  get(key: number): CandidateScore {
    return this.entries[(this.at[key] as number) - 1] as CandidateScore;
  }
}

function indexIds(people: readonly { id: string }[], role: string, problems: string[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((person, k) => {
    if (index.has(person.id)) problems.push(`The ${role} id ${person.id} appears twice`);
    else index.set(person.id, k);
  });
  return index;
}

function checkCapacity(capacity: number, who: string, problems: string[]): void {
  if (!Number.isInteger(capacity) || capacity < 0) problems.push(`${who}: capacity must be a whole number ≥ 0, got ${capacity}`);
}

/** Rank of each person by id (code-unit order, as `sort()` compares strings): the stable mode's tie-break. */
function ranksById(people: readonly { id: string }[]): Int32Array {
  // A duplicate id, an input error thrown before any solve, just shares one rank.
  const rankOf = new Map(
    people
      .map((person) => person.id)
      .sort()
      .map((id, rank) => [id, rank]),
  );
  return Int32Array.from(people, (person) => rankOf.get(person.id) as number);
}

function describeResult(problem: MatchProblem, indexed: IndexedProblem, solved: DensePairs): MatchResult {
  const m = problem.mentors.length;
  const all = [
    ...indexed.pinned.map((pair) => ({ ...pair, pinned: true })),
    ...Array.from(solved.mentee, (mentee, p) => ({ mentee, mentor: solved.mentor[p] as number, pinned: false })),
  ].sort((a, b) => a.mentor - b.mentor || a.mentee - b.mentee);

  const explained: PairExplanation[] = all.map(({ mentor, mentee, pinned }) => {
    const entry = indexed.scored.get(mentee * m + mentor);
    return { mentor: entry.mentor, mentee: entry.mentee, score: entry.score, pinned, reasons: entry.reasons ?? [] };
  });
  const pairs: MatchedPair[] = explained.map(({ mentor, mentee, score }) => ({ mentor, mentee, score }));
  const total = pairs.reduce((sum, pair) => sum + pair.score, 0);

  const matched = new Uint8Array(problem.mentees.length);
  for (const { mentee } of all) matched[mentee] = 1;
  const unmatchedIndices = problem.mentees.map((_, k) => k).filter((k) => !matched[k]);
  return {
    pairs,
    total,
    unmatched: unmatchedIndices.map((k) => (problem.mentees[k] as { id: string }).id),
    explanations: {
      pairs: explained,
      unmatched: unmatchedIndices.map((mentee) => explainUnmatched(problem, indexed, mentee)),
    },
  };
}

function explainUnmatched(problem: MatchProblem, indexed: IndexedProblem, mentee: number): UnmatchedExplanation {
  const slot = problem.mentees[mentee] as MenteeSlot;
  const menteeId = slot.id;
  const own = indexed.exclusions.ofMentee.get(menteeId);
  if (own) return { mentee: menteeId, reason: { code: 'excluded', exclusions: [...own] } };
  if (slot.capacity === 0) return { mentee: menteeId, reason: { code: 'no_capacity' } };

  const m = problem.mentors.length;
  const candidates: string[] = [];
  const why: Partial<Record<CandidateRuledOut, number>> = {};
  problem.mentors.forEach((mentor, k) => {
    const ruledOut = ruledOutBecause(indexed, mentor, menteeId, mentee * m + k);
    if (ruledOut === null) candidates.push(mentor.id);
    else why[ruledOut] = (why[ruledOut] ?? 0) + 1;
  });
  if (candidates.length === 0) return { mentee: menteeId, reason: { code: 'no_candidates', why } };
  // Had one of them kept a free place, either mode would have used it: more matched mentees in the
  // optimal mode, a blocking pair in the stable one.
  return { mentee: menteeId, reason: { code: 'candidates_full', mentors: candidates } };
}

/** Why this mentor cannot take this mentee at all, or null when it could. */
function ruledOutBecause(indexed: IndexedProblem, mentor: MentorSlot, menteeId: string, key: number): CandidateRuledOut | null {
  if (mentor.id === menteeId) return 'same_person';
  if (indexed.forbidden.has(key)) return 'forbidden';
  const excluded = indexed.exclusions.ofMentor.get(mentor.id)?.[0] ?? indexed.exclusions.ofPair.get(pairKey(mentor.id, menteeId));
  if (excluded) return excluded;
  if (!indexed.scored.has(key)) return 'not_scored';
  if (mentor.capacity === 0) return 'no_places';
  return null;
}

interface ExclusionIndex {
  ofMentor: Map<string, ExclusionCode[]>;
  ofMentee: Map<string, ExclusionCode[]>;
  ofPair: Map<string, ExclusionCode>;
}

function indexExclusions(exclusions: readonly Exclusion[] | undefined): ExclusionIndex {
  const index: ExclusionIndex = { ofMentor: new Map(), ofMentee: new Map(), ofPair: new Map() };
  const addTo = (map: Map<string, ExclusionCode[]>, id: string, code: ExclusionCode) => {
    const codes = map.get(id) ?? [];
    if (!codes.includes(code)) codes.push(code);
    map.set(id, codes);
  };
  exclusions?.forEach(({ code, mentor, mentee }) => {
    if (mentor !== undefined && mentee !== undefined) {
      const key = pairKey(mentor, mentee);
      if (!index.ofPair.has(key)) index.ofPair.set(key, code);
    } else if (mentor !== undefined) {
      addTo(index.ofMentor, mentor, code);
    } else {
      // Stryker disable next-line ConditionalExpression: an exclusion naming nobody would be filed under the id undefined, which no mentee has
      if (mentee !== undefined) addTo(index.ofMentee, mentee, code);
    }
  });
  return index;
}

function pairKey(mentorId: string, menteeId: string): string {
  return `${mentorId}\u0000${menteeId}`;
}
