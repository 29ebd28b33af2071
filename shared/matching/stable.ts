// The stable mode: deferred acceptance (Gale–Shapley) with capacities, mentees proposing.
//
// Each mentee asks its mentors from the most preferred down; a mentor holds the best proposals that
// fit its group and lets the worst go when a better one arrives. The result has no blocking pair: no
// mentee and mentor who are not paired would both rather be together than with (one of) their current
// partners or an empty place. Among stable outcomes it is the best for every mentee.
// Both sides prefer a higher score; equal scores go to the smaller rank (the id order).
import { type DensePairs, type DenseProblem, NO_PAIR } from './dense.ts';

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
    return sa !== sb ? sa > sb : (menteeRank[a] as number) < (menteeRank[b] as number);
  };

  // Held proposals: each mentor's segment of `held`, like the optimal solver's groups.
  const heldStart = new Int32Array(m + 1);
  for (let mentor = 0; mentor < m; mentor++)
    heldStart[mentor + 1] = (heldStart[mentor] as number) + Math.max(0, problem.mentorCapacity[mentor] as number);
  const held = new Int32Array(heldStart[m] as number);
  const heldCount = new Int32Array(m);
  const menteeHolds = new Int32Array(n);
  const nextChoice = new Int32Array(n);
  const choices = preferenceLists(problem, mentorRank, mentorByRank);

  const free: number[] = [];
  for (let mentee = n - 1; mentee >= 0; mentee--) if ((problem.menteeCapacity[mentee] as number) > 0) free.push(mentee);
  while (free.length > 0) {
    const mentee = free.pop() as number;
    const list = choices[mentee] as Int32Array;
    // Propose until the mentee holds as many places as it may, or has asked everyone.
    while ((menteeHolds[mentee] as number) < (problem.menteeCapacity[mentee] as number) && (nextChoice[mentee] as number) < list.length) {
      const mentor = list[nextChoice[mentee] as number] as number;
      nextChoice[mentee] = (nextChoice[mentee] as number) + 1;
      const start = heldStart[mentor] as number;
      const count = heldCount[mentor] as number;
      const capacity = (heldStart[mentor + 1] as number) - start;
      if (capacity === 0) continue;
      if (count < capacity) {
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
      if (rejected !== mentee) free.push(rejected);
    }
  }

  const mentees: number[] = [];
  const mentors: number[] = [];
  for (let mentor = 0; mentor < m; mentor++) {
    for (let slot = heldStart[mentor] as number; slot < (heldStart[mentor] as number) + (heldCount[mentor] as number); slot++) {
      mentees.push(held[slot] as number);
      mentors.push(mentor);
    }
  }
  return { mentee: Int32Array.from(mentees), mentor: Int32Array.from(mentors) };
}

/**
 * Each mentee's acceptable mentors, best first. Sorting one number per candidate — (best score −
 * score) · mentors + rank — is a plain typed-array sort, with no comparator calls.
 */
function preferenceLists(problem: DenseProblem, mentorRank: Int32Array, mentorByRank: Int32Array): Int32Array[] {
  const { mentorCount: m, menteeCount: n, score } = problem;
  const lists: Int32Array[] = [];
  const keys = new Float64Array(m);
  for (let mentee = 0; mentee < n; mentee++) {
    const row = mentee * m;
    let best = Number.NEGATIVE_INFINITY;
    for (let mentor = 0; mentor < m; mentor++) {
      const s = score[row + mentor] as number;
      if (s !== NO_PAIR && s > best) best = s;
    }
    let count = 0;
    for (let mentor = 0; mentor < m; mentor++) {
      const s = score[row + mentor] as number;
      if (s !== NO_PAIR && (problem.mentorCapacity[mentor] as number) > 0) keys[count++] = (best - s) * m + (mentorRank[mentor] as number);
    }
    const sorted = keys.subarray(0, count).sort();
    const list = new Int32Array(count);
    for (let k = 0; k < count; k++) list[k] = mentorByRank[(sorted[k] as number) % m] as number;
    lists.push(list);
  }
  return lists;
}

function identity(size: number): Int32Array {
  const order = new Int32Array(size);
  for (let k = 0; k < size; k++) order[k] = k;
  return order;
}
