import { describe, expect, it } from 'vitest';
import { matchInput } from './input.ts';

describe('matchInput', () => {
  const valid = {
    mode: 'optimal',
    mentors: [{ id: 'ivanova', capacity: 2 }],
    mentees: [{ id: 'anya' }, { id: 'boris', capacity: 2 }],
    scores: [{ mentor: 'ivanova', mentee: 'anya', score: 90 }],
  };

  it('accepts a matching file, forbidden and pinned pairs defaulting to none', () => {
    expect(matchInput.parse(valid)).toEqual({ ...valid, forbidden: [], pinned: [] });
    const withPairs = { ...valid, forbidden: [['ivanova', 'boris']], pinned: [['ivanova', 'anya']] };
    expect(matchInput.parse(withPairs)).toEqual(withPairs);
  });

  it('rejects an empty id, saying so', () => {
    const result = matchInput.safeParse({ ...valid, mentees: [{ id: '' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['mentees', 0, 'id'], message: 'an id cannot be empty' });
  });

  it('a forbidden or pinned pair is exactly two ids', () => {
    expect(matchInput.safeParse({ ...valid, pinned: [['ivanova']] }).success).toBe(false);
    expect(matchInput.safeParse({ ...valid, pinned: [['ivanova', 'anya', 'boris']] }).success).toBe(false);
  });

  it('rejects scores beyond ±1,000,000, fractional capacities and unknown fields', () => {
    expect(matchInput.safeParse({ ...valid, scores: [{ mentor: 'ivanova', mentee: 'anya', score: 1_000_001 }] }).success).toBe(false);
    expect(matchInput.safeParse({ ...valid, scores: [{ mentor: 'ivanova', mentee: 'anya', score: -1_000_000 }] }).success).toBe(true);
    expect(matchInput.safeParse({ ...valid, mentors: [{ id: 'ivanova', capacity: 1.5 }] }).success).toBe(false);
    expect(matchInput.safeParse({ ...valid, mentors: [{ id: 'ivanova', capacity: -1 }] }).success).toBe(false);
    expect(matchInput.safeParse({ ...valid, extra: true }).success).toBe(false);
    expect(matchInput.safeParse({ ...valid, mode: 'greedy' }).success).toBe(false);
  });
});
