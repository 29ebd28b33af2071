import { describe, expect, it } from 'vitest';
import {
  classNameIn,
  findByName,
  fullName,
  givenAndFamilyName,
  isNameOf,
  latinKey,
  nameTokens,
  normalizeClassName,
  sexOf,
  shortName,
} from './names.ts';

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

describe('Latin spellings of Google account names', () => {
  const kudryavtsev = { last: 'Кудрявцев', first: 'Даниил', middle: 'Маркович' };
  it.each([
    ['Daniil Kudryavtsev', kudryavtsev],
    ['Daniil Kudriavtsev', kudryavtsev],
    ['Kudryavtsev D.', kudryavtsev],
    ['Mariya Karpova', { last: 'Карпова', first: 'Мария' }],
    ['Maria Karpova', { last: 'Карпова', first: 'Мария' }],
    ['Pyotr Vorobyov', { last: 'Воробьёв', first: 'Пётр' }],
    ['Yuliya Stepanova', { last: 'Степанова', first: 'Юлия' }],
    ['Dmitry Zaytsev', { last: 'Зайцев', first: 'Дмитрий' }],
    ['Alexey Zakharov', { last: 'Захаров', first: 'Алексей' }],
    ['Elena Gavrilova', { last: 'Гаврилова', first: 'Елена' }],
    ['Yelena Gavrilova', { last: 'Гаврилова', first: 'Елена' }],
    ['Ivan Rimsky-Korsakov', { last: 'Римский-Корсаков', first: 'Иван' }],
  ])('recognises «%s»', (display, person) => {
    expect(isNameOf(display, person)).toBe(true);
  });
  it('rejects other names', () => {
    expect(isNameOf('Maria Karpenko', { last: 'Карпова', first: 'Мария' })).toBe(false);
    expect(isNameOf('Anna Karpova', { last: 'Карпова', first: 'Мария' })).toBe(false);
  });
  it('folds spellings to one key', () => {
    expect(latinKey('Кудрявцев')).toBe('kudriavtsev');
    expect(latinKey('Фёдор')).toBe(latinKey('Федор'));
  });
});

describe('classes', () => {
  it.each([
    ['10Б', '10б'],
    ['10-Б', '10б'],
    ['10 б', '10б'],
    ['9-В', '9в'],
    ['7«А»', '7а'],
    ['8 Б класс', '8б'],
  ])('normalises «%s»', (text, expected) => {
    expect(normalizeClassName(text)).toBe(expected);
  });
  it('rejects what is not a class', () => {
    expect(normalizeClassName('Группа 1')).toBeNull();
    expect(normalizeClassName('2024')).toBeNull();
  });
  it.each([
    ['2024/2025 учебный год, 7А', '7а'],
    ['Физика, 9-В', '9в'],
    ['Журнал: 5Б — Математика', '5б'],
    ['Электронный журнал — Биология — 8Б', '8б'],
    ['II четверть', null],
    ['Физика — олимпиадная группа', null],
    ['Сводная: 10А, 10Б', null],
  ])('finds the class in «%s»', (text, expected) => {
    expect(classNameIn(text)).toBe(expected);
  });
});

describe('sexOf (the words that agree with a person: «Наставляемая», «ученица»)', () => {
  it.each([
    [{ last: 'Карпова', first: 'Мария', middle: 'Алексеевна' }, 'f'],
    [{ last: 'Иванов', first: 'Лев', middle: 'Львович' }, 'm'],
    [{ last: 'Цой', first: 'Виктория', middle: 'Робертовна' }, 'f'],
    [{ last: 'Ким', first: 'Никита', middle: 'Ильич' }, 'm'],
    [{ last: 'Алиева', first: 'Лейла', middle: 'Рашид кызы' }, 'f'],
    [{ last: 'Мамедов', first: 'Ахмед', middle: 'Ильхам оглы' }, 'm'],
    [{ last: 'Степанова', first: 'Дарина', middle: null }, 'f'],
    [{ last: 'Кудрявцев', first: 'Даниил', middle: null }, 'm'],
    [{ last: 'Толстая', first: 'Анна', middle: null }, 'f'],
    [{ last: 'Ким', first: 'Саша', middle: null }, null],
    [{ last: 'Цой', first: 'Саша', middle: null }, null],
    [{ last: 'Karpova', first: 'Mariya', middle: null }, null],
  ] as const)('%o → %s', (person, expected) => {
    expect(sexOf(person)).toBe(expected);
  });
  it('takes the data’s own word first', () => {
    expect(sexOf({ last: 'Иванов', first: 'Саша', middle: null, sex: 'f' })).toBe('f');
  });
});

// Cases that the mutation run (npm run test:mutation) showed no test above would notice.
describe('what a displayed name must not match', () => {
  it.each([
    ['Иван Иванович', 'first name and patronymic, no surname (how pupils address a teacher)'],
    ['Иванов Иванович', 'surname and patronymic, no first name'],
    ['И. Иван', 'the surname as an initial'],
    ['Иванов Ив', 'two letters of the first name (only a one-letter initial counts)'],
    ['Иванов Иван И. И.', 'the patronymic twice (four words)'],
  ])('rejects «%s»: %s', (display) => {
    expect(isNameOf(display, ivanov)).toBe(false);
  });
  it('rejects a patronymic when the person has none', () => {
    expect(isNameOf('Иванов Иван Иванович', { last: 'Иванов', first: 'Иван' })).toBe(false);
    expect(isNameOf('Иванов Иван И.', { last: 'Иванов', first: 'Иван', middle: null })).toBe(false);
  });
  it('takes Latin initials for the first name only, and only the right letter', () => {
    const karpova = { last: 'Карпова', first: 'Мария' };
    expect(isNameOf('Karpova M.', karpova)).toBe(true);
    expect(isNameOf('Karpova L.', karpova)).toBe(false);
    expect(isNameOf('K. Mariya', karpova)).toBe(false);
  });
});

describe('Latin spellings: each folding rule', () => {
  it.each([
    ['Sophia Ivanova', { last: 'Иванова', first: 'Софья' }, 'ph = f'],
    ['Lew Iwanow', { last: 'Иванов', first: 'Лев' }, 'w = v (German spelling)'],
    ['Ivanova Mariya Andreyevna', { last: 'Иванова', first: 'Мария', middle: 'Андреевна' }, 'ye after a vowel = е'],
    ['Viktor Tzoi', { last: 'Цой', first: 'Виктор' }, 'tz = ц'],
    ['Victoria Tsoy', { last: 'Цой', first: 'Виктория' }, 'c = k'],
    ['Mihail Ivanov', { last: 'Иванов', first: 'Михаил' }, 'h = х'],
    ['Habibullin Rustam', { last: 'Хабибуллин', first: 'Рустам' }, 'h at the start = х'],
  ])('recognises «%s» as %o (%s)', (display, person, _rule) => {
    expect(isNameOf(display, person)).toBe(true);
  });
  it('keeps only a–z in the skeleton', () => {
    expect(latinKey('Renée')).toBe('rene');
  });
});

describe('formatting: missing parts', () => {
  it('leaves out a missing patronymic and a missing surname without stray spaces', () => {
    expect(fullName({ last: 'Иванов', first: 'Иван', middle: null })).toBe('Иванов Иван');
    expect(shortName({ last: '', first: 'Иван', middle: null })).toBe('И.');
  });
});

describe('classes: the whole text, every spelling', () => {
  it('is not a class when there is more than the class', () => {
    expect(normalizeClassName('Алгебра 10Б')).toBeNull();
  });
  it('reads ё as е', () => {
    expect(normalizeClassName('5Ё')).toBe('5е');
  });
  it.each([
    ['Физика — 11А', '11а'],
    ['Алгебра, 10 - Б', '10б'],
    ['Литература, 10«Б»', '10б'],
  ])('finds the class in «%s»', (text, expected) => {
    expect(classNameIn(text)).toBe(expected);
  });
});

describe('sexOf: the data first, then only endings that say something', () => {
  it('takes the data’s «m» too', () => {
    expect(sexOf({ last: 'Иванова', first: 'Саша', middle: null, sex: 'm' })).toBe('m');
  });
  it.each([
    [{ last: 'Зуев', first: 'Саша', middle: null }, 'm', 'a four-letter surname is long enough'],
    [{ last: 'Лин', first: 'Саша', middle: null }, null, 'a three-letter surname ending in -ин says nothing'],
    [{ last: 'Дюма', first: 'Саша', middle: null }, null, 'an ending that is neither'],
  ] as const)('%o → %s (%s)', (person, expected, _why) => {
    expect(sexOf(person)).toBe(expected);
  });
});
