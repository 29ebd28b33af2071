// Helpers for the tests and the benchmark: seeded random problems, an exhaustive solver to compare
// against, and the stability check. Not used by the engine itself.
import { type DensePairs, type DenseProblem, denseProblem, NO_PAIR } from './dense.ts';

/** Mulberry32: a tiny seeded generator, so that a failing random case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export interface RandomProblemShape {
  mentees: number;
  mentors: number;
  maxMentorCapacity: number;
  maxMenteeCapacity: number;
  /** Share of pairs that have a score (the rest are NO_PAIR). */
  density: number;
  maxScore: number;
  minScore?: number;
}

export function randomProblem(random: () => number, shape: RandomProblemShape): DenseProblem {
  const problem = denseProblem(shape.mentees, shape.mentors);
  for (let k = 0; k < problem.score.length; k++) {
    if (random() < shape.density) problem.score[k] = randomInt(random, shape.minScore ?? 0, shape.maxScore);
  }
  for (let mentor = 0; mentor < shape.mentors; mentor++) problem.mentorCapacity[mentor] = randomInt(random, 0, shape.maxMentorCapacity);
  for (let mentee = 0; mentee < shape.mentees; mentee++) problem.menteeCapacity[mentee] = randomInt(random, 0, shape.maxMenteeCapacity);
  return problem;
}

/** Dense integer scores for every pair, as in the benchmark. */
export function denseRandomProblem(
  random: () => number,
  mentees: number,
  mentors: number,
  capacity: number,
  maxScore: number,
): DenseProblem {
  const problem = denseProblem(mentees, mentors);
  for (let k = 0; k < problem.score.length; k++) problem.score[k] = Math.floor(random() * (maxScore + 1));
  problem.mentorCapacity.fill(capacity);
  return problem;
}

export interface Objective {
  matchedMentees: number;
  total: number;
}

export function objectiveOf(problem: DenseProblem, pairs: DensePairs): Objective {
  const matched = new Set<number>();
  let total = 0;
  for (let p = 0; p < pairs.mentee.length; p++) {
    const mentee = pairs.mentee[p] as number;
    if (!problem.menteeAlreadyMatched?.[mentee]) matched.add(mentee);
    total += problem.score[mentee * problem.mentorCount + (pairs.mentor[p] as number)] as number;
  }
  return { matchedMentees: matched.size, total };
}

/** The best objective by trying every feasible set of pairs: only for a handful of people. */
export function bruteForceBest(problem: DenseProblem): Objective {
  const { menteeCount: n, mentorCount: m, score } = problem;
  const mentorLeft = Int32Array.from(problem.mentorCapacity);
  let best: Objective = { matchedMentees: -1, total: Number.NEGATIVE_INFINITY };

  // Mentee by mentee, then mentor by mentor: take the pair or not.
  const visit = (mentee: number, mentor: number, menteeLeft: number, menteeHasPair: boolean, acc: Objective): void => {
    if (mentee === n) {
      if (acc.matchedMentees > best.matchedMentees || (acc.matchedMentees === best.matchedMentees && acc.total > best.total))
        best = { ...acc };
      return;
    }
    if (mentor === m || menteeLeft === 0) {
      const counted = menteeHasPair && !problem.menteeAlreadyMatched?.[mentee] ? 1 : 0;
      const next = { matchedMentees: acc.matchedMentees + counted, total: acc.total };
      visit(mentee + 1, 0, (problem.menteeCapacity[mentee + 1] as number) ?? 0, false, next);
      return;
    }
    visit(mentee, mentor + 1, menteeLeft, menteeHasPair, acc);
    const s = score[mentee * m + mentor] as number;
    if (s !== NO_PAIR && (mentorLeft[mentor] as number) > 0) {
      mentorLeft[mentor] = (mentorLeft[mentor] as number) - 1;
      visit(mentee, mentor + 1, menteeLeft - 1, true, { matchedMentees: acc.matchedMentees, total: acc.total + s });
      mentorLeft[mentor] = (mentorLeft[mentor] as number) + 1;
    }
  };
  visit(0, 0, n > 0 ? (problem.menteeCapacity[0] as number) : 0, false, { matchedMentees: 0, total: 0 });
  return best;
}

/** Every constraint a solution must keep: allowed pairs only, each at most once, capacities on both sides. */
export function constraintViolations(problem: DenseProblem, pairs: DensePairs): string[] {
  const violations: string[] = [];
  const mentorLoad = new Int32Array(problem.mentorCount);
  const menteeLoad = new Int32Array(problem.menteeCount);
  const seen = new Set<number>();
  for (let p = 0; p < pairs.mentee.length; p++) {
    const mentee = pairs.mentee[p] as number;
    const mentor = pairs.mentor[p] as number;
    const key = mentee * problem.mentorCount + mentor;
    if (problem.score[key] === NO_PAIR) violations.push(`pair ${mentee}–${mentor} is not allowed`);
    if (seen.has(key)) violations.push(`pair ${mentee}–${mentor} twice`);
    seen.add(key);
    mentorLoad[mentor] = (mentorLoad[mentor] as number) + 1;
    menteeLoad[mentee] = (menteeLoad[mentee] as number) + 1;
  }
  mentorLoad.forEach((load, mentor) => {
    if (load > (problem.mentorCapacity[mentor] as number)) violations.push(`mentor ${mentor} over capacity`);
  });
  menteeLoad.forEach((load, mentee) => {
    if (load > (problem.menteeCapacity[mentee] as number)) violations.push(`mentee ${mentee} over capacity`);
  });
  return violations;
}

/**
 * Pairs (mentee, mentor) not formed where both would rather be together: each has a free place, or
 * prefers the other to its worst current partner (higher score first, then the smaller index).
 */
export function blockingPairs(problem: DenseProblem, pairs: DensePairs): [number, number][] {
  const { menteeCount: n, mentorCount: m, score } = problem;
  const mentorsOf: number[][] = Array.from({ length: n }, () => []);
  const menteesOf: number[][] = Array.from({ length: m }, () => []);
  for (let p = 0; p < pairs.mentee.length; p++) {
    mentorsOf[pairs.mentee[p] as number]?.push(pairs.mentor[p] as number);
    menteesOf[pairs.mentor[p] as number]?.push(pairs.mentee[p] as number);
  }
  const s = (mentee: number, mentor: number) => score[mentee * m + mentor] as number;
  // `a` is better than `b` for someone scoring them with `scoreOf`.
  const better = (a: number, b: number, scoreOf: (x: number) => number) => scoreOf(a) > scoreOf(b) || (scoreOf(a) === scoreOf(b) && a < b);
  const wants = (partners: number[], capacity: number, candidate: number, scoreOf: (x: number) => number) =>
    partners.length < capacity || partners.some((partner) => better(candidate, partner, scoreOf));
  const blocking: [number, number][] = [];
  for (let mentee = 0; mentee < n; mentee++) {
    const mentors = mentorsOf[mentee] ?? [];
    for (let mentor = 0; mentor < m; mentor++) {
      if (s(mentee, mentor) === NO_PAIR || mentors.includes(mentor)) continue;
      const menteeWants = wants(mentors, problem.menteeCapacity[mentee] as number, mentor, (x) => s(mentee, x));
      const mentorWants = wants(menteesOf[mentor] ?? [], problem.mentorCapacity[mentor] as number, mentee, (x) => s(x, mentor));
      if (menteeWants && mentorWants) blocking.push([mentee, mentor]);
    }
  }
  return blocking;
}
