import { describe, expect, it } from 'vitest';
import { match } from './match.ts';
import { seededRandom } from './testing.ts';
import { MatchInputError, type MatchMode, type MatchProblem } from './types.ts';

const modes: MatchMode[] = ['optimal', 'stable'];

/** A small school: two mentors (one takes a group of two), four mentees. */
function school(): MatchProblem {
  return {
    mentors: [
      { id: 'ivanova', capacity: 2 },
      { id: 'petrov', capacity: 1 },
    ],
    mentees: [{ id: 'anya' }, { id: 'boris' }, { id: 'vera' }, { id: 'gleb' }],
    scores: [
      { mentor: 'ivanova', mentee: 'anya', score: 90, reasons: [{ kind: 'rule', rule: 'strong_where_weak', points: 90 }] },
      { mentor: 'ivanova', mentee: 'boris', score: 40 },
      { mentor: 'petrov', mentee: 'boris', score: 70 },
      { mentor: 'petrov', mentee: 'vera', score: 60 },
      { mentor: 'ivanova', mentee: 'vera', score: 10 },
    ],
  };
}

describe('match', () => {
  it('optimal: most mentees first, then the best total', () => {
    const result = match(school(), { mode: 'optimal' });
    expect(result.pairs).toEqual([
      { mentor: 'ivanova', mentee: 'anya', score: 90 },
      { mentor: 'ivanova', mentee: 'boris', score: 40 },
      { mentor: 'petrov', mentee: 'vera', score: 60 },
    ]);
    expect(result.total).toBe(190);
    expect(result.unmatched).toEqual(['gleb']);
    expect(result.explanations.pairs[0]).toMatchObject({ pinned: false, reasons: [{ rule: 'strong_where_weak', points: 90 }] });
    expect(result.explanations.unmatched).toEqual([{ mentee: 'gleb', reason: { code: 'no_candidates', why: { not_scored: 2 } } }]);
  });

  it('stable: Petrov keeps Boris (70 beats 60 for both), Vera takes Ivanova’s place', () => {
    const result = match(school(), { mode: 'stable' });
    expect(result.pairs).toEqual([
      { mentor: 'ivanova', mentee: 'anya', score: 90 },
      { mentor: 'ivanova', mentee: 'vera', score: 10 },
      { mentor: 'petrov', mentee: 'boris', score: 70 },
    ]);
    expect(result.total).toBe(170);
  });

  it.each(modes)('%s: a pinned pair stays and uses its places; a forbidden one never forms', (mode) => {
    const result = match({ ...school(), pinned: [['ivanova', 'vera']], forbidden: [['ivanova', 'anya']] }, { mode });
    expect(result.pairs).toContainEqual({ mentor: 'ivanova', mentee: 'vera', score: 10 });
    expect(result.pairs).not.toContainEqual(expect.objectContaining({ mentor: 'ivanova', mentee: 'anya' }));
    expect(result.explanations.pairs.find((pair) => pair.mentee === 'vera')?.pinned).toBe(true);
    const ivanova = result.pairs.filter((pair) => pair.mentor === 'ivanova');
    expect(ivanova.length).toBeLessThanOrEqual(2);
    expect(result.explanations.unmatched.find((entry) => entry.mentee === 'anya')?.reason).toEqual({
      code: 'no_candidates',
      why: { forbidden: 1, not_scored: 1 },
    });
  });

  it.each(modes)('%s: nobody is paired with themself, even when scored', (mode) => {
    const result = match(
      {
        mentors: [{ id: 'sasha', capacity: 1 }],
        mentees: [{ id: 'sasha' }],
        scores: [{ mentor: 'sasha', mentee: 'sasha', score: 100 }],
      },
      { mode },
    );
    expect(result.pairs).toEqual([]);
    expect(result.explanations.unmatched).toEqual([{ mentee: 'sasha', reason: { code: 'no_candidates', why: { same_person: 1 } } }]);
  });

  it('explains a mentee whose candidates are all full, and one excluded while scoring', () => {
    const result = match(
      {
        mentors: [{ id: 'm1', capacity: 1 }],
        mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        scores: [
          { mentor: 'm1', mentee: 'a', score: 5 },
          { mentor: 'm1', mentee: 'b', score: 3 },
        ],
        exclusions: [{ code: 'no_consent', mentee: 'c' }],
      },
      { mode: 'optimal' },
    );
    expect(result.explanations.unmatched).toEqual([
      { mentee: 'b', reason: { code: 'candidates_full', mentors: ['m1'] } },
      { mentee: 'c', reason: { code: 'excluded', exclusions: ['no_consent'] } },
    ]);
  });

  it('a mentee may take several mentors (k groups per form), never the same one twice', () => {
    const result = match(
      {
        mentors: [
          { id: 'm1', capacity: 3 },
          { id: 'm2', capacity: 3 },
        ],
        mentees: [{ id: 'a', capacity: 2 }, { id: 'b' }],
        scores: [
          { mentor: 'm1', mentee: 'a', score: 5 },
          { mentor: 'm2', mentee: 'a', score: 4 },
          { mentor: 'm1', mentee: 'b', score: 1 },
        ],
      },
      { mode: 'optimal' },
    );
    expect(result.pairs).toHaveLength(3);
    expect(result.total).toBe(10);
  });

  it('rejects input it cannot honour, saying what is wrong', () => {
    const bad: MatchProblem = {
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm1', capacity: -1 },
      ],
      mentees: [{ id: 'a' }, { id: 'b' }],
      scores: [
        { mentor: 'm1', mentee: 'a', score: 1.5 },
        { mentor: 'zz', mentee: 'a', score: 1 },
      ],
      pinned: [['m1', 'b']],
    };
    expect(() => match(bad, { mode: 'optimal' })).toThrow(MatchInputError);
    try {
      match(bad, { mode: 'optimal' });
    } catch (error) {
      expect((error as MatchInputError).problems).toEqual([
        'The mentor id m1 appears twice',
        'Mentor m1: capacity must be a whole number ≥ 0, got -1',
        'Score for (m1, a) must be an integer within ±1000000, got 1.5',
        'Score for (zz, a): no mentor has the id zz',
        'Pinned pair (m1, b) has no score (only scored pairs may be formed)',
      ]);
    }
  });

  it('rejects a pinned pair beyond the mentor’s capacity', () => {
    const problem: MatchProblem = {
      mentors: [{ id: 'm', capacity: 1 }],
      mentees: [{ id: 'a' }, { id: 'b' }],
      scores: [
        { mentor: 'm', mentee: 'a', score: 1 },
        { mentor: 'm', mentee: 'b', score: 1 },
      ],
      pinned: [
        ['m', 'a'],
        ['m', 'b'],
      ],
    };
    expect(() => match(problem, { mode: 'stable' })).toThrow('Pinned pair (m, b): mentor m has no place left for it');
  });

  // Property: whatever the mode, pinned pairs are kept, forbidden and self pairs never appear, capacities hold,
  // every unmatched mentee is explained, and the total is the sum of the pairs.
  it.each(modes)('%s: constraints hold on 300 random id-level problems', (mode) => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const people = Array.from({ length: 8 }, (_, k) => `p${k}`);
      const mentors = people.slice(0, 4).map((id) => ({ id, capacity: Math.floor(random() * 3) }));
      const mentees = people.slice(2).map((id) => ({ id, capacity: random() < 0.2 ? 2 : 1 }));
      const scores = mentors.flatMap((mentor) =>
        mentees.filter(() => random() < 0.6).map((mentee) => ({ mentor: mentor.id, mentee: mentee.id, score: Math.floor(random() * 20) })),
      );
      const forbidden = scores.filter(() => random() < 0.15).map((s) => [s.mentor, s.mentee] as const);
      const candidatesToPin = scores.filter((s) => s.mentor !== s.mentee && !forbidden.some(([a, b]) => a === s.mentor && b === s.mentee));
      const pin = candidatesToPin.find((s) => (mentors.find((m) => m.id === s.mentor)?.capacity ?? 0) > 0 && random() < 0.5);
      const pinned = pin ? [[pin.mentor, pin.mentee] as const] : [];
      const result = match({ mentors, mentees, scores, forbidden, pinned }, { mode });

      for (const [mentor, mentee] of pinned)
        expect(result.pairs, `seed ${seed}`).toContainEqual(expect.objectContaining({ mentor, mentee }));
      for (const pair of result.pairs) {
        expect(pair.mentor, `seed ${seed}`).not.toBe(pair.mentee);
        expect(
          forbidden.some(([a, b]) => a === pair.mentor && b === pair.mentee),
          `seed ${seed}`,
        ).toBe(false);
      }
      for (const mentor of mentors) expect(result.pairs.filter((p) => p.mentor === mentor.id).length).toBeLessThanOrEqual(mentor.capacity);
      for (const mentee of mentees) expect(result.pairs.filter((p) => p.mentee === mentee.id).length).toBeLessThanOrEqual(mentee.capacity);
      expect(new Set(result.pairs.map((p) => `${p.mentor}-${p.mentee}`)).size).toBe(result.pairs.length);
      expect(result.total).toBe(result.pairs.reduce((sum, p) => sum + p.score, 0));
      expect(result.explanations.unmatched.map((e) => e.mentee)).toEqual(result.unmatched);
    }
  });
});
