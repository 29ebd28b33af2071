import { describe, expect, it } from 'vitest';
import { denseProblem, NO_PAIR, pairScore, totalScore } from './dense.ts';

describe('pairScore and totalScore', () => {
  // Two mentees, three mentors: row per mentee.
  const problem = denseProblem(2, 3);
  problem.score.set([5, 7, NO_PAIR, -2, 11, 13]);

  it('reads a pair’s score from its mentee’s row', () => {
    expect(pairScore(problem, 0, 1)).toBe(7);
    expect(pairScore(problem, 1, 0)).toBe(-2);
    expect(pairScore(problem, 1, 2)).toBe(13);
    expect(pairScore(problem, 0, 2)).toBe(NO_PAIR);
  });

  it('a pair outside the problem has no score', () => {
    expect(pairScore(problem, 2, 0)).toBe(NO_PAIR);
  });

  it('sums the scores of the pairs formed', () => {
    const pairs = { mentee: Int32Array.from([0, 1, 1]), mentor: Int32Array.from([1, 0, 2]) };
    expect(totalScore(problem, pairs)).toBe(7 - 2 + 13);
    expect(totalScore(problem, { mentee: new Int32Array(0), mentor: new Int32Array(0) })).toBe(0);
  });
});
