// The roster import route: a class list exported by an e-journal, previewed, then imported once.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

const fixture = async (name: string) => (await readFile(new URL(`../fixtures/rosters/${name}`, import.meta.url))).toString('base64');

async function send(who: string, body: Record<string, unknown>) {
  const response = await api.app.request(`/organisations/${s.schoolA}/roster-import`, {
    method: 'POST',
    headers: await api.as(who),
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { counts: Record<string, number>; result?: Record<string, unknown> },
  };
}

describe('POST /organisations/:id/roster-import', () => {
  it('previews an e-journal export of class 7А: everyone is already known', async () => {
    const preview = await send(people.curator, {
      file_name: 'dnevnik-ru-7a.xlsx',
      content_base64: await fixture('dnevnik-ru-7a.xlsx'),
      class_id: s.id('class/7А'),
    });
    expect(preview.status).toBe(200);
    expect(preview.json.dry_run).toBe(true);
    expect(preview.json.counts.known).toBeGreaterThan(20);
    expect(preview.json.counts.known).toBe(preview.json.counts.rows);
    expect(preview.json.counts.new).toBe(0);
  });

  it('imports a new pupil once; a second import finds them known', async () => {
    const csv = 'Фамилия;Имя;Отчество;Класс;E-mail\nНовикова;Ника;Ивановна;7А;n.novikova@school17.example.ru\n';
    const body = { file_name: 'new.csv', content_base64: Buffer.from(csv).toString('base64'), dry_run: false };
    const first = await send(people.curator, body);
    expect(first.status).toBe(200);
    expect(first.json.result).toMatchObject({ created: 1 });
    const second = await send(people.curator, body);
    expect(second.json.result).toMatchObject({ created: 0 });
    expect(second.json.counts.known).toBe(1);
    const found = await api.app.request('/people?q=новикова ника', { headers: await api.as(people.curator) });
    expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses a mentor, an unreadable file, and a file too large for the request', async () => {
    const csv = Buffer.from('Фамилия;Имя\nТестов;Тест\n').toString('base64');
    expect((await send(people.mentor, { file_name: 'x.csv', content_base64: csv, dry_run: false })).status).toBe(403);
    const garbage = await send(people.curator, {
      file_name: 'x.xlsx',
      content_base64: Buffer.from('PK\u0003\u0004 not really a zip').toString('base64'),
    });
    expect(garbage.status).toBe(422);
    expect((garbage.json.file_errors as unknown[]).length).toBeGreaterThan(0);
    const huge = await api.app.request(`/organisations/${s.schoolA}/roster-import`, {
      method: 'POST',
      headers: await api.as(people.curator),
      body: JSON.stringify({ file_name: 'big.csv', content_base64: 'A'.repeat(8 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });

  it('takes a class page’s list as rows: the same preview as the same list in a file, and the same import', async () => {
    const rows = [
      { last_name: 'Новиков', first_name: 'Роман', middle_name: 'Ильич', class_name: '7А' },
      { last_name: 'ПЕТРОВА', first_name: 'Злата', class_name: '7 а' },
      { last_name: 'Иванов1', first_name: 'Иван', middle_name: null, class_name: '7А' },
      { last_name: '', first_name: 'Безфамильный', class_name: '7А' },
    ];
    const csv = `Фамилия;Имя;Отчество;Класс\n${rows.map((r) => [r.last_name, r.first_name, r.middle_name ?? '', r.class_name].join(';')).join('\n')}\n`;
    const fromFile = await send(people.curator, { file_name: 'list.csv', content_base64: Buffer.from(csv).toString('base64') });
    const fromRows = await send(people.curator, { list_name: '7А-2026-12-02', rows });
    expect(fromRows.status).toBe(200);
    expect(fromRows.json.file).toMatchObject({ name: '7А-2026-12-02', format: 'rows', header_line: null });
    // Line N is rows[N - 1]; in the file it is N + 1 (the header): otherwise the two previews agree.
    const unline = (preview: Record<string, unknown>, shift: number) =>
      JSON.parse(JSON.stringify({ ...preview, file: null }), (key, value) =>
        key === 'line' && typeof value === 'number' ? value - shift : value,
      );
    expect(unline(fromRows.json, 0)).toEqual(unline(fromFile.json, 1));
    expect(fromRows.json.counts).toEqual({ rows: 4, new: 2, known: 0, ambiguous: 0, invalid: 2, warnings: 0 });
    expect((fromRows.json.new as { last_name: string; class_name: string }[]).map((r) => `${r.last_name} ${r.class_name}`)).toEqual([
      'Новиков 7А',
      'Петрова 7А',
    ]);

    const imported = await send(people.curator, { list_name: '7А', rows, dry_run: false });
    expect(imported.json.result).toMatchObject({ created: 2 });
    const again = await send(people.curator, { list_name: '7А', rows });
    expect(again.json.counts).toMatchObject({ new: 0, known: 2 });
  });

  it('refuses rows that are not a list: none, too many, unknown keys, a file and rows at once', async () => {
    const one = { last_name: 'Тестов', first_name: 'Тест' };
    for (const body of [
      { list_name: 'x', rows: [] },
      { list_name: 'x', rows: Array.from({ length: 5001 }, () => one) },
      { list_name: 'x', rows: [{ ...one, email: 'x@y.ru' }] },
      { list_name: 'x', rows: [one], file_name: 'x.csv', content_base64: '' },
      { rows: [one] },
    ]) {
      const refused = await send(people.curator, body);
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.json.counts).toBeUndefined();
    }
    expect((await send(people.mentor, { list_name: 'x', rows: [one], dry_run: false })).status).toBe(403);
  });
});
