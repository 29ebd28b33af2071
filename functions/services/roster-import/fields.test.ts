import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, parseDate } from './dates.ts';
import * as field from './fields.ts';
import { columnsOf, fieldOfHeader, findHeader } from './header.ts';

describe('value parsers', () => {
  it('normalises classes to «7А»', () => {
    for (const text of ['7А', '7а', '7-А', '7 А', '7 «А»', '7"А"', '7а класс', '7A', ' 07 a '])
      expect(field.parseClassName(text)).toEqual({ ok: true, value: '7А' });
    expect(field.parseClassName('10-Б')).toEqual({ ok: true, value: '10Б' });
    expect(field.parseClassName('11 в')).toEqual({ ok: true, value: '11В' });
    expect(field.parseClassName('11 ё').ok).toBe(true);
    for (const text of ['12А', '0Б', 'седьмой', '7АБ', '7-1', '12', '0', '7 классы', '№7'])
      expect(field.parseClassName(text).ok).toBe(false);
    // A grade with one class has no letter.
    for (const [text, value] of [
      ['11', '11'],
      ['7 класс', '7'],
      ['7класс', '7'],
      [' 07 ', '7'],
      ['1', '1'],
    ])
      expect(field.parseClassName(text as string)).toEqual({ ok: true, value });
    expect(field.parseGradeAndLetter('7', 'а')).toEqual({ ok: true, value: '7А' });
    expect(field.parseGradeAndLetter('10 класс', 'Б')).toEqual({ ok: true, value: '10Б' });
    expect(field.parseGradeAndLetter('', 'Б').ok).toBe(false);
    // A «Параллель» without its «Литера» is a grade, not a class.
    expect(field.parseGradeAndLetter('11', '').ok).toBe(false);
  });

  it('checks and lower-cases e-mail addresses', () => {
    expect(field.parseEmail(' Ivan.Petrov@School17.example.RU ')).toEqual({ ok: true, value: 'ivan.petrov@school17.example.ru' });
    expect(field.parseEmail('mailto:a@b.рф')).toEqual({ ok: true, value: 'a@b.рф' });
    for (const text of ['ivan', 'ivan@', '@x.ru', 'ivan@x', 'a b@x.ru', 'a@x.ru; b@y.ru']) expect(field.parseEmail(text).ok).toBe(false);
  });

  it('reads sex, phones and dates as Russian exports write them', () => {
    expect(field.parseSex('Муж.')).toEqual({ ok: true, value: 'm' });
    expect(field.parseSex('женский')).toEqual({ ok: true, value: 'f' });
    expect(field.parseSex('F')).toEqual({ ok: true, value: 'f' });
    expect(field.parseSex('?').ok).toBe(false);
    expect(field.parsePhone('8 (916) 123-45-67')).toEqual({ ok: true, value: '+79161234567' });
    expect(field.parsePhone('9161234567')).toEqual({ ok: true, value: '+79161234567' });
    expect(field.parsePhone('+375 29 123 45 67')).toEqual({ ok: true, value: '+375 29 123 45 67' });
    expect(field.parsePhone('нет').ok).toBe(false);
    expect(parseDate('12.03.2013')).toBe('2013-03-12');
    expect(parseDate('12/03/2013')).toBe('2013-03-12');
    expect(parseDate('2013-03-12')).toBe('2013-03-12');
    expect(parseDate('1 мая 2013 г.')).toBe('2013-05-01');
    expect(parseDate('15 марта 2013')).toBe('2013-03-15');
    expect(parseDate('31.02.2013')).toBeNull();
    expect(parseDate('12.03.13')).toBeNull();
    expect(field.parseBirthDate('2013')).toEqual({ ok: true, value: { date: null, year: 2013 } });
    expect(field.parseBirthDate('41345')).toEqual({ ok: true, value: { date: '2013-03-12', year: 2013 } });
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
    expect(field.nameCase('ИВАНОВ')).toBe('Иванов');
    expect(field.nameCase('МАМИНА-СИБИРЯК')).toBe('Мамина-Сибиряк');
    expect(field.nameCase('МакДональд')).toBe('МакДональд');
    expect(field.nameCase('И')).toBe('И');
  });

  it('reads a cell copied from a web page: zero-width and no-break spaces, runs of spaces', () => {
    expect(field.cleanText('\u200bИванов\u00a0\u00a0 Иван\ufeff  ')).toBe('Иванов Иван');
    expect(field.cleanText('Ива\u200dнов')).toBe('Иванов');
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

  it('reads headers with a note in brackets or a longer «Фамилия, имя, отчество …»', () => {
    expect(fieldOfHeader('Дата рождения [дд.мм.гггг]')).toBe('birthDate');
    expect(fieldOfHeader('Телефон (мобильный)')).toBe('phone');
    expect(fieldOfHeader('Фамилия, имя, отчество ученика (полностью)')).toBe('fullName');
    expect(fieldOfHeader('Фамилия, имя ребёнка')).toBeNull();
    expect(fieldOfHeader('(пусто)')).toBeNull();
  });

  it('takes the first of two columns naming the same field, and the first of two equally good header rows', () => {
    expect(columnsOf([' ФИО ', 'Класс', 'Класс (группа)']).map((column) => [column.field, column.header, column.letter])).toEqual([
      ['fullName', 'ФИО', 'A'],
      ['className', 'Класс', 'B'],
    ]);
    // A repeated header (a printout with one on every page) is found at its first copy.
    expect(
      findHeader([
        ['ФИО', 'Класс'],
        ['Иванов Иван', '7А'],
        ['ФИО', 'Класс'],
      ])?.rowIndex,
    ).toBe(0);
    // A row naming more columns wins over an earlier one naming fewer.
    expect(findHeader([['ФИО'], ['ФИО', 'Класс']])?.rowIndex).toBe(1);
  });

  it('prefers separate name columns to a display «ФИО» beside them', () => {
    expect(columnsOf(['ФИО', 'Фамилия', 'Имя']).map((column) => column.field)).toEqual(['last', 'first']);
    expect(columnsOf(['ФИО', 'Фамилия']).map((column) => column.field)).toEqual(['fullName', 'last']);
  });
});

describe('value parsers: the edges', () => {
  it('a short capitalised name is still a name: «ЛИ» is «Ли»', () => {
    expect(field.nameCase('ЛИ')).toBe('Ли');
    expect(field.nameCase('Я')).toBe('Я');
  });

  it('takes «mailto:» only at the start of an address, and addresses up to 254 characters', () => {
    expect(field.parseEmail('mailto:Ivan@Mail.ru')).toEqual({ ok: true, value: 'ivan@mail.ru' });
    expect(field.parseEmail('xmailto:ivan@mail.ru')).toEqual({ ok: false });
    const local = 'a'.repeat(64);
    const at254 = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(at254).toHaveLength(254);
    expect(field.parseEmail(at254)).toEqual({ ok: true, value: at254 });
    expect(field.parseEmail(`a${at254}`)).toEqual({ ok: false });
  });

  it('knows the first grade and needs a grade number beside a letter', () => {
    expect(field.parseClassName('1а')).toEqual({ ok: true, value: '1А' });
    expect(field.parseGradeAndLetter('класс', '7А')).toEqual({ ok: false });
    expect(field.parseGradeAndLetter('1 класс', 'б')).toEqual({ ok: true, value: '1Б' });
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
    expect(field.parseSex(text)).toEqual({ ok: true, value: sex });
  });

  it('reads no sex from anything else', () => {
    expect(field.parseSex('.м')).toEqual({ ok: false });
    expect(field.parseSex('')).toEqual({ ok: false });
    expect(field.parseSex('мж')).toEqual({ ok: false });
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
    expect(field.parsePhone(text)).toEqual(parsed);
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
    expect(field.parseBirthDate(text)).toEqual({ ok: true, value });
  });

  it.each(['2010xг', '141345', '413456', '41345.', 'вчера'])('reads no birth date from «%s»', (text) => {
    expect(field.parseBirthDate(text)).toEqual({ ok: false });
  });

  it('a birth year is 1900 to four years ago', () => {
    const today = new Date('2026-09-01T00:00:00Z');
    expect(field.isPossibleBirthYear(1900, today)).toBe(true);
    expect(field.isPossibleBirthYear(1899, today)).toBe(false);
    expect(field.isPossibleBirthYear(2022, today)).toBe(true);
    expect(field.isPossibleBirthYear(2023, today)).toBe(false);
    expect(field.isPossibleBirthYear(2010.5, today)).toBe(false);
  });
});
