// The stable mode: deferred acceptance (Gale–Shapley) with capacities, mentees proposing.
//
// Each mentee asks its mentors from the most preferred down; a mentor holds the best proposals that
// fit its group and lets the worst go when a better one arrives. The result has no blocking pair: no
// mentee and mentor who are not paired would both rather be together than with (one of) their current
// partners or an empty place. Among stable outcomes it is the best for every mentee.
// Both sides prefer a higher score; equal scores go to the smaller rank (the id order).
import { type DensePairs, type DenseProblem, MAX_ABS_SCORE, NO_PAIR } from './dense.ts';

export function solveStable(problem: DenseProblem): DensePairs {
  const { mentorCount: m, menteeCount: n, score } = problem;
  const mentorRank = problem.mentorRank ?? identity(m);
  const menteeRank = problem.menteeRank ?? identity(n);
  const mentorByRank = new Int32Array(m);
  mentorRank.forEach((rank, mentor) => {
    mentorByRank[rank] = mentor;
  });

  // A mentor prefers mentee a to mentee b.
  const mentorPrefers = (mentor: number, a: number, b: number): boolean => {
    const sa = score[a * m + mentor] as number;
    const sb = score[b * m + mentor] as number;
    // Stryker disable next-line EqualityOperator: `>` meets only different scores, `<` only different ranks (ranks are a permutation and a ≠ b, a mentor never holds a mentee twice), so `>=` and `<=` agree
    return sa !== sb ? sa > sb : (menteeRank[a] as number) < (menteeRank[b] as number);
  };

  // Held proposals: each mentor's segment of `held`, like the optimal solver's groups.
  const heldStart = new Int32Array(m + 1);
  problem.mentorCapacity.forEach((capacity, mentor) => {
    heldStart[mentor + 1] = (heldStart[mentor] as number) + Math.max(0, capacity);
  });
  const held = new Int32Array(heldStart[m] as number);
  const heldCount = new Int32Array(m);
  const menteeHolds = new Int32Array(n);
  const nextChoice = new Int32Array(n);
  const choices = preferenceLists(problem, mentorRank, mentorByRank);

  // Every mentee starts free. The order in which free mentees propose does not change the outcome
  // (the mentee-optimal stable matching), only the order of the mentees within a mentor's segment.
  const free = Array.from(identity(n));
  while (free.length > 0) {
    const mentee = free.pop() as number;
    const capacity = problem.menteeCapacity[mentee] as number;
    // Propose, best first, until the mentee holds as many places as it may, or has asked everyone.
    const list = choices[mentee] as Int32Array;
    // Stryker disable next-line EqualityOperator: a proposal one past the list reads no mentor (undefined), whom no test of capacity or preference lets take anyone
    while ((menteeHolds[mentee] as number) < capacity && (nextChoice[mentee] as number) < list.length) {
      const mentor = list[nextChoice[mentee] as number] as number;
      nextChoice[mentee] = (nextChoice[mentee] as number) + 1;
      const start = heldStart[mentor] as number;
      const count = heldCount[mentor] as number;
      // The lists hold only mentors with a place, so a full group has at least one mentee to compare.
      if (count < (heldStart[mentor + 1] as number) - start) {
        held[start + count] = mentee;
        heldCount[mentor] = count + 1;
        menteeHolds[mentee] = (menteeHolds[mentee] as number) + 1;
        continue;
      }
      let worst = start;
      for (let slot = start + 1; slot < start + count; slot++) {
        if (mentorPrefers(mentor, held[worst] as number, held[slot] as number)) worst = slot;
      }
      const rejected = held[worst] as number;
      if (!mentorPrefers(mentor, mentee, rejected)) continue;
      held[worst] = mentee;
      menteeHolds[mentee] = (menteeHolds[mentee] as number) + 1;
      menteeHolds[rejected] = (menteeHolds[rejected] as number) - 1;
      // The rejected mentee proposes again later (it may already be waiting for another place).
      free.push(rejected);
    }
  }

  const mentees: number[] = [];
  const mentors: number[] = [];
  heldCount.forEach((count, mentor) => {
    const start = heldStart[mentor] as number;
    for (const mentee of held.subarray(start, start + count)) {
      mentees.push(mentee);
      mentors.push(mentor);
    }
  });
  return { mentee: Int32Array.from(mentees), mentor: Int32Array.from(mentors) };
}

/**
 * Each mentee's acceptable mentors (those with a place), best first. Sorting one number per candidate —
 * (MAX_ABS_SCORE − score) · mentors + rank, never negative — is a plain typed-array sort, with no
 * comparator calls.
 */
function preferenceLists(problem: DenseProblem, mentorRank: Int32Array, mentorByRank: Int32Array): Int32Array[] {
  const { mentorCount: m, menteeCount: n, score } = problem;
  const keys = new Float64Array(m);
  return Array.from({ length: n }, (_, mentee) => {
    const row = mentee * m;
    let count = 0;
    // The hot loop of the stable mode (every pair once): a plain loop, not a callback per pair.
    // Stryker disable next-line EqualityOperator: column m reads the next row's first score, and mentorCapacity[m] is undefined, so nothing is added
    for (let mentor = 0; mentor < m; mentor++) {
      const s = score[row + mentor] as number;
      if (s !== NO_PAIR && (problem.mentorCapacity[mentor] as number) > 0)
        keys[count++] = (MAX_ABS_SCORE - s) * m + (mentorRank[mentor] as number);
    }
    const sorted = keys.subarray(0, count).sort();
    const list = new Int32Array(count);
    // Stryker disable next-line EqualityOperator: index count is past both arrays (the write is dropped)
    for (let k = 0; k < count; k++) list[k] = mentorByRank[(sorted[k] as number) % m] as number;
    return list;
  });
}

function identity(size: number): Int32Array {
  return Int32Array.from({ length: size }, (_, k) => k);
}
