import { describe, expect, it } from 'vitest';
import { daysSince, today } from './dates.ts';

describe('dates', () => {
  it('today is the local day, whatever UTC says', () => {
    const lateEvening = new Date(2026, 11, 1, 23, 30);
    expect(today(lateEvening)).toBe('2026-12-01');
    expect(today(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });
  it('counts whole days since a date, never below zero', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(daysSince('2026-12-03', now)).toBe(0);
    expect(daysSince('2026-12-02', now)).toBe(1);
    expect(daysSince('2026-11-03', now)).toBe(30);
    expect(daysSince('2026-12-05', now)).toBe(0);
  });
});
