// The demo school's class 7А as each e-journal exports it (tests/fixtures/rosters): every file
// reads to the same 27 pupils, and every pupil is found among the school's people.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { class7a, demoSchoolPeople, type RosterFixtureName, rosterFixtures } from '../../../tests/fixtures/rosters/fixtures.ts';
import { parseRosterFile } from './parse.ts';
import { planRosterImport } from './plan.ts';

const folder = new URL('../../../tests/fixtures/rosters/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, folder)));
const today = new Date('2026-11-27T00:00:00Z');
const school = demoSchoolPeople;

const expected: Record<RosterFixtureName | 'libreoffice-elzhur-7a.xlsx', object> = {
  'dnevnik-ru-7a.xlsx': { format: 'xlsx', headerLine: 4, classNameFromTitle: '7А', sheetName: 'Список учащихся' },
  'mesh-7a.xlsx': { format: 'xlsx', headerLine: 1, classNameFromTitle: '7А', sheetName: '7А' },
  'sgo-7a.csv': { format: 'csv', encoding: 'windows-1251', delimiter: ';', headerLine: 2, classNameFromTitle: '7А' },
  'elzhur-7a.csv': { format: 'csv', encoding: 'utf-8-bom', delimiter: ',', headerLine: 1 },
  'edu-tatar-7a.xlsx': { format: 'xlsx', headerLine: 3 },
  'google-classroom-7a.csv': { format: 'csv', encoding: 'utf-8', delimiter: ',', headerLine: 1 },
  // Saved by LibreOffice Calc 7.4 from elzhur-7a.csv (a workbook a real spreadsheet program wrote).
  'libreoffice-elzhur-7a.xlsx': { format: 'xlsx', headerLine: 1 },
};

describe.each(Object.entries(expected))('%s', (name, layout) => {
  const parsed = parseRosterFile(read(name), name, { today });

  it('reads all 27 pupils without an error', () => {
    expect(parsed).toMatchObject(layout);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(class7a.length);
    const cyrillic = name.startsWith('google') ? parsed.rows.filter((row) => /[а-я]/i.test(row.last_name)) : parsed.rows;
    for (const row of cyrillic) {
      const pupil = class7a.find((candidate) => candidate.last.replaceAll('ё', 'е') === row.last_name.replaceAll('ё', 'е'));
      expect(pupil, row.last_name).toBeDefined();
      if (!name.startsWith('google')) expect(row.className).toBe('7А');
      if (row.birthYear !== null) expect(row.birthYear).toBe(pupil?.birthYear);
      if (row.birthDate !== null) expect(row.birthDate).toBe(pupil?.birthDate);
      if (row.email !== null) expect(row.email).toBe(pupil?.email);
    }
  });

  it('finds every pupil among the demo school’s people', () => {
    const plan = planRosterImport(parsed.rows, school, { defaultClassName: '7А' });
    expect(plan.new).toEqual([]);
    expect(plan.ambiguous).toEqual([]);
    expect(plan.invalid).toEqual([]);
    expect(plan.known.map((entry) => entry.personId)).toEqual(class7a.map((pupil) => pupil.id));
  });
});

describe('the fixture files', () => {
  const unzipped = (bytes: Uint8Array) =>
    Object.fromEntries(Object.entries(unzipSync(bytes)).map(([part, data]) => [part, new TextDecoder().decode(data)]));

  it.each(Object.entries(rosterFixtures))('%s is what fixtures.ts builds (node tests/fixtures/rosters/write.ts)', (name, build) => {
    const built = build();
    if (name.endsWith('.xlsx')) expect(unzipped(read(name))).toEqual(unzipped(built));
    else expect(read(name)).toEqual(built);
  });
});
