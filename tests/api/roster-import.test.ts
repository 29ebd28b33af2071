// The roster import route: a class list exported by an e-journal, previewed, then imported once.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../support/api.ts';
import { people, type TwoSchools, twoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  s = await twoSchools();
  api = await testApi(s);
});
afterAll(async () => {
  await s?.dispose();
});

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
});
