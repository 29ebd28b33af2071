// POST /telemetry/adapter-fallback (issue 17): a page whose adapter found no names is counted for
// today under the caller's school — site, host, page kind, never a name — and a malformed report
// changes nothing.
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

const report = { site: 'netschool', host: 'deti.obr03.ru', page_kind: 'journal' };

async function rows() {
  return s.db.asService(async (db) => (await db.query('select * from public.adapter_reports order by organisation_id')).rows);
}

describe('POST /telemetry/adapter-fallback', () => {
  it('counts one more for today under the caller’s school, whoever reports', async () => {
    const first = await api.call(people.mentor, 'POST', '/telemetry/adapter-fallback', report);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ counted: true, count: 1 });
    const second = await api.call(people.mentee, 'POST', '/telemetry/adapter-fallback', report);
    expect(second.json).toEqual({ counted: true, count: 2 });
    const [row, ...others] = await rows();
    expect(others).toEqual([]);
    expect(Object.keys(row ?? {}).sort()).toEqual(['count', 'host', 'organisation_id', 'page_kind', 'reported_on', 'site']);
    expect(row).toMatchObject({ organisation_id: s.schoolA, ...report, count: 2 });
  });

  it('refuses a report that is not a site, a host and a page kind, and one without a token', async () => {
    for (const body of [
      { ...report, host: 'https://deti.obr03.ru/app' },
      { ...report, site: 'NetSchool' },
      { ...report, name: 'Иванов Лев' },
    ]) {
      expect((await api.call(people.mentor, 'POST', '/telemetry/adapter-fallback', body)).status).toBe(400);
    }
    expect((await api.app.request('/telemetry/adapter-fallback', { method: 'POST', body: JSON.stringify(report) })).status).toBe(401);
    expect((await rows()).map((row) => row.count)).toEqual([2]);
  });
});
