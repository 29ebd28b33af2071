import { describe, expect, it } from 'vitest';
import { existingPerson } from '../../../tests/fixtures/rosters/fixtures.ts';
import { parseRosterFile } from './parse.ts';
import { planRosterImport } from './plan.ts';
import { rosterPreview } from './preview.ts';

const today = new Date('2026-11-27T00:00:00Z');
const person = existingPerson;
const school = [
  person('p1', 'Карпова', 'Мария', '9Б', 'm.karpova@mail.ru'),
  person('p2', 'Яковлев', 'Евгений', '2А'),
  person('p3', 'Яковлев', 'Евгений', '2Б'),
  person('p4', 'Волкова', 'Анна', '10А', 'a.volkova@mail.ru'),
];

function preview(csv: string, defaultClassName?: string) {
  const parsed = parseRosterFile(new TextEncoder().encode(csv), 'list.csv', { today });
  const plan = planRosterImport(parsed.rows, school, { defaultClassName });
  return rosterPreview(parsed, plan, school, { dryRun: true, ...(defaultClassName ? { defaultClassName } : {}) });
}

describe('rosterPreview: what the curator sees before anything is written', () => {
  it('names what changes for a known person, and only what changes', () => {
    const shown = preview(
      'Фамилия;Имя;Класс;E-mail;Пол\nКарпова;Мария;10Б;m.karpova@mail.ru;ж\nВолкова-Ким;Анна;10А;a.volkova@mail.ru;\nЯковлев;Евгений;2А;zhenya@mail.ru;\n',
    );
    expect(shown.known.map((known) => [known.person_id, known.matched_by, known.changes])).toEqual([
      ['p1', 'email', { class_name: { from: '9Б', to: '10Б' } }],
      ['p4', 'email', { name: { from: 'Волкова Анна', to: 'Волкова-Ким Анна' } }],
      ['p2', 'name', { email: { from: null, to: 'zhenya@mail.ru' } }],
    ]);
  });

  it('shows a row’s warnings beside it and counts them; its errors only in `invalid`', () => {
    const shown = preview('Фамилия;Имя;Пол;Телефон\nНовикова;Ника;x;12\nИванов;И.;м;\nПетров1;Пётр;м;\n');
    expect(shown.new.map((row) => [row.line, row.warnings.map((warning) => warning.code)])).toEqual([[2, ['bad_sex', 'bad_phone']]]);
    expect(
      shown.invalid.map((entry) => [entry.row.line, entry.row.warnings.map((w) => w.code), entry.errors.map((error) => error.code)]),
    ).toEqual([
      [3, ['initials_only'], ['initials_not_found']],
      [4, [], ['bad_name']],
    ]);
    expect(shown.counts).toMatchObject({ rows: 3, new: 1, invalid: 2, warnings: 3 });
  });

  it('lists the candidates of an ambiguous row with their names and classes, and the class rows were given', () => {
    const shown = preview('Фамилия;Имя\nЯковлев;Евгений\n');
    expect(shown.default_class_name).toBeNull();
    expect(shown.ambiguous[0]?.candidates).toEqual([
      { person_id: 'p2', last_name: 'Яковлев', first_name: 'Евгений', middle_name: null, class_name: '2А' },
      { person_id: 'p3', last_name: 'Яковлев', first_name: 'Евгений', middle_name: null, class_name: '2Б' },
    ]);
    expect(preview('Фамилия;Имя\nНовиков;Роман\n', '7А').default_class_name).toBe('7А');
  });
});
