// The solvers' view of a matching problem: people as indices, scores in one flat typed array.
// A whole school (thousands × hundreds) fits in a few megabytes and the inner loops touch
// contiguous memory; `match.ts` translates ids to indices and back.

/** Marks a mentor–mentee pair that may not be formed (no score, forbidden, the same person…). */
export const NO_PAIR = -2_147_483_648;

/** Scores stay within ±1e6 so that every sum and potential the solvers form is an exact double. */
export const MAX_ABS_SCORE = 1_000_000;

export interface DenseProblem {
  mentorCount: number;
  menteeCount: number;
  /** Row per mentee: `score[mentee * mentorCount + mentor]`, or NO_PAIR. */
  score: Int32Array;
  /** How many more mentees each mentor takes (0 when pinned pairs already fill the group). */
  mentorCapacity: Int32Array;
  /** How many more mentors each mentee may get (usually 1: at most k groups per form, minus those it has). */
  menteeCapacity: Int32Array;
  /**
   * 1 for a mentee that already has a pair (a pinned one): leaving it without another costs nothing,
   * so "most mentees matched" does not push it ahead of a mentee with no pair at all.
   */
  menteeAlreadyMatched?: Uint8Array;
  /** Tie-breaking order for the stable mode (smaller = preferred on equal scores); default: the index. */
  mentorRank?: Int32Array;
  menteeRank?: Int32Array;
}

/** Pairs as two parallel arrays of indices (pair p = mentee[p] with mentor[p]). */
export interface DensePairs {
  mentee: Int32Array;
  mentor: Int32Array;
}

/** An empty problem of the given size, every pair NO_PAIR, every capacity 1: tests and the benchmark fill it in. */
export function denseProblem(menteeCount: number, mentorCount: number): DenseProblem {
  return {
    menteeCount,
    mentorCount,
    score: new Int32Array(menteeCount * mentorCount).fill(NO_PAIR),
    mentorCapacity: new Int32Array(mentorCount).fill(1),
    menteeCapacity: new Int32Array(menteeCount).fill(1),
  };
}

export function pairScore(problem: DenseProblem, mentee: number, mentor: number): number {
  return problem.score[mentee * problem.mentorCount + mentor] ?? NO_PAIR;
}

export function totalScore(problem: DenseProblem, pairs: DensePairs): number {
  let total = 0;
  for (let p = 0; p < pairs.mentee.length; p++) total += pairScore(problem, pairs.mentee[p] ?? 0, pairs.mentor[p] ?? 0);
  return total;
}
