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
    expect(result.explanations.pairs).toEqual([
      { mentor: 'ivanova', mentee: 'anya', score: 90, pinned: false, reasons: [{ kind: 'rule', rule: 'strong_where_weak', points: 90 }] },
      // A score given without reasons is explained by none.
      { mentor: 'ivanova', mentee: 'boris', score: 40, pinned: false, reasons: [] },
      { mentor: 'petrov', mentee: 'vera', score: 60, pinned: false, reasons: [] },
    ]);
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

  it('reports every kind of input mistake, each in its own words', () => {
    const bad: MatchProblem = {
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      mentees: [{ id: 'a' }, { id: 'a' }, { id: 'b', capacity: 0.5 }, { id: 'c', capacity: 0 }, { id: 'm2' }, { id: 'd' }],
      scores: [
        { mentor: 'm1', mentee: 'zz', score: 1 },
        { mentor: 'yy', mentee: 'xx', score: 1 },
        { mentor: 'm1', mentee: 'a', score: 1_000_001 },
        { mentor: 'm2', mentee: 'a', score: -1_000_000 },
        { mentor: 'm2', mentee: 'a', score: 3 },
        { mentor: 'm1', mentee: 'c', score: 3 },
        { mentor: 'm2', mentee: 'm2', score: 3 },
        { mentor: 'm1', mentee: 'd', score: 3 },
      ],
      forbidden: [
        ['qq', 'a'],
        ['m1', 'd'],
      ],
      pinned: [
        ['m2', 'a'],
        ['m2', 'a'],
        ['m2', 'm2'],
        ['m1', 'd'],
        ['m1', 'c'],
        ['m1', 'ww'],
      ],
    };
    let problems: string[] = [];
    try {
      match(bad, { mode: 'optimal' });
    } catch (error) {
      expect(error).toBeInstanceOf(MatchInputError);
      problems = (error as MatchInputError).problems;
    }
    expect(problems).toEqual([
      'The mentee id a appears twice',
      'Mentee b: capacity must be a whole number ≥ 0, got 0.5',
      'Score for (m1, zz): no mentee has the id zz',
      'Score for (yy, xx): no mentor has the id yy',
      'Score for (yy, xx): no mentee has the id xx',
      'Score for (m1, a) must be an integer within ±1000000, got 1000001',
      'Score for (m2, a) is given twice',
      'Forbidden pair (qq, a): no mentor has the id qq',
      'Pinned pair (m2, a) is given twice',
      'Pinned pair (m2, m2): nobody can mentor themself',
      'Pinned pair (m1, d) is also forbidden',
      'Pinned pair (m1, c): mentee c may not get another mentor',
      'Pinned pair (m1, ww): no mentee has the id ww',
    ]);
  });

  it('takes a score of exactly ±1,000,000', () => {
    const result = match(
      {
        mentors: [{ id: 'm', capacity: 2 }],
        mentees: [{ id: 'a' }, { id: 'b' }],
        scores: [
          { mentor: 'm', mentee: 'a', score: 1_000_000 },
          { mentor: 'm', mentee: 'b', score: -1_000_000 },
        ],
      },
      { mode: 'optimal' },
    );
    expect(result.total).toBe(0);
    expect(result.pairs).toHaveLength(2);
  });

  it.each(modes)('%s: pairs come in the order of the mentors given, then of their mentees, pinned ones among them', (mode) => {
    const result = match(
      {
        mentors: [
          { id: 'zoya', capacity: 2 },
          { id: 'anna', capacity: 2 },
        ],
        mentees: [{ id: 'yan' }, { id: 'bob' }, { id: 'kim' }, { id: 'ada' }],
        scores: [
          { mentor: 'anna', mentee: 'yan', score: 9 },
          { mentor: 'anna', mentee: 'bob', score: 9 },
          { mentor: 'zoya', mentee: 'kim', score: 9 },
          { mentor: 'zoya', mentee: 'ada', score: 9 },
        ],
        // Anna's pinned pair is given first, yet her pairs come after Zoya's.
        pinned: [
          ['anna', 'bob'],
          ['zoya', 'ada'],
        ],
      },
      { mode },
    );
    expect(result.pairs.map((pair) => `${pair.mentor}-${pair.mentee}`)).toEqual(['zoya-kim', 'zoya-ada', 'anna-yan', 'anna-bob']);
    expect(result.explanations.pairs.map((pair) => pair.pinned)).toEqual([false, true, false, true]);
  });

  it('stable: on equal scores the mentor and the mentee with the smaller id win, whatever the input order', () => {
    const result = match(
      {
        mentors: [
          { id: 'petrov', capacity: 1 },
          { id: 'ivanova', capacity: 1 },
        ],
        mentees: [{ id: 'vera' }, { id: 'anya' }, { id: 'boris' }],
        scores: ['petrov', 'ivanova'].flatMap((mentor) => ['vera', 'anya', 'boris'].map((mentee) => ({ mentor, mentee, score: 5 }))),
      },
      { mode: 'stable' },
    );
    // Everyone asks Ivanova first (the smaller id); she keeps Anya, then Petrov keeps Boris over Vera.
    expect(result.pairs).toEqual([
      { mentor: 'petrov', mentee: 'boris', score: 5 },
      { mentor: 'ivanova', mentee: 'anya', score: 5 },
    ]);
    expect(result.unmatched).toEqual(['vera']);
  });

  it('explains each mentee left alone: no capacity, own exclusions once each, a full or excluded mentor, an excluded pair', () => {
    const result = match(
      {
        mentors: [{ id: 'open', capacity: 3 }],
        mentees: [{ id: 'done', capacity: 0 }, { id: 'minor' }],
        scores: [{ mentor: 'open', mentee: 'done', score: 5 }],
        exclusions: [
          { code: 'no_consent', mentee: 'minor' },
          { code: 'group_limit_reached', mentee: 'minor' },
          { code: 'no_consent', mentee: 'minor' },
        ],
      },
      { mode: 'optimal' },
    );
    expect(result.explanations.unmatched).toEqual([
      { mentee: 'done', reason: { code: 'no_capacity' } },
      { mentee: 'minor', reason: { code: 'excluded', exclusions: ['no_consent', 'group_limit_reached'] } },
    ]);

    const alone = match(
      {
        mentors: [
          { id: 'full', capacity: 0 },
          { id: 'untrained', capacity: 3 },
          { id: 'open', capacity: 3 },
        ],
        mentees: [{ id: 'a' }, { id: 'b' }],
        scores: [{ mentor: 'full', mentee: 'a', score: 5 }],
        exclusions: [
          { code: 'mentor_not_trained', mentor: 'untrained' },
          { code: 'no_consent', mentor: 'untrained' },
          { code: 'avoided', mentor: 'open', mentee: 'a' },
          { code: 'safeguarding', mentor: 'open', mentee: 'a' },
          { code: 'rule_not_met', rule: 'same_subject', mentor: 'open', mentee: 'b' },
        ],
      },
      { mode: 'optimal' },
    );
    expect(alone.explanations.unmatched).toEqual([
      { mentee: 'a', reason: { code: 'no_candidates', why: { no_places: 1, mentor_not_trained: 1, avoided: 1 } } },
      { mentee: 'b', reason: { code: 'no_candidates', why: { not_scored: 1, mentor_not_trained: 1, rule_not_met: 1 } } },
    ]);
  });

  it('names an unknown person once per pair, and says nothing more about that pair', () => {
    const problem: MatchProblem = {
      mentors: [{ id: 'm', capacity: 1 }],
      mentees: [{ id: 'a' }],
      scores: [{ mentor: 'qq', mentee: 'a', score: 1.5 }],
      pinned: [['ww', 'a']],
    };
    let problems: string[] = [];
    try {
      match(problem, { mode: 'optimal' });
    } catch (error) {
      problems = (error as MatchInputError).problems;
    }
    expect(problems).toEqual(['Score for (qq, a): no mentor has the id qq', 'Pinned pair (ww, a): no mentor has the id ww']);
  });

  it('throws one MatchInputError whose message lists every problem, a line each', () => {
    const problem: MatchProblem = {
      mentors: [
        { id: 'm', capacity: 1 },
        { id: 'm', capacity: 1 },
      ],
      mentees: [{ id: 'a' }],
      scores: [{ mentor: 'zz', mentee: 'a', score: 1 }],
    };
    let thrown: unknown;
    try {
      match(problem, { mode: 'stable' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MatchInputError);
    expect((thrown as Error).name).toBe('MatchInputError');
    expect((thrown as Error).message).toBe(
      'Invalid matching input:\n- The mentor id m appears twice\n- Score for (zz, a): no mentor has the id zz',
    );
  });

  it('explains a later mentee by its own pairs with each mentor', () => {
    const result = match(
      {
        mentors: [
          { id: 'm1', capacity: 1 },
          { id: 'm2', capacity: 0 },
        ],
        mentees: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        scores: [
          { mentor: 'm1', mentee: 'a', score: 5 },
          { mentor: 'm1', mentee: 'b', score: 3 },
          { mentor: 'm2', mentee: 'c', score: 3 },
        ],
        forbidden: [
          ['m2', 'b'],
          ['m1', 'c'],
        ],
      },
      { mode: 'optimal' },
    );
    expect(result.explanations.unmatched).toEqual([
      { mentee: 'b', reason: { code: 'candidates_full', mentors: ['m1'] } },
      { mentee: 'c', reason: { code: 'no_candidates', why: { forbidden: 1, no_places: 1 } } },
    ]);
  });
});
