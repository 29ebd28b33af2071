import { describe, expect, it } from 'vitest';
import { daysSince, formatMonth, today } from './dates.ts';

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
  it('names a month, from its first day or from «yyyy-mm»', () => {
    // The tests' language is English (see fake-extension); the month is the one written, in any time zone.
    expect(formatMonth('2026-09-01')).toBe('Sep 2026');
    expect(formatMonth('2027-01')).toBe('Jan 2027');
  });
});
