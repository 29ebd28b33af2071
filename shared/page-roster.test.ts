import { describe, expect, it } from 'vitest';
import { pageRosterCsv, splitDisplayName, utf8ToBase64 } from './page-roster.ts';

describe('splitDisplayName', () => {
  it('reads journals’ «Фамилия Имя» and «Фамилия Имя Отчество»', () => {
    expect(splitDisplayName('Карпова Мария')).toEqual({ last_name: 'Карпова', first_name: 'Мария', middle_name: null });
    expect(splitDisplayName('Кудрявцев Даниил Маркович')).toEqual({
      last_name: 'Кудрявцев',
      first_name: 'Даниил',
      middle_name: 'Маркович',
    });
  });
  it('reads «Имя Фамилия» on given-first sites (Moodle, Classroom, Canvas)', () => {
    expect(splitDisplayName('Елизавета Данилова', 'given-first')).toEqual({
      last_name: 'Данилова',
      first_name: 'Елизавета',
      middle_name: null,
    });
    expect(splitDisplayName('Mariya Karpova', 'given-first')).toEqual({ last_name: 'Karpova', first_name: 'Mariya', middle_name: null });
  });
  it('lets a patronymic decide the order whatever the site', () => {
    expect(splitDisplayName('Мария Олеговна Карпова', 'family-first')).toEqual({
      last_name: 'Карпова',
      first_name: 'Мария',
      middle_name: 'Олеговна',
    });
    expect(splitDisplayName('Карпова Мария Олеговна', 'given-first')).toEqual({
      last_name: 'Карпова',
      first_name: 'Мария',
      middle_name: 'Олеговна',
    });
    expect(splitDisplayName('Алиев Рустам Ахмед оглы')).toEqual({ last_name: 'Алиев', first_name: 'Рустам', middle_name: 'Ахмед оглы' });
  });
  it('refuses what is not a name', () => {
    expect(splitDisplayName('Иванов')).toBeNull();
    expect(splitDisplayName('Итого: 5')).toBeNull();
    expect(splitDisplayName('')).toBeNull();
  });
  it('drops a parenthesised note (Canvas pronouns)', () => {
    expect(splitDisplayName('Анна Карпова (она/её)', 'given-first')).toEqual({
      last_name: 'Карпова',
      first_name: 'Анна',
      middle_name: null,
    });
  });
});

describe('pageRosterCsv', () => {
  it('writes one row per person with the page’s class, header first', () => {
    const { csv, rows, skipped } = pageRosterCsv([
      { name: 'Карпова Мария', className: '10б' },
      { name: 'Воробьёва Василиса', className: '10-Б' },
      { name: 'Карпова Мария', className: '10б' },
      { name: 'Итого', className: '10б' },
    ]);
    expect(csv).toBe('Фамилия;Имя;Отчество;Класс\r\nКарпова;Мария;;10Б\r\nВоробьёва;Василиса;;10Б\r\n');
    expect(rows).toBe(2);
    expect(skipped).toEqual(['Итого']);
  });
  it('leaves the class empty when the page does not say', () => {
    expect(pageRosterCsv([{ name: 'Кирилл Волков', className: null }], 'given-first').csv).toContain('Волков;Кирилл;;\r\n');
  });
  it('quotes cells that hold the delimiter or quotes', () => {
    expect(pageRosterCsv([{ name: 'Иванов Иван', className: 'Кружок; «Физика»"' }]).csv).toContain(';"Кружок; «Физика»"""');
  });
});

describe('utf8ToBase64', () => {
  it('encodes Cyrillic as UTF-8', () => {
    expect(utf8ToBase64('Фамилия;Имя')).toBe(Buffer.from('Фамилия;Имя', 'utf8').toString('base64'));
    expect(utf8ToBase64('x'.repeat(70_000))).toBe(Buffer.from('x'.repeat(70_000)).toString('base64'));
  });
});
