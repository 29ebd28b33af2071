import { describe, expect, it } from 'vitest';
import { denseProblem } from './dense.ts';
import { solveStable } from './stable.ts';
import { blockingPairs, constraintViolations, randomProblem, seededRandom } from './testing.ts';

describe('solveStable', () => {
  it('leaves no blocking pair and keeps every constraint on 1,000 random problems', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seededRandom(seed);
      const problem = randomProblem(random, {
        mentees: 1 + Math.floor(random() * 12),
        mentors: 1 + Math.floor(random() * 6),
        maxMentorCapacity: 3,
        maxMenteeCapacity: seed % 3 === 0 ? 2 : 1,
        density: 0.3 + random() * 0.7,
        // Few distinct scores: ties must be broken the same way by both sides.
        maxScore: seed % 2 === 0 ? 3 : 50,
        minScore: seed % 4 === 0 ? -5 : 0,
      });
      const pairs = solveStable(problem);
      expect(constraintViolations(problem, pairs), `seed ${seed}`).toEqual([]);
      expect(blockingPairs(problem, pairs), `seed ${seed}`).toEqual([]);
    }
  });

  it('keeps the pair both sides like best, even where the optimal mode would not', () => {
    // Mentee 0 and mentor 0 rate each other 10, the best score of all: no stable outcome separates them,
    // although 8 + 9 (the optimal total) beats 10 + 1.
    const problem = denseProblem(2, 2);
    problem.score.set([10, 8, 9, 1]);
    const pairs = solveStable(problem);
    expect([...pairs.mentee].map((mentee, p) => [mentee, pairs.mentor[p]]).sort()).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('breaks equal scores by rank on both sides', () => {
    const problem = denseProblem(2, 2);
    problem.score.fill(5);
    problem.mentorCapacity.set([1, 0]);
    problem.menteeRank = Int32Array.from([1, 0]);
    const pairs = solveStable(problem);
    // Mentor 0 has one place and prefers mentee 1, whose rank is smaller.
    expect([...pairs.mentee]).toEqual([1]);
  });
});
