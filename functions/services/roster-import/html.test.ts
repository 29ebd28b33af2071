import { describe, expect, it } from 'vitest';
import { htmlTableRows, jsonListRows } from './html.ts';

const cells = (rows: readonly { line: number; cells: string[] }[]) => rows.map((row) => [row.line, row.cells]);

describe('htmlTableRows: a journal’s web page or «.xls» that is HTML', () => {
  it('reads rows and cells with attributes, as a browser shows them, skipping scripts, styles and comments', () => {
    // A saved Дневник.ру report: a script in the head that writes rows, a style, classes on rows and
    // cells, a link and a comment in the name cell, a badge script after the name, entities.
    const page = `<!DOCTYPE html><html><head><script>
        for (const pupil of list) table.innerHTML += '<tr><td>' + pupil + '</td></tr>';
      </script ><style>tr.odd td { color: #333 }</style></head><body>
      <table class="grid">
        <tr class="head"><th scope="col">№</th><th scope="col">ФИО</th><th>Класс</th></tr>
        <tr class="odd"><td class="n"> 1 </td><td class="name"><a href="/user/1">Карпова
            Мария   Алексеевна</a><!-- переведена из 9Б --></td><td>10&#x411;</td></tr>
        <tr class="even"><td class="n">2</td><td class="name">&#X41A;удрявцев&nbsp;Даниил<script>badge(2)</script></td><td>10&#1041;</td></tr>
      </table></body></html>`;
    expect(cells(htmlTableRows(page))).toEqual([
      [1, ['№', 'ФИО', 'Класс']],
      [2, ['1', 'Карпова Мария Алексеевна', '10Б']],
      [3, ['2', 'Кудрявцев Даниил', '10Б']],
    ]);
  });

  it('reads the last row of a page saved without its closing tags', () => {
    expect(cells(htmlTableRows('<table><tr><th>ФИО<tr><td>Иванов Иван'))).toEqual([
      [1, ['ФИО']],
      [2, ['Иванов Иван']],
    ]);
  });

  it('decodes named and numbered characters, and keeps what is no character as written', () => {
    const row =
      '<table><tr><td>Мельникова&amp;Ко &lt;7А&gt; &quot;Ё&quot; &apos;&#1025;&#x401;&#X401;&NBSP;&copy; &#99999999; &#x10FFFF;&#x110000;</td></tr></table>';
    expect(htmlTableRows(row)[0]?.cells).toEqual([`Мельникова&Ко <7А> "Ё" 'ЁЁЁ &copy; &#99999999; \u{10FFFF}&#x110000;`]);
  });
});

describe('jsonListRows: a JSON list of people (Сетевой город’s studentList)', () => {
  it('heads the keys, calls fullName «ФИО», and numbers the people from line 2', () => {
    const json = JSON.stringify([
      { id: 937101, fullName: 'Аксенова Мария' },
      { id: 937102, fullName: 'Баранов Илья Петрович' },
    ]);
    expect(cells(jsonListRows(json) ?? [])).toEqual([
      [1, ['id', 'ФИО']],
      [2, ['937101', 'Аксенова Мария']],
      [3, ['937102', 'Баранов Илья Петрович']],
    ]);
    expect(jsonListRows('[{"full_name": "Аксенова Мария"}]')?.[0]?.cells).toEqual(['ФИО']);
  });

  it('takes no other key for the pupil’s name: a parent’s or a Latin full name stays as it is', () => {
    const json = '[{"parentFullName": "Аксенова Ольга", "fullNameLatin": "Aksenova Maria", "fullName": "Аксенова Мария"}]';
    expect(jsonListRows(json)?.[0]?.cells).toEqual(['parentFullName', 'fullNameLatin', 'ФИО']);
  });

  it('leaves a missing or null value empty, not «null» or «undefined»', () => {
    const json = '[{"lastName": "Иванов", "firstName": "Иван", "middleName": null}, {"lastName": "Петрова", "firstName": "Анна"}]';
    expect(cells(jsonListRows(json) ?? [])).toEqual([
      [1, ['lastName', 'firstName', 'middleName']],
      [2, ['Иванов', 'Иван', '']],
      [3, ['Петрова', 'Анна', '']],
    ]);
  });

  it('is null for what is not a list of objects', () => {
    for (const text of [
      '[{"fullName": "Аксенова Мария"}, 1]',
      '[{"fullName": "Аксенова Мария"}, null]',
      '[{"fullName": "Аксенова Мария"}, ["Баранов Илья"]]',
      '{"fullName": "Аксенова Мария"}',
      '[{"fullName": "Аксенова Мария"}',
    ]) {
      expect(jsonListRows(text), text).toBeNull();
    }
  });
});
