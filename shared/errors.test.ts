import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { meetingCreate } from './api/meetings.ts';
import { errorBody, fieldErrors, isApiErrorBody, staleCurrent } from './errors.ts';
import { en } from './i18n/en.ts';
import { ru } from './i18n/ru.ts';

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
  it('writes message_en in English whatever language zod is set to (the API sets both at once)', () => {
    const bad = { id: 'not-a-uuid', group_id: 'x', kind: 'party', held_on: 'x', duration_minutes: 1 };
    const inEnglishByDefault = fieldErrors(meetingCreate, bad);
    z.config(z.locales.ru());
    try {
      expect(fieldErrors(meetingCreate, bad)).toEqual(inEnglishByDefault);
    } finally {
      z.config(z.locales.en());
    }
    for (const error of inEnglishByDefault) expect(error.message_en).not.toMatch(/[а-яё]/i);
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

describe('fieldErrors: paths and languages', () => {
  const schema = z.object({ person: z.object({ name: z.string().min(1) }), age: z.number() }).strict();

  it('joins a nested field’s path with dots, and has nothing to say about valid input', () => {
    expect(fieldErrors(schema, { person: { name: 'Аня' }, age: 12 })).toEqual([]);
    const errors = fieldErrors(schema, { person: { name: '' }, age: 12 });
    expect(errors.map((e) => e.path)).toEqual(['person.name']);
    expect(errors[0]?.message).not.toBe(errors[0]?.message_en);
    expect(errors[0]?.message).toMatch(/[а-яА-Я]/);
    expect(errors[0]?.message_en).toMatch(/^[\x20-\x7e]+$/);
  });

  it('calls a problem with the whole body «(body)»', () => {
    const errors = fieldErrors(schema, 'not an object');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('(body)');
    expect(errors[0]?.message_en).toMatch(/expected object/i);
  });
});

describe('errorBody', () => {
  it('carries the code and the message in both languages, and field errors only when there are some', () => {
    const fields = [{ path: 'held_on', message: 'Неверная дата', message_en: 'Invalid date' }];
    expect(errorBody('validation_failed', 'appName', fields)).toEqual({
      error: { code: 'validation_failed', message: ru.appName, message_en: en.appName, fields },
    });
    const plain = errorBody('not_found', 'appName');
    expect(plain).toEqual({ error: { code: 'not_found', message: 'Наставник', message_en: 'Nastavnik' } });
    expect('fields' in plain.error).toBe(false);
  });
});

describe('isApiErrorBody and staleCurrent', () => {
  it('recognises an error body and nothing else', () => {
    expect(isApiErrorBody(errorBody('conflict', 'appName'))).toBe(true);
    expect(isApiErrorBody({ error: 'text' })).toBe(false);
    expect(isApiErrorBody({ data: {} })).toBe(false);
    expect(isApiErrorBody(null)).toBe(false);
    expect(isApiErrorBody('error')).toBe(false);
  });

  it('gives the record as it is now from a 412 only, as its schema reads it', () => {
    const record = z.object({ id: z.string(), title: z.string(), version: z.int() });
    const current = { id: 'g1', title: 'Группа 7А', version: 3 };
    expect(staleCurrent({ ...errorBody('precondition_failed', 'appName'), current }, record)).toEqual(current);
    expect(staleCurrent({ ...errorBody('conflict', 'appName'), current }, record)).toBeNull();
    expect(staleCurrent({ ...errorBody('precondition_failed', 'appName') }, record)).toBeNull();
    expect(staleCurrent({ ...errorBody('precondition_failed', 'appName'), current: null }, record)).toBeNull();
    expect(staleCurrent({ ...errorBody('precondition_failed', 'appName'), current: 'g1' }, record)).toBeNull();
    expect(staleCurrent({ ...errorBody('precondition_failed', 'appName'), current: { id: 'g1' } }, record)).toBeNull();
    expect(staleCurrent({ current }, record)).toBeNull();
  });
});
