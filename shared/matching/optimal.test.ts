import { describe, expect, it } from 'vitest';
import { type DensePairs, type DenseProblem, denseProblem, NO_PAIR } from './dense.ts';
import { solveOptimal } from './optimal.ts';
import { bruteForceBest, constraintViolations, denseRandomProblem, objectiveOf, randomProblem, seededRandom } from './testing.ts';

describe('solveOptimal', () => {
  // Property: on small random problems (gaps, negative scores, groups, mentees taking two mentors, empty
  // capacities) the solver reaches exactly what trying every assignment reaches, and keeps every constraint.
  it('equals brute force on 1,500 random small problems', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const random = seededRandom(seed);
      const problem = randomProblem(random, {
        mentees: 1 + Math.floor(random() * 6),
        mentors: 1 + Math.floor(random() * 4),
        maxMentorCapacity: 3,
        maxMenteeCapacity: seed % 3 === 0 ? 2 : 1,
        density: 0.3 + random() * 0.7,
        maxScore: seed % 5 === 0 ? 3 : 20,
        minScore: seed % 4 === 0 ? -10 : 0,
      });
      if (seed % 7 === 0) problem.menteeAlreadyMatched = Uint8Array.from({ length: problem.menteeCount }, () => (random() < 0.3 ? 1 : 0));
      const pairs = solveOptimal(problem);
      expect(constraintViolations(problem, pairs), `seed ${seed}`).toEqual([]);
      expect(objectiveOf(problem, pairs), `seed ${seed}`).toEqual(bruteForceBest(problem));
    }
  });

  it('matches more mentees before it looks at the score', () => {
    // Mentee 0 could take mentor 0 for 100, but then mentee 1 (who can only have mentor 0) stays alone.
    const problem = denseProblem(2, 2);
    problem.score.set([100, 0, 1, -1_000_000]);
    problem.score[3] = -2_147_483_648;
    const pairs = solveOptimal(problem);
    expect(objectiveOf(problem, pairs)).toEqual({ matchedMentees: 2, total: 1 });
  });

  it('fills a whole school of dense scores: everyone matched, every group within capacity', () => {
    const problem = denseRandomProblem(seededRandom(7), 400, 100, 4, 100);
    const pairs = solveOptimal(problem);
    expect(constraintViolations(problem, pairs)).toEqual([]);
    expect(pairs.mentee.length).toBe(400);
  });

  it('handles nobody to match', () => {
    expect(solveOptimal(denseProblem(0, 3)).mentee.length).toBe(0);
    expect(solveOptimal(denseProblem(3, 0)).mentee.length).toBe(0);
  });

  it('refuses scores beyond ±1,000,000 (sums must stay exact), takes the bounds themselves', () => {
    const problem = denseProblem(1, 2);
    problem.score.set([1_000_000, -1_000_000]);
    expect(objectiveOf(problem, solveOptimal(problem))).toEqual({ matchedMentees: 1, total: 1_000_000 });
    problem.score[1] = 1_000_001;
    expect(() => solveOptimal(problem)).toThrow(new RangeError('Scores must stay within ±1000000'));
    problem.score[1] = -1_000_001;
    expect(() => solveOptimal(problem)).toThrow(RangeError);
  });

  // Property: on school-sized random problems where mentees take up to three mentors and mentors lead
  // groups (too big for brute force), the solver reaches what a plain Bellman–Ford min-cost flow reaches.
  it('equals an independent min-cost flow on 300 random medium problems', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(10_000 + seed);
      const problem = randomProblem(random, {
        mentees: 5 + Math.floor(random() * 20),
        mentors: 2 + Math.floor(random() * 7),
        maxMentorCapacity: 4,
        maxMenteeCapacity: 1 + (seed % 3),
        density: 0.2 + random() * 0.8,
        maxScore: seed % 5 === 0 ? 3 : 30,
        minScore: seed % 4 === 0 ? -10 : 0,
      });
      if (seed % 6 === 0) problem.menteeAlreadyMatched = Uint8Array.from({ length: problem.menteeCount }, () => (random() < 0.3 ? 1 : 0));
      const pairs = solveOptimal(problem);
      expect(constraintViolations(problem, pairs), `seed ${seed}`).toEqual([]);
      expect(objectiveOf(problem, pairs), `seed ${seed}`).toEqual(objectiveOf(problem, referenceFlow(problem)));
    }
  });
});

/**
 * The reference: successive shortest paths found by Bellman–Ford on an explicit arc list. Source →
 * mentee (one arc of cost −BIG for a mentee with no pair yet, the rest free), mentee → mentor (−score),
 * mentor → sink (its capacity); it augments while a path lowers the cost.
 */
function referenceFlow(problem: DenseProblem): DensePairs {
  const { menteeCount: n, mentorCount: m } = problem;
  const source = n + m;
  const sink = source + 1;
  const big = 1e9;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const arcs: number[][] = Array.from({ length: n + m + 2 }, () => []);
  const addArc = (from: number, target: number, capacity: number, arcCost: number) => {
    arcs[from]?.push(to.length);
    to.push(target);
    cap.push(capacity);
    cost.push(arcCost);
    arcs[target]?.push(to.length);
    to.push(from);
    cap.push(0);
    cost.push(-arcCost);
  };
  for (let mentee = 0; mentee < n; mentee++) {
    const capacity = problem.menteeCapacity[mentee] as number;
    if (capacity <= 0) continue;
    addArc(source, mentee, 1, problem.menteeAlreadyMatched?.[mentee] ? 0 : -big);
    if (capacity > 1) addArc(source, mentee, capacity - 1, 0);
    for (let mentor = 0; mentor < m; mentor++) {
      const score = problem.score[mentee * m + mentor] as number;
      if (score !== NO_PAIR) addArc(mentee, n + mentor, 1, -score);
    }
  }
  for (let mentor = 0; mentor < m; mentor++) addArc(n + mentor, sink, Math.max(0, problem.mentorCapacity[mentor] as number), 0);

  for (;;) {
    const dist = new Array<number>(n + m + 2).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(n + m + 2).fill(-1);
    dist[source] = 0;
    for (let round = 0, changed = true; changed && round < n + m + 2; round++) {
      changed = false;
      for (let node = 0; node < n + m + 2; node++) {
        const d = dist[node] as number;
        if (d === Number.POSITIVE_INFINITY) continue;
        for (const arc of arcs[node] ?? []) {
          const target = to[arc] as number;
          if ((cap[arc] as number) > 0 && d + (cost[arc] as number) < (dist[target] as number)) {
            dist[target] = d + (cost[arc] as number);
            via[target] = arc;
            changed = true;
          }
        }
      }
    }
    if (!((dist[sink] as number) < 0)) break;
    for (let node = sink; node !== source; ) {
      const arc = via[node] as number;
      cap[arc] = (cap[arc] as number) - 1;
      cap[arc ^ 1] = (cap[arc ^ 1] as number) + 1;
      node = to[arc ^ 1] as number;
    }
  }
  const mentees: number[] = [];
  const mentors: number[] = [];
  for (let mentee = 0; mentee < n; mentee++) {
    for (const arc of arcs[mentee] ?? []) {
      const target = to[arc] as number;
      // A forward mentee → mentor arc (even index) with its unit used.
      if (arc % 2 === 0 && target >= n && target < n + m && cap[arc] === 0) {
        mentees.push(mentee);
        mentors.push(target - n);
      }
    }
  }
  return { mentee: Int32Array.from(mentees), mentor: Int32Array.from(mentors) };
}
