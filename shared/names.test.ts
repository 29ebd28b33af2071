import { describe, expect, it } from 'vitest';
import {
  classNameIn,
  findByName,
  fullName,
  givenAndFamilyName,
  isInitial,
  isNameOf,
  isPlausibleNamePart,
  latinKey,
  nameTokens,
  normalizeClassName,
  sexOf,
  shortName,
  splitFamilyAndGiven,
  splitName,
} from './names.ts';

const ivanov = { last_name: 'Иванов', first_name: 'Иван', middle_name: 'Иванович' };
const korolev = { last_name: 'Королёв', first_name: 'Роман', middle_name: 'Павлович' };
const rimsky = { last_name: 'Римский-Корсаков', first_name: 'Иван', middle_name: 'Петрович' };

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
      { id: 'a', last_name: 'Яковлев', first_name: 'Евгений', middle_name: 'Олегович' },
      { id: 'b', last_name: 'Яковлев', first_name: 'Евгений', middle_name: 'Ильич' },
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
    expect(shortName({ last_name: 'Smith', first_name: 'John' })).toBe('Smith J.');
  });
  it('splits initials written together', () => {
    expect(nameTokens('ИВАНОВ И.И.')).toEqual(['иванов', 'и', 'и']);
  });
});

describe('Latin spellings of Google account names', () => {
  const kudryavtsev = { last_name: 'Кудрявцев', first_name: 'Даниил', middle_name: 'Маркович' };
  it.each([
    ['Daniil Kudryavtsev', kudryavtsev],
    ['Daniil Kudriavtsev', kudryavtsev],
    ['Kudryavtsev D.', kudryavtsev],
    ['Mariya Karpova', { last_name: 'Карпова', first_name: 'Мария' }],
    ['Maria Karpova', { last_name: 'Карпова', first_name: 'Мария' }],
    ['Pyotr Vorobyov', { last_name: 'Воробьёв', first_name: 'Пётр' }],
    ['Yuliya Stepanova', { last_name: 'Степанова', first_name: 'Юлия' }],
    ['Dmitry Zaytsev', { last_name: 'Зайцев', first_name: 'Дмитрий' }],
    ['Alexey Zakharov', { last_name: 'Захаров', first_name: 'Алексей' }],
    ['Elena Gavrilova', { last_name: 'Гаврилова', first_name: 'Елена' }],
    ['Yelena Gavrilova', { last_name: 'Гаврилова', first_name: 'Елена' }],
    ['Ivan Rimsky-Korsakov', { last_name: 'Римский-Корсаков', first_name: 'Иван' }],
  ])('recognises «%s»', (display, person) => {
    expect(isNameOf(display, person)).toBe(true);
  });
  it('rejects other names', () => {
    expect(isNameOf('Maria Karpenko', { last_name: 'Карпова', first_name: 'Мария' })).toBe(false);
    expect(isNameOf('Anna Karpova', { last_name: 'Карпова', first_name: 'Мария' })).toBe(false);
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
    // A profile group of two letters is not a class of one: no «10И» read out of «10ИТ».
    ['Информатика — 10ИТ', null],
  ])('finds the class in «%s»', (text, expected) => {
    expect(classNameIn(text)).toBe(expected);
  });
});

describe('sexOf (the words that agree with a person: «Наставляемая», «ученица»)', () => {
  it.each([
    [{ last_name: 'Карпова', first_name: 'Мария', middle_name: 'Алексеевна' }, 'f'],
    [{ last_name: 'Иванов', first_name: 'Лев', middle_name: 'Львович' }, 'm'],
    [{ last_name: 'Цой', first_name: 'Виктория', middle_name: 'Робертовна' }, 'f'],
    [{ last_name: 'Ким', first_name: 'Никита', middle_name: 'Ильич' }, 'm'],
    [{ last_name: 'Алиева', first_name: 'Лейла', middle_name: 'Рашид кызы' }, 'f'],
    [{ last_name: 'Мамедов', first_name: 'Ахмед', middle_name: 'Ильхам оглы' }, 'm'],
    [{ last_name: 'Степанова', first_name: 'Дарина', middle_name: null }, 'f'],
    [{ last_name: 'Кудрявцев', first_name: 'Даниил', middle_name: null }, 'm'],
    [{ last_name: 'Толстая', first_name: 'Анна', middle_name: null }, 'f'],
    [{ last_name: 'Ким', first_name: 'Саша', middle_name: null }, null],
    [{ last_name: 'Цой', first_name: 'Саша', middle_name: null }, null],
    [{ last_name: 'Karpova', first_name: 'Mariya', middle_name: null }, null],
  ] as const)('%o → %s', (person, expected) => {
    expect(sexOf(person)).toBe(expected);
  });
  it('reads the surname when the middle name is no patronymic (a second given name)', () => {
    expect(sexOf({ last_name: 'Карпова', first_name: 'Анна', middle_name: 'Мария' })).toBe('f');
    expect(sexOf({ last_name: 'Ким', first_name: 'Енсу', middle_name: 'Ли' })).toBeNull();
  });
  it('takes the data’s own word first', () => {
    expect(sexOf({ last_name: 'Иванов', first_name: 'Саша', middle_name: null, sex: 'f' })).toBe('f');
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
    expect(isNameOf('Иванов Иван Иванович', { last_name: 'Иванов', first_name: 'Иван' })).toBe(false);
    expect(isNameOf('Иванов Иван И.', { last_name: 'Иванов', first_name: 'Иван', middle_name: null })).toBe(false);
  });
  it('takes Latin initials for the first name only, and only the right letter', () => {
    const karpova = { last_name: 'Карпова', first_name: 'Мария' };
    expect(isNameOf('Karpova M.', karpova)).toBe(true);
    expect(isNameOf('Karpova L.', karpova)).toBe(false);
    expect(isNameOf('K. Mariya', karpova)).toBe(false);
  });
});

describe('Latin spellings: each folding rule', () => {
  it.each([
    ['Sophia Ivanova', { last_name: 'Иванова', first_name: 'Софья' }, 'ph = f'],
    ['Lew Iwanow', { last_name: 'Иванов', first_name: 'Лев' }, 'w = v (German spelling)'],
    ['Ivanova Mariya Andreyevna', { last_name: 'Иванова', first_name: 'Мария', middle_name: 'Андреевна' }, 'ye after a vowel = е'],
    ['Viktor Tzoi', { last_name: 'Цой', first_name: 'Виктор' }, 'tz = ц'],
    ['Victoria Tsoy', { last_name: 'Цой', first_name: 'Виктория' }, 'c = k'],
    ['Mihail Ivanov', { last_name: 'Иванов', first_name: 'Михаил' }, 'h = х'],
    ['Habibullin Rustam', { last_name: 'Хабибуллин', first_name: 'Рустам' }, 'h at the start = х'],
  ])('recognises «%s» as %o (%s)', (display, person, _rule) => {
    expect(isNameOf(display, person)).toBe(true);
  });
  it('keeps only a–z in the skeleton', () => {
    expect(latinKey('Renée')).toBe('rene');
  });
});

describe('formatting: missing parts', () => {
  it('leaves out a missing patronymic and a missing surname without stray spaces', () => {
    expect(fullName({ last_name: 'Иванов', first_name: 'Иван', middle_name: null })).toBe('Иванов Иван');
    expect(shortName({ last_name: '', first_name: 'Иван', middle_name: null })).toBe('И.');
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
    expect(sexOf({ last_name: 'Иванова', first_name: 'Саша', middle_name: null, sex: 'm' })).toBe('m');
  });
  it.each([
    [{ last_name: 'Зуев', first_name: 'Саша', middle_name: null }, 'm', 'a four-letter surname is long enough'],
    [{ last_name: 'Лин', first_name: 'Саша', middle_name: null }, null, 'a three-letter surname ending in -ин says nothing'],
    [{ last_name: 'Дюма', first_name: 'Саша', middle_name: null }, null, 'an ending that is neither'],
  ] as const)('%o → %s (%s)', (person, expected, _why) => {
    expect(sexOf(person)).toBe(expected);
  });
});

describe('splitName: one splitter for pages, roster files and the overlay', () => {
  const name = (last_name: string, first_name: string, middle_name: string | null = null, initialsOnly = false) => ({
    last_name,
    first_name,
    middle_name,
    initialsOnly,
  });

  it('reads «Фамилия Имя Отчество» and «Фамилия Имя», as journals and roster files print them', () => {
    expect(splitName('Пономарёва Алёна Данииловна')).toEqual(name('Пономарёва', 'Алёна', 'Данииловна'));
    expect(splitName('Карпова Мария')).toEqual(name('Карпова', 'Мария'));
    expect(splitName('  Кудрявцев  Даниил,  Маркович ')).toEqual(name('Кудрявцев', 'Даниил', 'Маркович'));
  });

  it('reads «Имя Фамилия» and «Имя Отчество Фамилия» where the source says it prints the given name first', () => {
    expect(splitName('Елизавета Данилова', 'given-first')).toEqual(name('Данилова', 'Елизавета'));
    expect(splitName('Mariya Karpova', 'given-first')).toEqual(name('Karpova', 'Mariya'));
    expect(splitName('Иван Петр Сидоров', 'given-first')).toEqual(name('Сидоров', 'Иван', 'Петр'));
    expect(splitName('Иван Петр Сидоров')).toEqual(name('Иван', 'Петр', 'Сидоров'));
  });

  it('lets a patronymic decide the order whatever the source says', () => {
    expect(splitName('Мария Олеговна Карпова', 'family-first')).toEqual(name('Карпова', 'Мария', 'Олеговна'));
    expect(splitName('Карпова Мария Олеговна', 'given-first')).toEqual(name('Карпова', 'Мария', 'Олеговна'));
    expect(splitName('Лев Ильич Толстой')).toEqual(name('Толстой', 'Лев', 'Ильич'));
    expect(splitName('Ирина Ильинична Зуева')).toEqual(name('Зуева', 'Ирина', 'Ильинична'));
    // A surname that ends like a patronymic: the order decides when both could be one.
    expect(splitName('Шостакович Дмитрий Дмитриевич', 'given-first')).toEqual(name('Шостакович', 'Дмитрий', 'Дмитриевич'));
    expect(splitName('Дмитрий Дмитриевич Шостакович', 'given-first')).toEqual(name('Шостакович', 'Дмитрий', 'Дмитриевич'));
    expect(splitName('Бабич Дмитрий Дмитриевич')).toEqual(name('Бабич', 'Дмитрий', 'Дмитриевич'));
    expect(splitName('Дмитрий Дмитриевич Шостакович', 'family-first')).toEqual(name('Дмитрий', 'Дмитриевич', 'Шостакович'));
  });

  it('keeps a Turkic patronymic of two words whole, in either order', () => {
    expect(splitName('Алиев Рустам Ахмед оглы')).toEqual(name('Алиев', 'Рустам', 'Ахмед оглы'));
    expect(splitName('  Гарипов  Марк Ильдар улы ')).toEqual(name('Гарипов', 'Марк', 'Ильдар улы'));
    expect(splitName('Лейла Рашид кызы Алиева')).toEqual(name('Алиева', 'Лейла', 'Рашид кызы'));
    // First, the word is a name of its own.
    expect(splitName('Улы Марат')).toEqual(name('Улы', 'Марат'));
  });

  it('drops a list’s numbering and a note in brackets', () => {
    expect(splitName('1. Иванов Иван')).toEqual(name('Иванов', 'Иван'));
    expect(splitName('12) Карпова Мария Олеговна')).toEqual(name('Карпова', 'Мария', 'Олеговна'));
    expect(splitName('3.Иванов Иван')).toEqual(name('Иванов', 'Иван'));
    expect(splitName('№ 7 Иванов Иван')).toEqual(name('Иванов', 'Иван'));
    expect(splitName('Анна Карпова (она/её)', 'given-first')).toEqual(name('Карпова', 'Анна'));
    expect(splitName('Анна (Аня) Карпова (она/её)', 'given-first')).toEqual(name('Карпова', 'Анна'));
    // A note between two words keeps them apart, even with no space around it (text of adjacent elements).
    expect(splitName('Карпова(она)Анна')).toEqual(name('Карпова', 'Анна'));
    expect(splitName('5  Иванов  Иван')).toEqual(name('Иванов', 'Иван'));
    // A number inside the name is not a list's numbering.
    expect(splitName('Иванов 2 Иван')).toEqual(name('Иванов', '2', 'Иван'));
    // A class is not numbering.
    expect(splitName('7А Иванов')).toEqual(name('7А', 'Иванов'));
  });

  it('reads initials on either side of the surname, dotted and flagged', () => {
    const initials = name('Иванов', 'И.', 'И.', true);
    expect(splitName('Иванов И. И.')).toEqual(initials);
    expect(splitName('Иванов И.И.')).toEqual(initials);
    expect(splitName('Иванов И И')).toEqual(initials);
    expect(splitName('И.И. Иванов')).toEqual(initials);
    expect(splitName('И. И. Иванов', 'given-first')).toEqual(initials);
    expect(splitName('Иванов И.')).toEqual(name('Иванов', 'И.', null, true));
    // An initial for the patronymic only is a full name.
    expect(splitName('Иванов Иван И.')).toEqual(name('Иванов', 'Иван', 'И.'));
    // Three initials are not a name.
    expect(splitName('Иванов И. И. И.')).toBeNull();
  });

  it('keeps double surnames: hyphenated as one word, two words when a patronymic pins the rest', () => {
    expect(splitName('Римский-Корсаков Артём')).toEqual(name('Римский-Корсаков', 'Артём'));
    expect(splitName('Николай Андреевич Римский-Корсаков')).toEqual(name('Римский-Корсаков', 'Николай', 'Андреевич'));
    expect(splitName('Мамин Сибиряк Дмитрий Наркисович')).toEqual(name('Мамин Сибиряк', 'Дмитрий', 'Наркисович'));
    expect(splitName('Дмитрий Наркисович Мамин Сибиряк')).toEqual(name('Мамин Сибиряк', 'Дмитрий', 'Наркисович'));
    expect(splitName('Иванов Иван Петров Сидоров')).toBeNull();
    expect(splitName('Иван Петрович Сидоров Иванович')).toBeNull();
    expect(splitName('Мамин Сибиряк Дмитрий Наркисович Лишний')).toBeNull();
  });

  it('keeps ё as written; a patronymic with ё or е is one all the same', () => {
    expect(splitName('Фёдор Пётрович Королёв')).toEqual(name('Королёв', 'Фёдор', 'Пётрович'));
    expect(splitName('Королёв Фёдор')).toEqual(name('Королёв', 'Фёдор'));
    expect(isNameOf('Королев Федор', splitName('Королёв Фёдор') ?? name('', ''))).toBe(true);
  });

  it('is null for what is not two to four parts', () => {
    for (const text of ['', '   ', 'Иванов', '1. Иванов', 'Иванов Иван Иванович Петров Сидоров']) expect(splitName(text)).toBeNull();
  });

  it('agrees with the overlay’s tokens: every part it gives is a name of the text', () => {
    for (const text of ['Иванов Иван Иванович', 'Иван Иванович Иванов', 'Иванов И.И.', 'Алиев Рустам Ахмед оглы']) {
      const split = splitName(text);
      expect(split && isNameOf(text.replace(' оглы', 'оглы'), split), text).toBe(true);
    }
  });
});

describe('nameTokens: what is left of a name for matching', () => {
  it('drops what holds no letter: a list’s numbering, a note sign', () => {
    expect(nameTokens('1. Иванов * Иван')).toEqual(['иванов', 'иван']);
    expect(isNameOf('12) Иванов Иван', { last_name: 'Иванов', first_name: 'Иван', middle_name: 'Иванович' })).toBe(true);
  });
});

describe('what a name part may be', () => {
  it('tells a name part from anything else, up to 100 characters', () => {
    expect(isPlausibleNamePart('Иван')).toBe(true);
    expect(isPlausibleNamePart('д’Артаньян')).toBe(true);
    expect(isPlausibleNamePart('И.')).toBe(true);
    expect(isPlausibleNamePart('Ахмед оглы')).toBe(true);
    expect(isPlausibleNamePart('1Иван')).toBe(false);
    expect(isPlausibleNamePart('Иван2')).toBe(false);
    expect(isPlausibleNamePart('Я'.repeat(100))).toBe(true);
    expect(isPlausibleNamePart('Я'.repeat(101))).toBe(false);
    expect(isInitial('И.')).toBe(true);
    expect(isInitial('И')).toBe(true);
    expect(isInitial('Ив')).toBe(false);
    expect(isInitial('И..')).toBe(false);
  });
});

describe('splitFamilyAndGiven: a name kept in two fields (Google accounts)', () => {
  const parts = (last_name: string, first_name: string, middle_name: string | null = null) => ({ last_name, first_name, middle_name });

  it('finds a patronymic at the end of the given name, Cyrillic, Latin or Turkic', () => {
    expect(splitFamilyAndGiven('Мартынов', 'Глеб Николаевич')).toEqual(parts('Мартынов', 'Глеб', 'Николаевич'));
    expect(splitFamilyAndGiven('Karpova', 'Mariya Sergeevna')).toEqual(parts('Karpova', 'Mariya', 'Sergeevna'));
    expect(splitFamilyAndGiven('Мамедов', 'Рашид Ахмед оглы')).toEqual(parts('Мамедов', 'Рашид', 'Ахмед оглы'));
  });

  it('keeps a given name of two words whole when the last is no patronymic', () => {
    expect(splitFamilyAndGiven('Ким', 'Анна Мария')).toEqual(parts('Ким', 'Анна Мария'));
    expect(splitFamilyAndGiven('Ким', 'Николаевич')).toEqual(parts('Ким', 'Николаевич'));
    expect(splitFamilyAndGiven(' Римский-Корсаков ', ' Андрей ')).toEqual(parts('Римский-Корсаков', 'Андрей'));
  });

  it('takes a patronymic of one word after a given name of two, and a Turkic one only after a name', () => {
    expect(splitFamilyAndGiven('Ким', 'Анна Мария Сергеевна')).toEqual(parts('Ким', 'Анна Мария', 'Сергеевна'));
    expect(splitFamilyAndGiven('Алиева', 'Айгюль кызы')).toEqual(parts('Алиева', 'Айгюль', 'кызы'));
  });

  it('keeps a family name of two words whole when the given field is filled', () => {
    expect(splitFamilyAndGiven('Петрова Водкина', 'Анна')).toEqual(parts('Петрова Водкина', 'Анна'));
    expect(splitFamilyAndGiven('Мамин  Сибиряк', 'Дмитрий Наркисович')).toEqual(parts('Мамин Сибиряк', 'Дмитрий', 'Наркисович'));
  });

  it('reads a whole ФИО left in the family field, in either order', () => {
    expect(splitFamilyAndGiven('Иванов Иван Петрович', '')).toEqual(parts('Иванов', 'Иван', 'Петрович'));
    expect(splitFamilyAndGiven('Иван Петрович Иванов', ' ')).toEqual(parts('Иванов', 'Иван', 'Петрович'));
    expect(splitFamilyAndGiven('Иванов', '')).toEqual(parts('Иванов', ''));
  });
});
