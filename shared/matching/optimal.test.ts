import { describe, expect, it } from 'vitest';
import { denseProblem } from './dense.ts';
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
});
