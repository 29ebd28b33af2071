import { describe, expect, it } from 'vitest';
import { pageRosterRows, splitDisplayName } from './page-roster.ts';

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

describe('pageRosterRows', () => {
  const row = (last_name: string, first_name: string, class_name: string | null, middle_name: string | null = null) => ({
    last_name,
    first_name,
    middle_name,
    class_name,
  });
  it('gives one row per person with the page’s class as «10Б», in the page’s order', () => {
    const { rows, skipped } = pageRosterRows([
      { name: 'Карпова Мария', className: '10б' },
      { name: 'Воробьёва Василиса', className: '10-Б' },
      { name: 'КАРПОВА МАРИЯ', className: '10 б' },
      { name: 'Итого', className: '10б' },
      { name: 'Итого', className: '10б' },
      { name: 'Карпова Мария', className: '11б' },
      { name: 'Воробьева Василиса', className: '10Б' },
    ]);
    expect(rows).toEqual([row('Карпова', 'Мария', '10Б'), row('Воробьёва', 'Василиса', '10Б'), row('Карпова', 'Мария', '11Б')]);
    expect(skipped).toEqual(['Итого']);
  });
  it('tells apart two people whose names run together the same («Ким Енсу», «Кимен Су»)', () => {
    const { rows } = pageRosterRows([
      { name: 'Ким Енсу', className: '7А' },
      { name: 'Кимен Су', className: '7А' },
    ]);
    expect(rows).toEqual([row('Ким', 'Енсу', '7А'), row('Кимен', 'Су', '7А')]);
  });
  it('leaves the class empty when the page does not say, and keeps a class it cannot read as printed', () => {
    expect(pageRosterRows([{ name: 'Кирилл Волков', className: null }], 'given-first').rows).toEqual([row('Волков', 'Кирилл', null)]);
    expect(pageRosterRows([{ name: 'Иванов Иван', className: ' Кружок «Физика» ' }]).rows).toEqual([
      row('Иванов', 'Иван', 'Кружок «Физика»'),
    ]);
  });
  it('splits with the shared splitter: a patronymic settles the order', () => {
    expect(pageRosterRows([{ name: 'Мария Олеговна Карпова', className: '7А' }], 'family-first').rows).toEqual([
      row('Карпова', 'Мария', '7А', 'Олеговна'),
    ]);
  });
});
