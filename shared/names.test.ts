import { describe, expect, it } from 'vitest';
import { findByName, fullName, givenAndFamilyName, isNameOf, nameTokens, shortName } from './names.ts';

const ivanov = { last: 'Иванов', first: 'Иван', middle: 'Иванович' };
const korolev = { last: 'Королёв', first: 'Роман', middle: 'Павлович' };
const rimsky = { last: 'Римский-Корсаков', first: 'Иван', middle: 'Петрович' };

describe('isNameOf', () => {
  it.each([
    'Иванов Иван Иванович',
    'Иванов И. И.',
    'Иванов И.И.',
    'ИВАНОВ И.И.',
    'Иванов Иван',
    'Иван Иванов',
    'Иван Иванович Иванов',
    '  Иванов   Иван ',
  ])('recognises «%s»', (display) => {
    expect(isNameOf(display, ivanov)).toBe(true);
  });

  it.each(['Иванов', 'Иванова Ирина', 'Петров Иван', 'Иванов Пётр Иванович', 'Иванов Иван Петрович', 'Иванов Иван Иванович Младший'])(
    'rejects «%s»',
    (display) => {
      expect(isNameOf(display, ivanov)).toBe(false);
    },
  );

  it('treats ё and е as one letter', () => {
    expect(isNameOf('Роман Королев', korolev)).toBe(true);
    expect(isNameOf('Королёв Р. П.', korolev)).toBe(true);
  });

  it('keeps hyphenated surnames whole', () => {
    expect(isNameOf('Иван Римский-Корсаков', rimsky)).toBe(true);
    expect(isNameOf('Римский–Корсаков И. П.', rimsky)).toBe(true);
    expect(isNameOf('Иван Римский', rimsky)).toBe(false);
  });
});

describe('findByName', () => {
  it('returns every namesake so that the caller can show the match as ambiguous', () => {
    const twins = [
      { id: 'a', last: 'Яковлев', first: 'Евгений', middle: 'Олегович' },
      { id: 'b', last: 'Яковлев', first: 'Евгений', middle: 'Ильич' },
    ];
    expect(findByName('Евгений Яковлев', twins).map((p) => p.id)).toEqual(['a', 'b']);
    expect(findByName('Яковлев Евгений Ильич', twins).map((p) => p.id)).toEqual(['b']);
    expect(findByName('Яковлев Е. О.', twins).map((p) => p.id)).toEqual(['a']);
  });
});

describe('formatting', () => {
  it('prints full and short names', () => {
    expect(fullName(ivanov)).toBe('Иванов Иван Иванович');
    expect(shortName(ivanov)).toBe('Иванов И. И.');
    expect(givenAndFamilyName(ivanov)).toBe('Иванов Иван');
    expect(shortName({ last: 'Smith', first: 'John' })).toBe('Smith J.');
  });
  it('splits initials written together', () => {
    expect(nameTokens('ИВАНОВ И.И.')).toEqual(['иванов', 'и', 'и']);
  });
});
