import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, parseDate } from './dates.ts';
import {
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
