import { describe, expect, it } from 'vitest';
import { buildRow, type RowContext } from './rows.ts';
import type { RosterField, RosterRow } from './types.ts';

const headers: Record<RosterField, string> = {
  fullName: 'ФИО',
  last: 'Фамилия',
  first: 'Имя',
  middle: 'Отчество',
  className: 'Класс',
  grade: 'Параллель',
  letter: 'Литера',
  birthDate: 'Дата рождения',
  birthYear: 'Год рождения',
  sex: 'Пол',
  phone: 'Телефон',
  email: 'E-mail',
  login: 'Логин',
} as Record<RosterField, string>;

/** A table whose columns are the given fields, in that order; rows read on 1 September 2026. */
function context(fields: RosterField[], classNameFromTitle: string | null = null): RowContext {
  return {
    columns: fields.map((field, index) => ({ field, header: headers[field], index, letter: String.fromCharCode(65 + index) })),
    classNameFromTitle,
    today: new Date('2026-09-01T00:00:00Z'),
  };
}

function row(fields: RosterField[], cells: string[], classNameFromTitle: string | null = null): RosterRow {
  const built = buildRow(5, cells, context(fields, classNameFromTitle));
  if (!built) throw new Error('no row');
  return built;
}

const issuesOf = (built: RosterRow) => built.issues.map((issue) => [issue.code, issue.column, issue.message_en]);

describe('buildRow', () => {
  it('skips a row with no name and no e-mail, even when other cells are filled', () => {
    expect(buildRow(5, ['', '', '7А'], context(['last', 'first', 'className']))).toBeNull();
    expect(buildRow(5, ['', '', ''], context(['last', 'first', 'email']))).toBeNull();
    expect(buildRow(5, ['', 'Иван'], context(['last', 'first']))?.issues.map((issue) => issue.code)).toEqual(['missing_last']);
    expect(buildRow(5, ['', '', 'ivan@mail.ru'], context(['last', 'first', 'email']))?.email).toBe('ivan@mail.ru');
  });

  it('splits a «ФИО» cell with the shared splitter, capitals written as names', () => {
    const fio = (text: string) => row(['fullName', 'className'], [text, '7А']);
    expect(fio('РИМСКИЙ-КОРСАКОВ АРТЁМ')).toMatchObject({ last_name: 'Римский-Корсаков', first_name: 'Артём', middle_name: null });
    expect(fio('ГАРИПОВ МАРК ИЛЬДАР УЛЫ')).toMatchObject({ last_name: 'Гарипов', first_name: 'Марк', middle_name: 'Ильдар Улы' });
    expect(fio('Мария Олеговна Карпова')).toMatchObject({ last_name: 'Карпова', first_name: 'Мария', middle_name: 'Олеговна' });
    expect(fio('Иванов И.И.')).toMatchObject({ first_name: 'И.', middle_name: 'И.', initialsOnly: true });
    expect(issuesOf(fio('Иванов И.И.'))).toEqual([['initials_only', 'ФИО', expect.stringContaining('Only initials')]]);
    expect(issuesOf(fio('Иванов Иван'))).toEqual([]);
  });

  it('refuses a «ФИО» cell that is one word or more words than a name has', () => {
    expect(issuesOf(row(['fullName'], ['Иванов'])).map(([code, column]) => [code, column])).toEqual([['missing_first', 'ФИО']]);
    const five = row(['fullName'], ['Иванов Иван Иванович Петров Сидоров']);
    expect(five.issues.map((issue) => [issue.code, issue.column, issue.severity])).toEqual([['bad_name', 'ФИО', 'error']]);
    expect(five.issues[0]?.message_ru).toContain('Иванов Иван Иванович Петров Сидоров');
  });

  it('reads initials in separate columns, adding the dots', () => {
    const built = row(['last', 'first', 'middle'], ['ИВАНОВ', 'И', 'П']);
    expect(built).toMatchObject({ last_name: 'Иванов', first_name: 'И.', middle_name: 'П.', initialsOnly: true });
    expect(issuesOf(built)).toEqual([['initials_only', 'Имя', expect.stringContaining('Only initials')]]);
    expect(row(['last', 'first', 'middle'], ['Иванов', 'И.', 'П.'])).toMatchObject({
      first_name: 'И.',
      middle_name: 'П.',
      initialsOnly: true,
    });
    expect(row(['last', 'first'], ['Иванов', 'И'])).toMatchObject({ first_name: 'И.', middle_name: null, initialsOnly: true });
    expect(row(['last', 'first', 'middle'], ['Иванов', 'И.', 'Петрович'])).toMatchObject({
      first_name: 'И.',
      middle_name: 'Петрович',
      initialsOnly: false,
    });
  });

  it('says which name part is not a name, and in which column', () => {
    expect(issuesOf(row(['last', 'first'], ['Иванов1', 'Иван']))).toEqual([
      ['bad_name', 'Фамилия', 'The name has characters a name cannot have: “Иванов1”'],
    ]);
    expect(issuesOf(row(['last', 'first', 'middle'], ['Иванов', 'Иван', 'Иванович2']))).toEqual([
      ['bad_name', 'Отчество', 'The name has characters a name cannot have: “Иванович2”'],
    ]);
    expect(issuesOf(row(['fullName'], ['Иванов Иван 3']))).toEqual([
      ['bad_name', 'ФИО', 'The name has characters a name cannot have: “3”'],
    ]);
    expect(issuesOf(row(['fullName'], ['Иванов']))).toEqual([['missing_first', 'ФИО', 'The first name is missing']]);
    expect(issuesOf(row(['fullName'], ['Иванов И.']))).toEqual([['initials_only', 'ФИО', expect.any(String)]]);
  });

  it('takes a class from one cell, or from a grade and a letter, or from the title', () => {
    expect(row(['last', 'first', 'className'], ['Иванов', 'Иван', '7а']).className).toBe('7А');
    expect(row(['last', 'first', 'className', 'letter'], ['Иванов', 'Иван', '7', 'б']).className).toBe('7Б');
    expect(row(['last', 'first', 'className', 'letter'], ['Иванов', 'Иван', '7в', 'б']).className).toBe('7В');
    expect(row(['last', 'first', 'grade', 'letter'], ['Иванов', 'Иван', '10 класс', 'А']).className).toBe('10А');
    expect(row(['last', 'first', 'className', 'letter'], ['Иванов', 'Иван', '10', 'а']).className).toBe('10А');
    expect(row(['last', 'first', 'className'], ['Иванов', 'Иван', '11']).className).toBe('11');
    expect(issuesOf(row(['last', 'first', 'className'], ['Иванов', 'Иван', '11 класс']))).toEqual([]);
    expect(issuesOf(row(['last', 'first', 'grade', 'letter'], ['Иванов', 'Иван', '11', '']))).toEqual([
      ['bad_class', 'Параллель', expect.stringContaining('11')],
    ]);
    expect(row(['last', 'first'], ['Иванов', 'Иван'], '9Г').className).toBe('9Г');
    expect(row(['last', 'first', 'className'], ['Иванов', 'Иван', ''], '9Г').className).toBe('9Г');
  });

  it('reads a row that ends before the last columns (a spreadsheet row stops at its last value) as empty there', () => {
    const built = row(['last', 'first', 'className', 'birthDate', 'sex'], ['Иванов', 'Иван'], '9Г');
    expect(built).toMatchObject({ className: '9Г', birthDate: null, birthYear: null, sex: null, issues: [] });
  });

  it('says which class cell it could not read, with what it read', () => {
    expect(issuesOf(row(['last', 'first', 'className'], ['Иванов', 'Иван', '15Я']))).toEqual([
      ['bad_class', 'Класс', expect.stringContaining('15Я')],
    ]);
    expect(issuesOf(row(['last', 'first', 'grade', 'letter'], ['Иванов', 'Иван', '12', 'А']))).toEqual([
      ['bad_class', 'Параллель', expect.stringContaining('12 А')],
    ]);
    expect(issuesOf(row(['last', 'first', 'className', 'letter'], ['Иванов', 'Иван', '12', 'А']))).toEqual([
      ['bad_class', 'Класс', expect.stringContaining('12 А')],
    ]);
    expect(issuesOf(row(['last', 'first', 'letter'], ['Иванов', 'Иван', 'А']))).toEqual([
      ['bad_class', 'Литера', expect.stringContaining('“А”')],
    ]);
    // A class cell of more than two digits is no grade to join to the letter: «107» is not «10Б».
    expect(issuesOf(row(['last', 'first', 'className', 'letter'], ['Иванов', 'Иван', '107', 'б']))).toEqual([
      ['bad_class', 'Класс', expect.stringContaining('107')],
    ]);
    // The field too, whatever the column's heading, so the preview can point at it.
    expect(row(['last', 'first', 'grade', 'letter'], ['Иванов', 'Иван', '12', 'А']).issues.map((issue) => issue.field)).toEqual(['grade']);
  });

  it('reads a birth date and a birth year, and says which is impossible or disagrees', () => {
    expect(row(['last', 'first', 'birthDate'], ['Иванов', 'Иван', '12.03.2013'])).toMatchObject({
      birthDate: '2013-03-12',
      birthYear: 2013,
    });
    expect(row(['last', 'first', 'birthDate'], ['Иванов', 'Иван', '2013'])).toMatchObject({ birthDate: null, birthYear: 2013 });
    expect(issuesOf(row(['last', 'first', 'birthDate'], ['Иванов', 'Иван', '12.03.2025']))).toEqual([
      ['bad_birth_year', 'Дата рождения', 'Impossible year of birth: 2025'],
    ]);
    expect(issuesOf(row(['last', 'first', 'birthDate'], ['Иванов', 'Иван', 'вчера']))).toEqual([
      ['bad_birth_date', 'Дата рождения', 'Cannot read the date of birth “вчера”'],
    ]);
    expect(issuesOf(row(['last', 'first', 'birthYear'], ['Иванов', 'Иван', 'давно']))).toEqual([
      ['bad_birth_year', 'Год рождения', 'Impossible year of birth: давно'],
    ]);
    expect(issuesOf(row(['last', 'first', 'birthYear'], ['Иванов', 'Иван', '1812']))).toEqual([
      ['bad_birth_year', 'Год рождения', 'Impossible year of birth: 1812'],
    ]);
    // A year column holding a whole date gives its year.
    expect(row(['last', 'first', 'birthYear'], ['Иванов', 'Иван', '12.03.2013'])).toMatchObject({ birthDate: null, birthYear: 2013 });
    expect(row(['last', 'first', 'birthDate', 'birthYear'], ['Иванов', 'Иван', '12.03.2013', '2013'])).toMatchObject({
      birthDate: '2013-03-12',
      birthYear: 2013,
      issues: [],
    });
    const mismatch = row(['last', 'first', 'birthDate', 'birthYear'], ['Иванов', 'Иван', '12.03.2013', '2012']);
    expect(mismatch).toMatchObject({ birthDate: '2013-03-12', birthYear: 2013 });
    expect(mismatch.issues.map((issue) => [issue.code, issue.column, issue.severity])).toEqual([
      ['birth_year_mismatch', 'Год рождения', 'warning'],
    ]);
    expect(mismatch.issues[0]?.message_en).toContain('2012');
    expect(mismatch.issues[0]?.message_en).toContain('2013-03-12');
    const yearOnly = row(['last', 'first', 'birthDate', 'birthYear'], ['Иванов', 'Иван', '2013', '2012']);
    expect(yearOnly.issues[0]?.message_en).toContain('2013');
  });

  it('reports an unreadable sex or phone with what was written, and keeps the login', () => {
    const built = row(['last', 'first', 'sex', 'phone', 'login'], ['Иванов', 'Иван', 'x', 'звонить маме', 'ivanov.i']);
    expect(built).toMatchObject({ sex: null, phone: null, login: 'ivanov.i' });
    expect(issuesOf(built)).toEqual([
      ['bad_sex', 'Пол', 'Sex “x” not recognised (М or Ж expected): left empty'],
      ['bad_phone', 'Телефон', 'Phone “звонить маме” does not look like a number: left empty'],
    ]);
    expect(row(['last', 'first', 'login'], ['Иванов', 'Иван', '']).login).toBeNull();
    expect(row(['last', 'first', 'sex', 'phone'], ['Иванов', 'Иван', 'ж', '89161234567'])).toMatchObject({
      sex: 'f',
      phone: '+79161234567',
    });
  });
});
