import { describe, expect, it } from 'vitest';
import { nextMeetingKind } from './catalog.ts';

describe('nextMeetingKind', () => {
  it('starts with the introduction', () => {
    expect(nextMeetingKind([])).toBe('introduction');
  });
  it('follows the sequence introduction → trial → planning → working', () => {
    expect(nextMeetingKind(['introduction'])).toBe('trial');
    expect(nextMeetingKind(['introduction', 'trial'])).toBe('planning');
    expect(nextMeetingKind(['introduction', 'trial', 'planning'])).toBe('working');
  });
  it('keeps suggesting working meetings until the final one', () => {
    expect(nextMeetingKind(['introduction', 'trial', 'planning', 'working', 'working'])).toBe('working');
  });
  it('suggests a skipped step before going on', () => {
    expect(nextMeetingKind(['introduction', 'planning'])).toBe('trial');
  });
  it('stays at final once the final meeting is held', () => {
    expect(nextMeetingKind(['introduction', 'trial', 'planning', 'working', 'final'])).toBe('final');
  });
});
