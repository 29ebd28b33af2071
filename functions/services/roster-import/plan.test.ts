import { describe, expect, it } from 'vitest';
import { rosterImportRequest, rosterPreview as rosterPreviewSchema } from '../../../shared/api/roster-import.ts';
import { demoSchoolPeople, existingPerson } from '../../../tests/fixtures/rosters/fixtures.ts';
import { parseRosterFile } from './parse.ts';
import { planRosterImport } from './plan.ts';
import { rosterPreview } from './preview.ts';

const today = new Date('2026-11-27T00:00:00Z');
const school = demoSchoolPeople;
const rowsOf = (csv: string) => parseRosterFile(new TextEncoder().encode(csv), 'list.csv', { today }).rows;
const lines = (rows: readonly { line: number }[]) => rows.map((row) => row.line);

describe('planRosterImport', () => {
  it('sorts rows into new, known by e-mail, known by name and class', () => {
    const rows = rowsOf(
      [
        'ФИО;Класс;E-mail',
        'Новикова Ника Ивановна;7А;', // nobody of that name: new
        'Сорокин Антон Владимирович;7А;A.Sorokin2@school17.example.ru', // by e-mail
        'Абрамов Константин;7-а;', // by name within the class (no patronymic in the file)
        'Пономарева Виктория Романовна;7А;', // ё = е
        'МАРТЫНОВА ФЁКЛА ФЁДОРОВНА;7А;', // capitals
      ].join('\n'),
    );
    const plan = planRosterImport(rows, school);
    expect(lines(plan.new)).toEqual([2]);
    expect(plan.known.map((entry) => [entry.row.line, entry.personId, entry.matchedBy])).toEqual([
      [3, 's-0304', 'email'],
      [4, 's-0305', 'name'],
      [5, 's-0324', 'name'],
      [6, 's-0325', 'name'],
    ]);
    expect(plan.known.every((entry) => Object.keys(entry.changes).length === 0)).toBe(true);
    expect(plan.ambiguous).toEqual([]);
    expect(plan.invalid).toEqual([]);
  });

  it('leaves namesakes ambiguous, and lets the class tell them apart when it can', () => {
    // Four «Яковлев Евгений» in the demo school: s-0058 (Фёдорович, 2А), s-0070 (Владимирович, 2А),
    // s-0150 (Владимирович, 3Б), s-0473 (Николаевич, 10А).
    const rows = rowsOf(
      [
        'ФИО;Класс',
        'Яковлев Евгений;2А', // two in 2А
        'Яковлев Евгений Владимирович;', // two in the school, no class to tell
        'Яковлев Евгений Владимирович;3Б', // one in 3Б
        'Яковлев Евгений;10А', // one in 10А
        'Яковлев Евгений Николаевич;11А', // only in 10А: moved up a year, or a namesake
      ].join('\n'),
    );
    const plan = planRosterImport(rows, school);
    expect(plan.ambiguous.map((entry) => [entry.row.line, entry.reason, entry.candidates])).toEqual([
      [2, 'namesakes', ['s-0058', 's-0070']],
      [3, 'namesakes', ['s-0070', 's-0150']],
      [6, 'other_class', ['s-0473']],
    ]);
    expect(plan.known.map((entry) => [entry.row.line, entry.personId])).toEqual([
      [4, 's-0150'],
      [5, 's-0473'],
    ]);
    expect(plan.new).toEqual([]);
  });

  it('applies the default class to rows without one, and reports what the file changes', () => {
    const rows = rowsOf(
      ['Last Name,First Name,Email Address', 'Martynov,Gleb,gleb.m@gmail.com', 'Kudryavtsev,Nikita,n.kudriavtsev@school17.example.ru'].join(
        '\n',
      ),
    );
    const plan = planRosterImport(rows, school, { defaultClassName: '7-а' });
    expect(plan.known.map((entry) => [entry.row.line, entry.personId, entry.matchedBy, entry.row.className, entry.changes])).toEqual([
      [2, 's-0306', 'name', '7А', { email: { from: 'g.martynov@school17.example.ru', to: 'gleb.m@gmail.com' } }],
      [3, 's-0327', 'email', '7А', {}],
    ]);
    const moved = planRosterImport(rowsOf('ФИО;E-mail\nСорокин Антон Владимирович;a.sorokin2@school17.example.ru'), school, {
      defaultClassName: '8А',
    });
    expect(moved.known[0]?.changes).toEqual({ className: { from: '7А', to: '8А' } });
  });

  it('flags the same person twice in the file on the later line', () => {
    const rows = rowsOf(
      [
        'ФИО;Класс;E-mail',
        'Новикова Ника Ивановна;7А;nika@mail.ru',
        'НОВИКОВА Ника Ивановна;7-а;', // same name and class as line 2
        'Другая Девочка;7А;NIKA@mail.ru', // same e-mail as line 2
        'Сорокин Антон Владимирович;7А;',
        'Сорокин Антон;7А;a.sorokin2@school17.example.ru', // the same known person as line 5
        'Новикова Ника Ивановна;8Б;', // a namesake in another class is someone else
      ].join('\n'),
    );
    const plan = planRosterImport(rows, school);
    expect(lines(plan.new)).toEqual([2, 7]);
    expect(plan.known.map((entry) => entry.row.line)).toEqual([5]);
    expect(plan.invalid.map((entry) => [entry.row.line, entry.errors.map((error) => [error.code, error.message_en])])).toEqual([
      [3, [['duplicate_in_file', 'The same person is already in the file at line 2']]],
      [4, [['duplicate_in_file', 'The same person is already in the file at line 2']]],
      [6, [['duplicate_in_file', 'The same person is already in the file at line 5']]],
    ]);
  });

  it('puts rows with errors aside, and initials only where they find someone', () => {
    const rows = rowsOf(
      ['ФИО;Класс;E-mail', ';7А;x@y.ru', 'Кудрявцев Н. П.;7А;', 'Неизвестный Н. Н.;7А;', 'Белов Николай;7А;not-mail'].join('\n'),
    );
    const plan = planRosterImport(rows, school);
    expect(plan.known.map((entry) => [entry.row.line, entry.personId])).toEqual([[3, 's-0327']]);
    expect(plan.invalid.map((entry) => [entry.row.line, entry.errors.map((error) => error.code)])).toEqual([
      [2, ['missing_last', 'missing_first']],
      [4, ['initials_not_found']],
      [5, ['bad_email']],
    ]);
    expect(plan.new).toEqual([]);
  });

  it('does not guess between people sharing an e-mail', () => {
    const shared = [
      { id: 'a', last_name: 'Иванова', first_name: 'Анна', middle_name: null, className: '1А', email: 'family@mail.ru' },
      { id: 'b', last_name: 'Иванов', first_name: 'Борис', middle_name: null, className: '3А', email: 'Family@mail.ru' },
    ];
    const plan = planRosterImport(rowsOf('ФИО;E-mail\nИванова Анна;family@mail.ru'), shared);
    expect(plan.ambiguous).toEqual([expect.objectContaining({ reason: 'shared_email', candidates: ['a', 'b'] })]);
  });
});

describe('planRosterImport: classes, e-mails and names of people already in the school', () => {
  const person = existingPerson;

  it('finds a person with no class yet by name, and moves them into the file’s class', () => {
    const plan = planRosterImport(rowsOf('ФИО;Класс\nЛебедев Олег;7А'), [person('p1', 'Лебедев', 'Олег', null)]);
    expect(plan.known.map((entry) => [entry.personId, entry.matchedBy, entry.changes])).toEqual([
      ['p1', 'name', { className: { from: null, to: '7А' } }],
    ]);
  });

  it('compares a class that is no grade and letter as written, whatever the case and spaces', () => {
    const plan = planRosterImport(rowsOf('ФИО\nЛебедев Олег'), [person('p1', 'Лебедев', 'Олег', 'Кружок')], {
      defaultClassName: ' кружок ',
    });
    expect(plan.known.map((entry) => [entry.personId, entry.changes])).toEqual([['p1', {}]]);
  });

  it('gives rows the class imported into as the school names it, even one that is no grade and letter', () => {
    // Upper-cased, «КРУЖОК РОБОТОТЕХНИКИ» would be no class of the school, and the import would create it.
    const plan = planRosterImport(rowsOf('ФИО\nНовиков Роман'), [], { defaultClassName: 'Кружок робототехники' });
    expect(plan.new.map((row) => row.className)).toEqual(['Кружок робототехники']);
  });

  it('finds a person by an e-mail stored with spaces and capitals, and reports the new name the file gives', () => {
    const plan = planRosterImport(rowsOf('ФИО;Класс;E-mail\nЛебедева Ольга;7А;olga@mail.ru'), [
      person('p1', 'Смирнова', 'Ольга', '7А', ' Olga@Mail.ru '),
    ]);
    expect(plan.known.map((entry) => [entry.personId, entry.matchedBy, entry.changes])).toEqual([
      ['p1', 'email', { name: { from: 'Смирнова Ольга', to: 'Лебедева Ольга' } }],
    ]);
  });
});

describe('rosterPreview', () => {
  it('gives the preview JSON the schema describes', () => {
    const csv = [
      'Список класса 2А',
      'ФИО;E-mail;Пол',
      'Новая Ученица;;ж',
      'Яковлев Евгений;;?',
      'Ильин;;',
      'Яковлев Евгений Фёдорович;e.iakovlev@school17.example.ru;м',
    ].join('\n');
    const parsed = parseRosterFile(new TextEncoder().encode(csv), '2a.csv', { today });
    const plan = planRosterImport(parsed.rows, school, { defaultClassName: '2А' });
    const preview = rosterPreview(parsed, plan, school, { dryRun: true, defaultClassName: '2А' });
    expect(rosterPreviewSchema.parse(preview)).toEqual(preview);
    expect(preview.counts).toEqual({ rows: 4, new: 1, known: 1, ambiguous: 1, invalid: 1, warnings: 1 });
    expect(preview.file).toMatchObject({ name: '2a.csv', format: 'csv', header_line: 2, class_from_title: '2А' });
    expect(preview.ambiguous[0]?.candidates).toEqual([
      { person_id: 's-0058', last_name: 'Яковлев', first_name: 'Евгений', middle_name: 'Фёдорович', class_name: '2А' },
      { person_id: 's-0070', last_name: 'Яковлев', first_name: 'Евгений', middle_name: 'Владимирович', class_name: '2А' },
    ]);
    expect(preview.ambiguous[0]?.row.warnings.map((warning) => warning.code)).toEqual(['bad_sex']);
    expect(preview.known[0]).toMatchObject({ person_id: 's-0058', matched_by: 'email', changes: {} });
    expect(preview.new[0]).toMatchObject({ line: 3, last_name: 'Новая', first_name: 'Ученица', class_name: '2А', sex: 'f' });
  });

  it('validates the route’s request', () => {
    const request = rosterImportRequest.parse({ file_name: '7a.csv', content_base64: 'RklPCg==' });
    expect(request).toEqual({ file_name: '7a.csv', content_base64: 'RklPCg==', dry_run: true, resolutions: [] });
    expect(rosterImportRequest.safeParse({ file_name: '', content_base64: '' }).success).toBe(false);
    expect(
      rosterImportRequest.safeParse({
        file_name: 'a.xlsx',
        content_base64: '',
        dry_run: false,
        resolutions: [
          { line: 4, action: 'person', person_id: '6b1c3d1e-8a4f-4c1e-9d0e-3f2a1b4c5d6e' },
          { line: 5, action: 'skip' },
        ],
      }).success,
    ).toBe(true);
  });
});
