import { describe, expect, it } from 'vitest';
import { pageRosterCsv, splitDisplayName, utf8ToBase64 } from './page-roster.ts';

describe('splitDisplayName', () => {
  it('reads journals’ «Фамилия Имя» and «Фамилия Имя Отчество»', () => {
    expect(splitDisplayName('Карпова Мария')).toEqual({ last: 'Карпова', first: 'Мария', middle: null });
    expect(splitDisplayName('Кудрявцев Даниил Маркович')).toEqual({ last: 'Кудрявцев', first: 'Даниил', middle: 'Маркович' });
  });
  it('reads «Имя Фамилия» on given-first sites (Moodle, Classroom, Canvas)', () => {
    expect(splitDisplayName('Елизавета Данилова', 'given-first')).toEqual({ last: 'Данилова', first: 'Елизавета', middle: null });
    expect(splitDisplayName('Mariya Karpova', 'given-first')).toEqual({ last: 'Karpova', first: 'Mariya', middle: null });
  });
  it('lets a patronymic decide the order whatever the site', () => {
    expect(splitDisplayName('Мария Олеговна Карпова', 'family-first')).toEqual({ last: 'Карпова', first: 'Мария', middle: 'Олеговна' });
    expect(splitDisplayName('Карпова Мария Олеговна', 'given-first')).toEqual({ last: 'Карпова', first: 'Мария', middle: 'Олеговна' });
    expect(splitDisplayName('Алиев Рустам Ахмед оглы')).toEqual({ last: 'Алиев', first: 'Рустам', middle: 'Ахмед оглы' });
  });
  it('refuses what is not a name', () => {
    expect(splitDisplayName('Иванов')).toBeNull();
    expect(splitDisplayName('Итого: 5')).toBeNull();
    expect(splitDisplayName('')).toBeNull();
  });
  it('drops a parenthesised note (Canvas pronouns)', () => {
    expect(splitDisplayName('Анна Карпова (она/её)', 'given-first')).toEqual({ last: 'Карпова', first: 'Анна', middle: null });
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
