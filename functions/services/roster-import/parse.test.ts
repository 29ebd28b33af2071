import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeCp1251 } from '../../../tests/fixtures/rosters/fixtures.ts';
import { writeXlsx } from '../../../tests/fixtures/rosters/xlsx-writer.ts';
import { headerSearchRows } from './header.ts';
import { maxDataRows, maxFileBytes, parseRosterFile, parseRosterRows } from './parse.ts';
import type { ParsedRoster } from './types.ts';

const today = new Date('2026-11-27T00:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (bytes: Uint8Array, name = 'roster.csv') => parseRosterFile(bytes, name, { today });
const names = (parsed: ParsedRoster) => parsed.rows.map((row) => [row.last_name, row.first_name, row.middle_name]);

describe('parseRosterFile: CSV', () => {
  const csv = 'Фамилия;Имя;Отчество;Класс;E-mail\r\nИванов;Иван;Иванович;7-а;Ivan@School.RU\r\n"Петрова";"Анна ""Аня""";;7 А;\r\n';

  it('reads the same list in UTF-8, UTF-8 with a BOM and Windows-1251', () => {
    for (const [bytes, encoding] of [
      [utf8(csv), 'utf-8'],
      [utf8(`\ufeff${csv}`), 'utf-8-bom'],
      [encodeCp1251(csv), 'windows-1251'],
    ] as const) {
      const parsed = parse(bytes);
      expect(parsed.encoding).toBe(encoding);
      expect(parsed.format).toBe('csv');
      expect(parsed.delimiter).toBe(';');
      expect(parsed.headerLine).toBe(1);
      expect(parsed.fileErrors).toEqual([]);
      expect(parsed.rows.map((row) => [row.line, row.last_name, row.first_name, row.middle_name, row.className, row.email])).toEqual([
        [2, 'Иванов', 'Иван', 'Иванович', '7А', 'ivan@school.ru'],
        [3, 'Петрова', 'Анна "Аня"', null, '7А', null],
      ]);
    }
  });

  it('reads comma and tab files', () => {
    expect(names(parse(utf8('Фамилия,Имя,Отчество\nИванов,Иван,Иванович\n')))).toEqual([['Иванов', 'Иван', 'Иванович']]);
    const tabbed = parse(utf8('ФИО\tКласс\nСидоров Пётр Ильич\t10Б\n'));
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.rows[0]).toMatchObject({ last_name: 'Сидоров', first_name: 'Пётр', middle_name: 'Ильич', className: '10Б' });
  });

  it('splits a single «ФИО» column and flags initials', () => {
    const parsed = parse(utf8('ФИО\nИванов Иван Иванович\nПетров П. П.\n'));
    expect(names(parsed)).toEqual([
      ['Иванов', 'Иван', 'Иванович'],
      ['Петров', 'П.', 'П.'],
    ]);
    expect(parsed.rows[1]?.initialsOnly).toBe(true);
    expect(parsed.errors).toMatchObject([{ line: 3, column: 'ФИО', code: 'initials_only', severity: 'warning' }]);
  });

  it('refuses a row with a first name and no surname, or a surname and no first name, in separate columns', () => {
    const parsed = parse(utf8('Фамилия;Имя;Отчество;Класс\n;Мария;Ивановна;7А\nПетров;;;7А\nСидорова;Анна;;7А\n'));
    const byLine = (line: number) => parsed.errors.filter((issue) => issue.line === line).map((issue) => [issue.code, issue.column]);
    expect(byLine(2)).toEqual([['missing_last', 'Фамилия']]);
    expect(byLine(3)).toEqual([['missing_first', 'Имя']]);
    expect(byLine(4)).toEqual([]);
    expect(parsed.errors.every((issue) => issue.severity === 'error')).toBe(true);
  });

  it('takes the class from a title line when the table has none', () => {
    const parsed = parse(
      utf8('Список класса 7А;;\r\nМБОУ «СОШ № 17», 2026/2027 учебный год;;\r\n;;\r\nФамилия;Имя;Пол\r\nИванов;Иван;м\r\n'),
    );
    expect(parsed.headerLine).toBe(4);
    expect(parsed.classNameFromTitle).toBe('7А');
    expect(parsed.rows[0]).toMatchObject({ line: 5, className: '7А', sex: 'm' });
  });

  it('reads Google Classroom’s export and skips its average line', () => {
    const parsed = parse(
      utf8('Last Name,First Name,Email Address,Test 1\nClass average,,,7.5\n,,,\nKarpova,Mariya,m.karpova@gmail.com,8\n'),
    );
    expect(parsed.rows).toEqual([
      expect.objectContaining({ line: 4, last_name: 'Karpova', first_name: 'Mariya', email: 'm.karpova@gmail.com', middle_name: null }),
    ]);
  });

  it('reports each row’s problems with line and column, and keeps going', () => {
    const text = [
      'ФИО;Класс;Дата рождения;Год рождения;E-mail;Пол;Телефон',
      'Иванов Иван;7А;12.03.2013;;ivan@school.ru;м;8 916 123-45-67',
      ';7А;;;lost@school.ru;;',
      'Петров;7А;;;;;',
      'Сидоров Сидор;седьмой;31.02.2013;;sidorov@;x;12',
      'Кузнецов Кузьма;12Б;;1850;;;',
      'Смирнов Семён;7А;12.03.2013;2014;;;',
      'Орлов0 Олег;7А;;;;;',
    ].join('\n');
    const parsed = parse(utf8(text));
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(parsed.rows[0]).toMatchObject({ birthDate: '2013-03-12', birthYear: 2013, phone: '+79161234567', issues: [] });
    const byLine = (line: number) =>
      parsed.errors.filter((issue) => issue.line === line).map((issue) => [issue.code, issue.column, issue.severity]);
    expect(byLine(3)).toEqual([
      ['missing_last', 'ФИО', 'error'],
      ['missing_first', 'ФИО', 'error'],
    ]);
    expect(byLine(4)).toEqual([['missing_first', 'ФИО', 'error']]);
    expect(byLine(5)).toEqual([
      ['bad_email', 'E-mail', 'error'],
      ['bad_class', 'Класс', 'error'],
      ['bad_birth_date', 'Дата рождения', 'error'],
      ['bad_sex', 'Пол', 'warning'],
      ['bad_phone', 'Телефон', 'warning'],
    ]);
    expect(byLine(6)).toEqual([
      ['bad_class', 'Класс', 'error'],
      ['bad_birth_year', 'Год рождения', 'error'],
    ]);
    expect(byLine(7)).toEqual([['birth_year_mismatch', 'Год рождения', 'warning']]);
    expect(byLine(8)).toEqual([['bad_name', 'ФИО', 'error']]);
    const email = parsed.errors.find((issue) => issue.code === 'bad_email');
    expect(email?.message_ru).toBe('Неверный адрес электронной почты: «sidorov@»');
    expect(email?.message_en).toBe('Not an e-mail address: “sidorov@”');
  });

  it('refuses a birth year in the future or of a toddler', () => {
    const parsed = parse(utf8('ФИО;Год рождения\nИванов Иван;2025\nПетров Пётр;2022\n'));
    expect(parsed.errors.map((issue) => [issue.line, issue.code])).toEqual([[2, 'bad_birth_year']]);
  });
});

describe('parseRosterFile: XLSX', () => {
  it('reads shared strings, numbers and date cells below merged title lines', () => {
    const bytes = writeXlsx([
      {
        name: 'Лист1',
        rows: [
          ['Список класса 10-Б'],
          [],
          ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Телефон', 'Год рождения'],
          ['Ёлкина', 'Юлия', 'Эдуардовна', { date: '2010-04-05' }, 79161234567, 2010],
          ['Соколов', 'Лев', 'Петрович', { date: '2010-12-31', format: 'custom' }, null, null],
        ],
        merges: ['A1:F1'],
      },
    ]);
    const parsed = parse(bytes, 'list.xlsx');
    expect(parsed).toMatchObject({ format: 'xlsx', sheetName: 'Лист1', headerLine: 3, classNameFromTitle: '10Б', fileErrors: [] });
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        line: 4,
        last_name: 'Ёлкина',
        birthDate: '2010-04-05',
        birthYear: 2010,
        phone: '+79161234567',
        className: '10Б',
      }),
      expect.objectContaining({ line: 5, last_name: 'Соколов', birthDate: '2010-12-31', birthYear: 2010, phone: null }),
    ]);
  });

  it('reads inline strings and namespace-prefixed parts (Open XML SDK)', () => {
    const bytes = writeXlsx(
      [
        {
          name: 'Sheet1',
          rows: [
            ['ФИО', 'Класс'],
            ['Иванов Иван Иванович', '7 Б'],
          ],
        },
      ],
      { inlineStrings: true, prefixed: true },
    );
    expect(parse(bytes, 'x.xlsx').rows).toEqual([
      expect.objectContaining({ line: 2, last_name: 'Иванов', middle_name: 'Иванович', className: '7Б' }),
    ]);
  });

  it('fills a class merged down its column, and takes the class from the sheet name', () => {
    const merged = writeXlsx([
      {
        name: 'Лист1',
        rows: [
          ['ФИО', 'Класс'],
          ['Иванов Иван', '5А'],
          ['Петров Пётр', null],
          ['Сидоров Сидор', null],
        ],
        merges: ['B2:B4'],
      },
    ]);
    expect(parse(merged, 'm.xlsx').rows.map((row) => row.className)).toEqual(['5А', '5А', '5А']);
    const named = writeXlsx([{ name: '9-В', rows: [['ФИО'], ['Иванов Иван']] }]);
    expect(parse(named, 'n.xlsx').rows[0]?.className).toBe('9В');
  });

  it('picks the sheet whose header looks like a roster', () => {
    const bytes = writeXlsx([
      { name: 'Инструкция', rows: [['Заполните лист «Ученики»'], ['Не меняйте заголовки']] },
      {
        name: 'Ученики',
        rows: [
          ['Last Name', 'First Name', 'Email Address'],
          ['Ivanov', 'Ivan', 'ivan@gmail.com'],
        ],
      },
    ]);
    const parsed = parse(bytes, 'book.xlsx');
    expect(parsed.sheetName).toBe('Ученики');
    expect(parsed.rows).toEqual([expect.objectContaining({ last_name: 'Ivanov', first_name: 'Ivan', email: 'ivan@gmail.com' })]);
  });

  it('tells XLSX by its bytes, not by its name', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['ФИО'], ['Иванов Иван']] }]);
    expect(parse(bytes, 'export.csv').format).toBe('xlsx');
    expect(parse(utf8('ФИО\nИванов Иван\n'), 'export.xlsx').format).toBe('csv');
  });
});

describe('parseRosterFile: file errors, never exceptions', () => {
  const codes = (parsed: ParsedRoster) => parsed.fileErrors.map((error) => error.code);

  it('reports files it cannot read', () => {
    expect(codes(parse(new Uint8Array()))).toEqual(['empty_file']);
    expect(codes(parse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls'))).toEqual(['legacy_xls']);
    expect(codes(parse(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0, 1, 2, 3]), 'list.pdf'))).toEqual(['unsupported_format']);
    expect(codes(parse(utf8('<html><body><p>ФИО</p></body></html>'), 'fake.xls'))).toEqual(['unsupported_format']);
    const ods = zipSync({ mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': utf8('<x/>') });
    expect(codes(parse(ods, 'list.ods'))).toEqual(['unsupported_format']);
    const broken = writeXlsx([{ name: 'S', rows: [['ФИО']] }]).slice(0, 300);
    expect(codes(parse(broken, 'broken.xlsx'))).toEqual(['unreadable_xlsx']);
  });

  it('reports a missing header', () => {
    const parsed = parse(utf8('Класс;Пол\n7А;м\n'));
    expect(codes(parsed)).toEqual(['no_header']);
    expect(parsed.fileErrors[0]?.message_ru).toContain('ФИО');
    expect(parsed.rows).toEqual([]);
  });

  it('refuses more than 5,000 rows and more than 5 MB', () => {
    const many = `ФИО\n${'Иванов Иван\n'.repeat(maxDataRows + 1)}`;
    expect(codes(parse(utf8(many)))).toEqual(['too_many_rows']);
    expect(codes(parse(utf8(`ФИО\n${'Иванов Иван\n'.repeat(maxDataRows)}`)))).toEqual([]);
    const sheet = writeXlsx([{ name: 'S', rows: [['ФИО'], ...Array.from({ length: maxDataRows + 1 }, () => ['Иванов Иван'])] }]);
    expect(codes(parse(sheet, 'big.xlsx'))).toEqual(['too_many_rows']);
    expect(codes(parse(new Uint8Array(maxFileBytes + 1).fill(0x41)))).toEqual(['file_too_large']);
  });

  it('answers a file error when a reader throws after all', () => {
    // A proxy passes for bytes until a typed-array method is called on it: the text decoder then throws.
    const parsed = parse(new Proxy(utf8('ФИО;Класс\nИванов Иван;7А\n'), {}));
    expect(parsed).toMatchObject({ format: null, columns: [], rows: [], errors: [], fileErrors: [{ code: 'unreadable_file' }] });
    expect(parsed.fileErrors[0]?.message_en).toMatch(/^Cannot read the file: [^{\s]/);
  });

  it('survives random bytes and truncated files', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    };
    const xlsx = writeXlsx([
      {
        name: 'S',
        rows: [
          ['ФИО', 'Класс'],
          ['Иванов Иван', '7А'],
        ],
      },
    ]);
    for (let i = 0; i < 200; i++) {
      const noise = Uint8Array.from({ length: 1 + (i % 50) * 20 }, random);
      const cut = xlsx.slice(0, Math.floor((xlsx.length * i) / 200));
      expect(() => parse(noise)).not.toThrow();
      expect(() => parse(cut, 'cut.xlsx')).not.toThrow();
    }
  });
});

describe('parseRosterFile: where it looks, and what its errors say', () => {
  const codes = (parsed: ParsedRoster) => parsed.fileErrors.map((error) => error.code);

  it('takes a class from the title only when the title names exactly one', () => {
    const titled = (title: string) => parse(utf8(`${title};;\r\nФамилия;Имя;Пол\r\nИванов;Иван;м\r\n`)).classNameFromTitle;
    expect(titled('Список класса 7А, кабинет 12 Б')).toBe('7А');
    expect(titled('Классы 7А и 7Б')).toBeNull();
    expect(titled('Класс 7 – А')).toBe('7А');
    expect(titled('Класс: 7 «Б»')).toBe('7Б');
    // «5 кл.» names a grade, not a class «5К».
    expect(titled('Список учеников 5 кл.')).toBeNull();
  });

  it('never takes a class from the rows below the header', () => {
    const parsed = parse(utf8('Фамилия;Имя;Примечание\r\nИванов;Иван;переведён в 8Б\r\n'));
    expect(parsed.classNameFromTitle).toBeNull();
    expect(parsed.rows[0]?.className).toBeNull();
  });

  it('looks for the header in the first 15 rows only, and says so', () => {
    const title = 'строка;\n'.repeat(15);
    const parsed = parse(utf8(`${title}ФИО;Класс\nИванов Иван;7А\n`));
    expect(codes(parsed)).toEqual(['no_header']);
    expect(parsed.fileErrors[0]?.message_en).toContain('first 15 rows');
    expect(parse(utf8(`${'строка;\n'.repeat(14)}ФИО;Класс\nИванов Иван;7А\n`)).headerLine).toBe(15);
  });

  it('takes a CSV with markup in a cell for a CSV, and an HTML page for none', () => {
    expect(codes(parse(utf8('ФИО;<table>\nИванов Иван;x\n')))).toEqual([]);
    expect(codes(parse(utf8('ФИО;Примечание\nИванов Иван;<html> в тексте\n')))).toEqual([]);
    expect(codes(parse(utf8('  <!DOCTYPE html><p>ФИО</p>')))).toEqual(['unsupported_format']);
  });

  it('does not count blank lines towards the 5,000 rows, and says what the limit is', () => {
    const body = 'Иванов Иван\n'.repeat(maxDataRows);
    expect(codes(parse(utf8(`ФИО;Класс\n${body}${' ; \n'.repeat(3)};\n`)))).toEqual([]);
    const tooMany = parse(utf8(`ФИО\n${body}Петров Пётр\n`));
    expect(tooMany.fileErrors[0]?.message_en).toBe('The file has more than 5000 rows: split it');
  });

  it('says the limit of a file too large', () => {
    const tooLarge = parse(new Uint8Array(maxFileBytes + 1).fill(0x41));
    expect(tooLarge.fileErrors[0]?.message_en).toBe('The file is larger than 5 MB');
  });

  it('says why an Excel file could not be read', () => {
    const broken = writeXlsx([{ name: 'S', rows: [['ФИО']] }]).slice(0, 300);
    expect(parse(broken, 'broken.xlsx').fileErrors[0]?.message_en).toMatch(/^Cannot read the Excel file: .+/);
  });

  it('names the sheet it looked in when no sheet has a header', () => {
    const parsed = parse(writeXlsx([{ name: 'Инструкция', rows: [['Заполните лист']] }]), 'list.xlsx');
    expect(parsed).toMatchObject({ sheetName: 'Инструкция', fileErrors: [expect.objectContaining({ code: 'no_header' })] });
  });

  it('searches the first 20 sheets only', () => {
    const filler = Array.from({ length: 20 }, (_, k) => ({ name: `Лист${k + 1}`, rows: [['пусто']] }));
    const roster = { name: 'Ученики', rows: [['ФИО'], ['Иванов Иван']] };
    expect(codes(parse(writeXlsx([...filler, roster]), 'many.xlsx'))).toEqual(['no_header']);
    expect(codes(parse(writeXlsx([...filler.slice(1), roster]), 'many.xlsx'))).toEqual([]);
  });

  it('reads a sheet with 5,000 pupils below 14 title lines in full', () => {
    const titles = Array.from({ length: 14 }, () => ['Список']);
    const pupils = Array.from({ length: maxDataRows }, () => ['Иванов Иван']);
    const parsed = parse(writeXlsx([{ name: 'S', rows: [...titles, ['ФИО'], ...pupils] }]), 'big.xlsx');
    expect(codes(parsed)).toEqual([]);
    expect(parsed.rows).toHaveLength(maxDataRows);
  });

  it('reads a class whose sheet has thousands of formatted empty rows below it, and counts only pupils', () => {
    // Excel writes a <row> for every row someone styled (borders drawn down to row 10,000): they hold nobody.
    const empty = Array.from({ length: maxDataRows + headerSearchRows + 10 }, () => []);
    const styled = writeXlsx([{ name: 'S', rows: [['ФИО'], ['Иванов Иван'], ...empty, ['Петров Пётр']], styledEmptyRows: true }]);
    const parsed = parse(styled, 'styled.xlsx');
    expect(codes(parsed)).toEqual([]);
    expect(parsed.rows.map((row) => [row.line, row.last_name])).toEqual([
      [2, 'Иванов'],
      [maxDataRows + headerSearchRows + 13, 'Петров'],
    ]);
  });

  it('refuses a sheet with a header and too many pupils, rather than looking on in later sheets', () => {
    const whole = { name: 'Школа', rows: [['ФИО'], ...Array.from({ length: maxDataRows + 1 }, () => ['Иванов Иван'])] };
    const one = { name: '7А', rows: [['ФИО'], ['Петров Пётр']] };
    expect(codes(parse(writeXlsx([whole, one]), 'school.xlsx'))).toEqual(['too_many_rows']);
  });

  it('takes a file of exactly 5 MB, and says why a broken Excel file could not be read', () => {
    const legacy = new Uint8Array(maxFileBytes);
    legacy.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(codes(parse(legacy, 'old.xls'))).toEqual(['legacy_xls']);
    const noWorksheets = zipSync({
      '_rels/.rels': utf8(
        '<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': utf8('<workbook><sheets/></workbook>'),
    });
    expect(parse(noWorksheets, 'chart.xlsx').fileErrors).toMatchObject([
      { code: 'unreadable_xlsx', message_en: 'Cannot read the Excel file: no worksheets' },
    ]);
  });

  it('refuses a sheet that unpacks past 64 MB (a zip bomb) with a file error, not an exception', () => {
    const sheet = writeXlsx([{ name: 'S', rows: [['ФИО'], ['Иванов Иван']] }]);
    const bomb = zipSync({ ...unzipSync(sheet), 'xl/worksheets/sheet1.xml': new Uint8Array(65 * 1024 * 1024).fill(0x20) });
    expect(parse(bomb, 'bomb.xlsx').fileErrors).toMatchObject([
      { code: 'unreadable_xlsx', message_en: 'Cannot read the Excel file: the unpacked workbook is too large' },
    ]);
  });

  it('judges birth years by the day it is told it is', () => {
    const early = parseRosterFile(utf8('ФИО;Год рождения\nИванов Иван;2012\n'), 'r.csv', { today: new Date('2015-01-01T00:00:00Z') });
    expect(early.rows[0]?.issues.map((issue) => issue.code)).toEqual(['bad_birth_year']);
  });
});

describe('parseRosterRows: a list sent as rows (roster capture)', () => {
  it('checks each row as a file’s row is checked, line N being rows[N − 1], a blank row left out', () => {
    const parsed = parseRosterRows(
      [
        { last_name: 'КАРПОВА', first_name: 'Мария', middle_name: 'Олеговна', class_name: '10 б' },
        { last_name: 'Волков', first_name: 'Кирилл' },
        { last_name: '', first_name: '' },
        { last_name: 'Иванов1', first_name: 'Иван', middle_name: null, class_name: '15Я' },
      ],
      '10Б-2026-12-02',
    );
    expect(parsed).toMatchObject({
      fileName: '10Б-2026-12-02',
      format: 'rows',
      encoding: null,
      sheetName: null,
      headerLine: null,
      classNameFromTitle: null,
      fileErrors: [],
    });
    expect(parsed.columns.map((column) => [column.field, column.header, column.letter])).toEqual([
      ['last', 'Фамилия', 'A'],
      ['first', 'Имя', 'B'],
      ['middle', 'Отчество', 'C'],
      ['className', 'Класс', 'D'],
    ]);
    expect(parsed.rows.map((row) => [row.line, row.last_name, row.first_name, row.middle_name, row.className])).toEqual([
      [1, 'Карпова', 'Мария', 'Олеговна', '10Б'],
      [2, 'Волков', 'Кирилл', null, null],
      [4, 'Иванов1', 'Иван', null, null],
    ]);
    expect(parsed.errors.map((issue) => [issue.line, issue.code, issue.column])).toEqual([
      [4, 'bad_name', 'Фамилия'],
      [4, 'bad_class', 'Класс'],
    ]);
  });
});

describe('the exports journals give as web pages and JSON (issue 17)', () => {
  it('reads Дневник.ру’s people report: an HTML table, names in «Имя Отчество Фамилия» order', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Отчёт</title><style>td{}</style></head><body>
      <h1>Список учеников</h1><!-- <tr><td>не строка</td></tr> -->
      <table class="grid"><tr><th>№</th><th>ФИО</th><th>Класс</th></tr>
      <tr><td>1</td><td><a href="/user/user.aspx?user=1">Мария&nbsp;Алексеевна Карпова</a></td><td>10Б</td></tr>
      <tr><td>2</td><td>Лев Львович<br>Иванов</td><td>8Б</td>
      <tr><td>3</td><td>Кудрявцев Даниил Маркович</td><td>10&#1040;</td></tr></table></body></html>`;
    const parsed = parse(utf8(page), 'people-students.html');
    expect(parsed).toMatchObject({ format: 'html', headerLine: 1, fileErrors: [], errors: [] });
    expect(names(parsed)).toEqual([
      ['Карпова', 'Мария', 'Алексеевна'],
      ['Иванов', 'Лев', 'Львович'],
      ['Кудрявцев', 'Даниил', 'Маркович'],
    ]);
    expect(parsed.rows.map((row) => row.className)).toEqual(['10Б', '8Б', '10А']);
  });

  it('reads an «.xls» that is an HTML table (ЭлЖур’s ?mode=excel): title lines, then the pupils from the fourth row', () => {
    const page = `<html><body><table>
      <tr><td>Журнал 7А</td></tr><tr><td>Математика, 2 четверть</td></tr><tr><td>Ученик</td><td>12.11</td></tr>
      <tr><td>Абрамов Тимур</td><td>5</td></tr><tr><td>Зайцева Ольга</td><td>н</td></tr></table></body></html>`;
    const parsed = parse(utf8(page), 'journal.xls');
    expect(parsed).toMatchObject({ format: 'html', headerLine: 3, classNameFromTitle: '7А', fileErrors: [] });
    expect(names(parsed)).toEqual([
      ['Абрамов', 'Тимур', null],
      ['Зайцева', 'Ольга', null],
    ]);
  });

  it('reads Сетевой город’s studentList JSON: [{id, fullName}]', () => {
    const json = JSON.stringify([
      { id: 937101, fullName: 'Аксенова Мария' },
      { id: 937102, fullName: 'Баранов Илья Петрович' },
    ]);
    const parsed = parse(utf8(json), 'studentList.json');
    expect(parsed).toMatchObject({ format: 'json', fileErrors: [], errors: [] });
    expect(names(parsed)).toEqual([
      ['Аксенова', 'Мария', null],
      ['Баранов', 'Илья', 'Петрович'],
    ]);
    expect(parse(utf8('[1, 2]'), 'x.json').format).not.toBe('json');
    expect(parse(utf8('[{"id": 1'), 'x.json').format).not.toBe('json');
  });
});
