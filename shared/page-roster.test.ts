import { describe, expect, it } from 'vitest';
import { pageRosterCsv, splitDisplayName, utf8ToBase64 } from './page-roster.ts';

describe('splitDisplayName', () => {
  it('splits a name as splitName does, in the order the site prints', () => {
    expect(splitDisplayName('Елизавета Данилова', 'given-first')).toMatchObject({ last_name: 'Данилова', first_name: 'Елизавета' });
    expect(splitDisplayName('Карпова Мария')).toMatchObject({ last_name: 'Карпова', first_name: 'Мария' });
  });
  it('refuses what is not a name', () => {
    expect(splitDisplayName('Иванов')).toBeNull();
    expect(splitDisplayName('Итого: 5')).toBeNull();
    expect(splitDisplayName('Средний балл 4,5')).toBeNull();
    expect(splitDisplayName('')).toBeNull();
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
