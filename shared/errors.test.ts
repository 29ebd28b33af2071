import { describe, expect, it } from 'vitest';
import { fieldErrors } from './errors.ts';
import { meetingCreate } from './schemas.ts';

describe('fieldErrors', () => {
  it('names each bad field with a Russian and an English message', () => {
    const errors = fieldErrors(meetingCreate, {
      id: 'not-a-uuid',
      group_id: '5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f',
      kind: 'party',
      held_on: '2026-02-30x',
      duration_minutes: 1,
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['duration_minutes', 'held_on', 'id', 'kind']);
    for (const error of errors) {
      expect(error.message).toMatch(/[а-яА-Я]/);
      expect(error.message_en).toMatch(/[a-zA-Z]/);
    }
  });
  it('rejects unknown fields rather than ignoring them', () => {
    const errors = fieldErrors(meetingCreate, {
      id: '5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f',
      group_id: '5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f',
      kind: 'trial',
      held_on: '2026-01-10',
      duration_minutes: 30,
      author: 'someone else',
    });
    expect(errors).toHaveLength(1);
  });
  it('refuses a meeting dated in the future', () => {
    const errors = fieldErrors(meetingCreate, {
      id: '5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f',
      group_id: '5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f',
      kind: 'trial',
      held_on: '2999-01-10',
      duration_minutes: 30,
    });
    expect(errors.map((e) => e.path)).toEqual(['held_on']);
  });
});
