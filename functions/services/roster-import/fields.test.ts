import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, parseDate } from './dates.ts';
import {
  isInitial,
  isPlausibleNamePart,
  isPossibleBirthYear,
  nameCase,
  parseBirthDate,
  parseClassName,
  parseEmail,
  parseGradeAndLetter,
  parsePhone,
  parseSex,
  splitFullName,
} from './fields.ts';
import { columnsOf, fieldOfHeader, findHeader } from './header.ts';

describe('splitFullName', () => {
  it('reads «Имя Отчество Фамилия» where the patronymic stands second, and only then', () => {
    expect(splitFullName('Мария Алексеевна Карпова')).toEqual({
      last: 'Карпова',
      first: 'Мария',
      middle: 'Алексеевна',
      initialsOnly: false,
    });
    expect(splitFullName('Лев Ильинична Петрович').last).toBe('Лев');
    expect(splitFullName('Иванов Иван Иванович')).toEqual({ last: 'Иванов', first: 'Иван', middle: 'Иванович', initialsOnly: false });
  });

  it('reads Фамилия Имя Отчество, a two-word patronymic, and capitals', () => {
    expect(splitFullName('Пономарёва Алёна Данииловна')).toEqual({
      last: 'Пономарёва',
      first: 'Алёна',
      middle: 'Данииловна',
      initialsOnly: false,
    });
    expect(splitFullName('  Гарипов  Марк Ильдар улы ')).toEqual({
      last: 'Гарипов',
      first: 'Марк',
      middle: 'Ильдар улы',
      initialsOnly: false,
    });
    expect(splitFullName('РИМСКИЙ-КОРСАКОВ АРТЁМ')).toEqual({
      last: 'Римский-Корсаков',
      first: 'Артём',
      middle: null,
      initialsOnly: false,
    });
  });

  it('flags initials, whichever side of the surname they are on', () => {
    const expected = { last: 'Иванов', first: 'И.', middle: 'И.', initialsOnly: true };
    expect(splitFullName('Иванов И. И.')).toEqual(expected);
    expect(splitFullName('Иванов И.И.')).toEqual(expected);
    expect(splitFullName('И.И. Иванов')).toEqual(expected);
    expect(splitFullName('Иванов И.')).toEqual({ last: 'Иванов', first: 'И.', middle: null, initialsOnly: true });
  });
});

describe('value parsers', () => {
  it('normalises classes to «7А»', () => {
    for (const text of ['7А', '7а', '7-А', '7 А', '7 «А»', '7"А"', '7а класс', '7A', ' 07 a '])
      expect(parseClassName(text)).toEqual({ ok: true, value: '7А' });
    expect(parseClassName('10-Б')).toEqual({ ok: true, value: '10Б' });
    expect(parseClassName('11 в')).toEqual({ ok: true, value: '11В' });
    expect(parseClassName('11 ё').ok).toBe(true);
    for (const text of ['7', '12А', '0Б', 'седьмой', '7АБ', '7-1']) expect(parseClassName(text).ok).toBe(false);
    expect(parseGradeAndLetter('7', 'а')).toEqual({ ok: true, value: '7А' });
    expect(parseGradeAndLetter('10 класс', 'Б')).toEqual({ ok: true, value: '10Б' });
    expect(parseGradeAndLetter('', 'Б').ok).toBe(false);
  });

  it('checks and lower-cases e-mail addresses', () => {
    expect(parseEmail(' Ivan.Petrov@School17.example.RU ')).toEqual({ ok: true, value: 'ivan.petrov@school17.example.ru' });
    expect(parseEmail('mailto:a@b.рф')).toEqual({ ok: true, value: 'a@b.рф' });
    for (const text of ['ivan', 'ivan@', '@x.ru', 'ivan@x', 'a b@x.ru', 'a@x.ru; b@y.ru']) expect(parseEmail(text).ok).toBe(false);
  });

  it('reads sex, phones and dates as Russian exports write them', () => {
    expect(parseSex('Муж.')).toEqual({ ok: true, value: 'm' });
    expect(parseSex('женский')).toEqual({ ok: true, value: 'f' });
    expect(parseSex('F')).toEqual({ ok: true, value: 'f' });
    expect(parseSex('?').ok).toBe(false);
    expect(parsePhone('8 (916) 123-45-67')).toEqual({ ok: true, value: '+79161234567' });
    expect(parsePhone('9161234567')).toEqual({ ok: true, value: '+79161234567' });
    expect(parsePhone('+375 29 123 45 67')).toEqual({ ok: true, value: '+375 29 123 45 67' });
    expect(parsePhone('нет').ok).toBe(false);
    expect(parseDate('12.03.2013')).toBe('2013-03-12');
    expect(parseDate('12/03/2013')).toBe('2013-03-12');
    expect(parseDate('2013-03-12')).toBe('2013-03-12');
    expect(parseDate('1 мая 2013 г.')).toBe('2013-05-01');
    expect(parseDate('15 марта 2013')).toBe('2013-03-15');
    expect(parseDate('31.02.2013')).toBeNull();
    expect(parseDate('12.03.13')).toBeNull();
    expect(parseBirthDate('2013')).toEqual({ ok: true, value: { date: null, year: 2013 } });
    expect(parseBirthDate('41345')).toEqual({ ok: true, value: { date: '2013-03-12', year: 2013 } });
  });

  it('turns Excel serial days into dates in both date systems', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(41345)).toBe('2013-03-12');
    expect(excelSerialToIsoDate(41345.75)).toBe('2013-03-12');
    expect(excelSerialToIsoDate(39883, true)).toBe('2013-03-12');
    expect(excelSerialToIsoDate(-5)).toBeNull();
  });

  it('writes capitals as names, leaves mixed case alone', () => {
    expect(nameCase('ИВАНОВ')).toBe('Иванов');
    expect(nameCase('МАМИНА-СИБИРЯК')).toBe('Мамина-Сибиряк');
    expect(nameCase('МакДональд')).toBe('МакДональд');
    expect(nameCase('И')).toBe('И');
  });
});

describe('header detection', () => {
  it('knows the columns in Russian and English, whatever the case, ё or punctuation', () => {
    expect(fieldOfHeader('ФИО')).toBe('fullName');
    expect(fieldOfHeader('Ф.И.О.')).toBe('fullName');
    expect(fieldOfHeader('Фамилия, имя, отчество')).toBe('fullName');
    expect(fieldOfHeader('ФИО обучающегося')).toBe('fullName');
    expect(fieldOfHeader('ФИО ребёнка')).toBe('fullName');
    expect(fieldOfHeader('Обучающийся')).toBe('fullName');
    expect(fieldOfHeader('e-mail')).toBe('email');
    expect(fieldOfHeader('E-MAIL')).toBe('email');
    expect(fieldOfHeader('Электронная почта')).toBe('email');
    expect(fieldOfHeader('Email Address')).toBe('email');
    expect(fieldOfHeader('Дата рождения (дд.мм.гггг)')).toBe('birthDate');
    expect(fieldOfHeader('Last Name')).toBe('last');
    expect(fieldOfHeader('First Name')).toBe('first');
    expect(fieldOfHeader('Параллель')).toBe('grade');
    expect(fieldOfHeader('Литера')).toBe('letter');
    expect(fieldOfHeader('Логин')).toBe('login');
    expect(fieldOfHeader('Список класса 7А')).toBeNull();
    expect(fieldOfHeader('')).toBeNull();
  });

  it('finds the header below title lines and needs it to name the people', () => {
    const rows = [
      ['Список класса 7А'],
      ['Класс', 'Дата рождения'],
      [],
      ['№', 'Фамилия', 'Имя', 'Отчество', 'Класс'],
      ['1', 'Иванов', 'Иван', '', '7А'],
    ];
    const header = findHeader(rows);
    expect(header?.rowIndex).toBe(3);
    expect(header?.columns.map((column) => [column.field, column.letter])).toEqual([
      ['last', 'B'],
      ['first', 'C'],
      ['middle', 'D'],
      ['className', 'E'],
    ]);
    expect(findHeader([['Класс', 'Пол']])).toBeNull();
    expect(findHeader([['Фамилия', 'Класс']])).toBeNull();
  });

  it('prefers separate name columns to a display «ФИО» beside them', () => {
    expect(columnsOf(['ФИО', 'Фамилия', 'Имя']).map((column) => column.field)).toEqual(['last', 'first']);
  });
});

describe('value parsers: the edges', () => {
  it('a short capitalised name is still a name: «ЛИ» is «Ли»', () => {
    expect(nameCase('ЛИ')).toBe('Ли');
    expect(nameCase('Я')).toBe('Я');
  });

  it('tells a name part from anything else, up to 100 characters', () => {
    expect(isPlausibleNamePart('Иван')).toBe(true);
    expect(isPlausibleNamePart('д’Артаньян')).toBe(true);
    expect(isPlausibleNamePart('И.')).toBe(true);
    expect(isPlausibleNamePart('1Иван')).toBe(false);
    expect(isPlausibleNamePart('Иван2')).toBe(false);
    expect(isPlausibleNamePart('Я'.repeat(100))).toBe(true);
    expect(isPlausibleNamePart('Я'.repeat(101))).toBe(false);
    expect(isInitial('И.')).toBe(true);
    expect(isInitial('И')).toBe(true);
    expect(isInitial('Ив')).toBe(false);
  });

  it('splits a name with a trailing comma, undotted initials, and an initial for a patronymic only', () => {
    expect(splitFullName('Иванов Иван Иванович,')).toEqual({ last: 'Иванов', first: 'Иван', middle: 'Иванович', initialsOnly: false });
    expect(splitFullName('Иванов И И')).toEqual({ last: 'Иванов', first: 'И.', middle: 'И.', initialsOnly: true });
    expect(splitFullName('Иванов И.')).toEqual({ last: 'Иванов', first: 'И.', middle: null, initialsOnly: true });
    expect(splitFullName('Иванов Иван И.')).toEqual({ last: 'Иванов', first: 'Иван', middle: 'И.', initialsOnly: false });
  });

  it('takes «mailto:» only at the start of an address, and addresses up to 254 characters', () => {
    expect(parseEmail('mailto:Ivan@Mail.ru')).toEqual({ ok: true, value: 'ivan@mail.ru' });
    expect(parseEmail('xmailto:ivan@mail.ru')).toEqual({ ok: false });
    const local = 'a'.repeat(64);
    const at254 = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(at254).toHaveLength(254);
    expect(parseEmail(at254)).toEqual({ ok: true, value: at254 });
    expect(parseEmail(`a${at254}`)).toEqual({ ok: false });
  });

  it('knows the first grade and needs a grade number beside a letter', () => {
    expect(parseClassName('1а')).toEqual({ ok: true, value: '1А' });
    expect(parseGradeAndLetter('класс', '7А')).toEqual({ ok: false });
    expect(parseGradeAndLetter('1 класс', 'б')).toEqual({ ok: true, value: '1Б' });
  });

  it.each([
    ['м', 'm'],
    ['Муж.', 'm'],
    ['мужской', 'm'],
    ['мальчик', 'm'],
    ['M', 'm'],
    ['male', 'm'],
    ['Man', 'm'],
    ['boy', 'm'],
    ['ж', 'f'],
    ['жен.', 'f'],
    ['женский', 'f'],
    ['девочка', 'f'],
    ['F', 'f'],
    ['female', 'f'],
    ['woman', 'f'],
    ['girl', 'f'],
  ])('reads sex «%s» as %s', (text, sex) => {
    expect(parseSex(text)).toEqual({ ok: true, value: sex });
  });

  it('reads no sex from anything else', () => {
    expect(parseSex('.м')).toEqual({ ok: false });
    expect(parseSex('')).toEqual({ ok: false });
    expect(parseSex('мж')).toEqual({ ok: false });
  });

  it.each([
    ['79161234567', { ok: true, value: '+79161234567' }],
    ['8 (916) 123-45-67', { ok: true, value: '+79161234567' }],
    ['9161234567', { ok: true, value: '+79161234567' }],
    ['59161234567', { ok: true, value: '59161234567' }],
    ['1234567890', { ok: true, value: '1234567890' }],
    ['912345', { ok: true, value: '912345' }],
    ['12345', { ok: true, value: '12345' }],
    ['+44 20 7946 0958', { ok: true, value: '+44 20 7946 0958' }],
    ['7916', { ok: false }],
    ['9123', { ok: false }],
    ['1234', { ok: false }],
    ['тел 12345', { ok: false }],
    ['12345 доб', { ok: false }],
  ])('reads the phone «%s»', (text, parsed) => {
    expect(parsePhone(text)).toEqual(parsed);
  });

  it.each([
    ['2010', { date: null, year: 2010 }],
    ['2010г', { date: null, year: 2010 }],
    ['2010 г', { date: null, year: 2010 }],
    ['2010 г.', { date: null, year: 2010 }],
    ['2010 год', { date: null, year: 2010 }],
    ['41345', { date: '2013-03-12', year: 2013 }],
    ['41345.25', { date: '2013-03-12', year: 2013 }],
    ['12.03.2013', { date: '2013-03-12', year: 2013 }],
  ])('reads the birth date «%s»', (text, value) => {
    expect(parseBirthDate(text)).toEqual({ ok: true, value });
  });

  it.each(['2010xг', '141345', '413456', '41345.', 'вчера'])('reads no birth date from «%s»', (text) => {
    expect(parseBirthDate(text)).toEqual({ ok: false });
  });

  it('a birth year is 1900 to four years ago', () => {
    const today = new Date('2026-09-01T00:00:00Z');
    expect(isPossibleBirthYear(1900, today)).toBe(true);
    expect(isPossibleBirthYear(1899, today)).toBe(false);
    expect(isPossibleBirthYear(2022, today)).toBe(true);
    expect(isPossibleBirthYear(2023, today)).toBe(false);
    expect(isPossibleBirthYear(2010.5, today)).toBe(false);
  });
});
