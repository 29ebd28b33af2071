// Stages 6–7, monitoring, reports and their exports, on the demo school, through the API: every
// figure the API answers is checked against one computed here from the raw tables (or from the
// answers this test itself submitted), never through the SQL that produced it; every export is
// opened again (exceljs reads the XLSX, the CSV is parsed, the DOCX unzipped) and read back; the
// Google Sheet goes to a fake of the Sheets REST API that records what it was sent.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../support/api.ts';
import { addDays, expectedMonths, expectedOn, readRaw } from '../support/kpi-recount.ts';
import { groups, otherSchool, people, type TwoSchools, twoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: Awaited<ReturnType<typeof testApi>>;
let programme: string;
const date = '2026-11-20';
const regionViewer = 'region-viewer';

beforeAll(async () => {
  s = await twoSchools();
  api = await testApi(s);
  programme = s.id('programme');
  // A regional viewer of the demo school's region, with a sign-in account.
  await s.db.asService(async (db) => {
    const authority = randomUUID();
    const person = randomUUID();
    await db.query(
      `insert into public.organisations (id, name, region, kind) select $1, 'Управление образования', region, 'authority' from public.organisations where id = $2`,
      [authority, s.schoolA],
    );
    await db.query('insert into auth.users (id, email) values ($1, $2)', [s.id(`user/${regionViewer}`), 'region@test']);
    await db.query(
      `insert into public.people (id, organisation_id, kind, last_name, first_name, auth_user_id) values ($1, $2, 'staff', 'Регионова', 'Нина', $3)`,
      [person, authority, s.id(`user/${regionViewer}`)],
    );
    await db.query(`insert into public.memberships (person_id, organisation_id, role) values ($1, $2, 'region_viewer')`, [
      person,
      authority,
    ]);
  });
}, 120_000);
afterAll(async () => {
  await s?.dispose();
});

/** A file answer as the demo person `who`. */
async function file(who: string, path: string) {
  const response = await api.app.request(path, { headers: await api.as(who) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) };
}
const raw = () => s.db.asService((db) => readRaw(db, s.schoolA));
/** The expected line for a dimension, as numbers: [students_total, students_involved, staff_total, staff_involved]. */
const numbers = (line: string | undefined) => (line ?? '').split(' ').slice(-4).map(Number);

describe('the KPI of the demo school', () => {
  it('is what the raw tables say, for the school, each form and each class', async () => {
    const expected = expectedOn(await raw(), date);
    const answer = await api.call(people.head, 'GET', `/reports/kpi?organisation_id=${s.schoolA}&date=${date}`);
    expect(answer.status).toBe(200);
    const rows = answer.json.rows as { dimension: string; key: string; label: string | null; [k: string]: unknown }[];
    const school = rows.find((r) => r.dimension === 'organisation');
    const [studentsTotal, studentsInvolved, staffTotal, staffInvolved] = numbers(expected.find((l) => l.startsWith('organisation')));
    expect(school).toMatchObject({
      students_total: studentsTotal,
      students_involved: studentsInvolved,
      staff_total: staffTotal,
      staff_involved: staffInvolved,
    });
    expect(school?.students_share).toBe(Math.round(((studentsInvolved ?? 0) / (studentsTotal ?? 1)) * 1000) / 1000);
    // The demo: 605 people, 87 groups started by 20 October.
    expect(studentsTotal).toBeGreaterThan(500);
    expect(studentsInvolved).toBeGreaterThan(100);
    for (const line of expected.filter((l) => l.startsWith('form '))) {
      const [, key] = line.split(' ');
      const [, si, , fi] = numbers(line);
      expect(
        rows.find((r) => r.dimension === 'form' && r.key === key),
        line,
      ).toMatchObject({ students_involved: si, staff_involved: fi });
    }
    // A form's row names it as the catalog does (a school's own form has no words in the dictionaries).
    const labels = await s.db.asService((db) =>
      db.query<{ key: string; label_ru: string; label_en: string }>(
        `select distinct on (key) key, label_ru, label_en from public.catalog_forms
         where organisation_id is null or organisation_id = $1 order by key, version desc`,
        [s.schoolA],
      ),
    );
    const formRows = rows.filter((r) => r.dimension === 'form');
    expect(formRows.length).toBeGreaterThan(0);
    for (const row of formRows) expect(row.form).toEqual(labels.rows.find((l) => l.key === row.key));
    expect(rows.filter((r) => r.dimension !== 'form').every((r) => r.form === null)).toBe(true);
    const classes = expected.filter((l) => l.startsWith('class '));
    expect(rows.filter((r) => r.dimension === 'class')).toHaveLength(classes.length);
    for (const line of classes) {
      const [, name, total, involved] = line.split(' ');
      expect(
        rows.find((r) => r.dimension === 'class' && r.label === name),
        line,
      ).toMatchObject({
        students_total: Number(total),
        students_involved: Number(involved),
      });
    }
  });

  it('month by month, and in the region roll-up the regional viewer reads (numbers only, no names)', async () => {
    const data = await raw();
    const months = await api.call(people.curator, 'GET', `/reports/kpi/monthly?organisation_id=${s.schoolA}&from=2026-09-01&to=2026-12-01`);
    expect(
      (months.json.months as { month: string; students_involved: number; staff_involved: number }[]).map(
        (m) => `${m.month} ${m.students_involved} ${m.staff_involved}`,
      ),
    ).toEqual(expectedMonths(data, '2026-09-01', '2026-12-01'));
    const region = (
      await s.db.asService((db) => db.query<{ region: string }>('select region from public.organisations where id = $1', [s.schoolA]))
    ).rows[0]?.region as string;
    const rollUp = await api.call(regionViewer, 'GET', `/reports/region?region=${encodeURIComponent(region)}&date=${date}`);
    expect(rollUp.status).toBe(200);
    const rows = rollUp.json.rows as Record<string, unknown>[];
    // Two copies of the demo school: the region sums both.
    const [, si, , fi] = numbers(expectedOn(data, date).find((l) => l.startsWith('organisation')));
    const dataB = await s.db.asService((db) => readRaw(db, s.schoolB));
    const [, siB, , fiB] = numbers(expectedOn(dataB, date).find((l) => l.startsWith('organisation')));
    expect(rows.find((r) => r.level === 'region')).toMatchObject({
      schools: 2,
      students_involved: (si ?? 0) + (siB ?? 0),
      staff_involved: (fi ?? 0) + (fiB ?? 0),
    });
    // Nothing in the answer is a person's name.
    const text = JSON.stringify(rollUp.json);
    for (const person of data.people.slice(0, 50)) expect(text).not.toContain(person.id);
    const names = await s.db.asService((db) =>
      db.query<{ last_name: string }>('select distinct last_name from public.people where organisation_id = $1', [s.schoolA]),
    );
    for (const { last_name } of names.rows) expect(text).not.toContain(last_name);
  });
});

describe('stage 6: groups at work', () => {
  it('shows each group’s sequence, last and next meeting, goals and inactivity as the records say', async () => {
    const group = s.id(groups.mentors);
    for (const [kind, held_on] of [
      ['introduction', '2026-10-12'],
      ['trial', '2026-10-26'],
      ['planning', '2026-11-16'],
    ] as const) {
      const logged = await api.call(people.mentor, 'POST', '/meetings', {
        id: randomUUID(),
        group_id: group,
        kind,
        held_on,
        duration_minutes: 45,
      });
      expect(logged.status).toBe(201);
    }
    expect(
      (await api.call(people.mentor, 'POST', '/goals', { id: randomUUID(), group_id: group, title: 'Олимпиада по физике' })).status,
    ).toBe(201);
    const answer = await api.call(people.curator, 'GET', `/programmes/${programme}/work?date=${date}`);
    expect(answer.status).toBe(200);
    const work = answer.json as unknown as { inactivity_days: number; groups: Record<string, unknown>[] };
    expect(work.inactivity_days).toBe(14);
    expect(work.groups.find((g) => g.id === group)).toMatchObject({
      meetings: 3,
      kinds_held: ['introduction', 'trial', 'planning'],
      next_kind: 'working',
      last_met_on: '2026-11-16',
      days_since: 4,
      next_due_on: '2026-11-30',
      goals_total: 1,
      goals_done: 0,
      inactive: false,
    });
    // Inactive: every other active group that started more than 14 days before and never met.
    const inactiveBy = (days: number) =>
      s.db.asService(async (db) => {
        const { rows } = await db.query<{ id: string; started_on: string; met: string | null }>(
          `select g.id, g.started_on::text as started_on, (select max(held_on)::text from public.meetings m where m.group_id = g.id) as met
         from public.mentoring_groups g where g.organisation_id = $1 and g.status = 'active'`,
          [s.schoolA],
        );
        return rows
          .filter((g) => addDays(g.met ?? g.started_on, days) < date)
          .map((g) => g.id)
          .sort();
      });
    const expectedInactive = await inactiveBy(14);
    expect(
      work.groups
        .filter((g) => g.inactive)
        .map((g) => g.id)
        .sort(),
    ).toEqual(expectedInactive);
    expect(expectedInactive.length).toBeGreaterThan(50);
    // A longer threshold (configurable) makes fewer inactive.
    expect((await api.call(people.curator, 'PUT', `/programmes/${programme}/review`, { inactivity_days: 60 })).status).toBe(200);
    const relaxed = (await api.call(people.curator, 'GET', `/programmes/${programme}/work?date=${date}`)).json as unknown as typeof work;
    expect(relaxed.inactivity_days).toBe(60);
    expect(
      relaxed.groups
        .filter((g) => g.inactive)
        .map((g) => g.id)
        .sort(),
    ).toEqual(await inactiveBy(60));
    expect(relaxed.groups.filter((g) => g.inactive).length).toBeLessThan(expectedInactive.length);
    // Another school's curator reads nothing of it.
    expect((await api.call(people.curator, 'GET', `/programmes/${programme}/work`, undefined, { school: otherSchool })).status).toBe(404);
  });

  it('lists a re-pairing with its reason', async () => {
    const group = s.id(groups.plainMentors);
    const detail = await api.call(people.curator, 'GET', `/groups/${group}`);
    const leaving = (detail.json.members as { person_id: string; role: string }[]).find((m) => m.role === 'mentee')?.person_id as string;
    const repaired = await api.call(people.curator, 'POST', `/groups/${group}/repair`, {
      leaving_person_id: leaving,
      joining_person_id: s.id(people.bystander),
      reason: 'не сложился контакт после пробной встречи',
    });
    expect(repaired.status, JSON.stringify(repaired.json)).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const work = (await api.call(people.curator, 'GET', `/programmes/${programme}/work?date=${today}`)).json as unknown as {
      groups: Record<string, unknown>[];
    };
    const row = work.groups.find((g) => g.id === group) as {
      repairs: { person_id: string; reason: string }[];
      mentees: { person_id: string }[];
    };
    expect(row.repairs).toEqual([expect.objectContaining({ person_id: leaving, reason: 'не сложился контакт после пробной встречи' })]);
    expect(row.mentees.map((m) => m.person_id)).toContain(s.id(people.bystander));
  });
});

describe('stage 7 and monitoring', () => {
  it('counts questionnaires sent and collected, and averages the answers as submitted', async () => {
    const sent = await api.call(people.curator, 'POST', `/programmes/${programme}/questionnaire-requests`, { purpose: 'quality' });
    expect(sent.status).toBe(200);
    const members = await s.db.asService(async (db) => {
      const { rows } = await db.query<{ role: string; n: number }>(
        `select gm.role, count(distinct gm.person_id)::int as n from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
         where g.organisation_id = $1 and g.status = 'active' and (gm.left_on is null or gm.left_on > current_date) group by gm.role`,
        [s.schoolA],
      );
      return Object.fromEntries(rows.map((r) => [r.role, r.n]));
    });
    // One per current mentor and mentee, and the curator's own checklist.
    expect(sent.json).toEqual({ sent: (members.mentor ?? 0) + (members.mentee ?? 0) + 1, already: 0 });
    expect(
      (await api.call(people.curator, 'POST', `/programmes/${programme}/questionnaire-requests`, { purpose: 'quality' })).json,
    ).toMatchObject({ sent: 0 });

    // The mentee sees her request and answers it in the extension's form; so does another mentee of the group.
    const mine = await api.call(people.mentee, 'GET', '/questionnaires/requests');
    const request = (
      mine.json.items as {
        answered: boolean;
        group_id: string;
        questionnaire: { id: string; items: { id: string; key: string; kind: string; choices: string[] }[] };
      }[]
    )[0];
    expect(request?.answered).toBe(false);
    const q = request?.questionnaire as NonNullable<typeof request>['questionnaire'];
    const item = (key: string) => q.items.find((i) => i.key === key)?.id as string;
    const answer = async (who: string, usefulness: number, comfort: number) => {
      const answered = await api.call(who, 'POST', '/responses', {
        id: randomUUID(),
        programme_id: programme,
        questionnaire_id: q.id,
        respondent_person_id: s.id(who),
        group_id: request?.group_id,
        answers: [
          { item_id: item('usefulness'), scale_value: usefulness },
          { item_id: item('comfort'), scale_value: comfort },
          { item_id: item('frequency'), choice_value: q.items.find((i) => i.key === 'frequency')?.choices[0] },
        ],
      });
      expect(answered.status, JSON.stringify(answered.json)).toBe(201);
    };
    await answer(people.mentee, 9, 10);
    const otherMentee = await s.db.asService(
      async (db) =>
        (
          await db.query<{ key: string }>(
            `select p.external_ids ->> 'demo' as key from public.group_members gm join public.people p on p.id = gm.person_id
         where gm.group_id = $1 and gm.role = 'mentee' and gm.person_id <> $2`,
            [s.id(groups.mentors), s.id(people.mentee)],
          )
        ).rows[0]?.key,
    );
    if (otherMentee) await answer(otherMentee, 6, 7);
    const answered = otherMentee ? 2 : 1;
    expect((await api.call(people.mentee, 'GET', '/questionnaires/requests')).json.items).toEqual([
      expect.objectContaining({ answered: true }),
    ]);

    const completion = (await api.call(people.curator, 'GET', `/programmes/${programme}/completion`)).json as unknown as {
      questionnaires: { key: string; sent: number; collected: number }[];
      mentors: { person_id: string; last_name: string; meetings: number }[];
    };
    expect(completion.questionnaires.find((x) => x.key === 'quality_mentee')).toMatchObject({ sent: members.mentee, collected: answered });
    expect(completion.questionnaires.find((x) => x.key === 'quality_mentor')).toMatchObject({ sent: members.mentor, collected: 0 });
    const monitoring = (await api.call(people.head, 'GET', `/programmes/${programme}/monitoring`)).json as unknown as {
      quality: { questionnaire_key: string; item_key: string; answers: number; average: number | null; choices: { count: number }[] }[];
    };
    const usefulness = monitoring.quality.find((r) => r.questionnaire_key === 'quality_mentee' && r.item_key === 'usefulness');
    expect(usefulness).toMatchObject({ answers: answered, average: otherMentee ? 7.5 : 9 });
    expect(monitoring.quality.find((r) => r.questionnaire_key === 'quality_mentee' && r.item_key === 'frequency')?.choices).toEqual([
      expect.objectContaining({ count: answered }),
    ]);
    // A mentor of the programme has a letter of thanks; it names them and their meetings.
    const mentor = completion.mentors.find((m) => m.person_id === s.id(people.mentor));
    expect(mentor?.meetings).toBe(3);
    const letter = await file(people.curator, `/programmes/${programme}/documents/thank-you?person_id=${s.id(people.mentor)}`);
    expect(letter.status).toBe(200);
    const xml = strFromU8(unzipSync(letter.bytes)['word/document.xml'] as Uint8Array);
    expect(xml).toContain(mentor?.last_name);
    expect(xml).toContain('3 встречи');
  });

  it('keeps the SWOT and the closing date, and marks a good practice, for the head and curator only', async () => {
    const swot = await api.call(people.curator, 'PUT', `/programmes/${programme}/review`, {
      strengths: 'регулярные встречи',
      threats: 'нагрузка учителей',
    });
    expect(swot.json).toMatchObject({ strengths: 'регулярные встречи', threats: 'нагрузка учителей' });
    expect((await api.call(people.mentor, 'PUT', `/programmes/${programme}/review`, { strengths: 'x' })).status).toBe(403);
    const practice = await api.call(people.curator, 'PUT', `/groups/${s.id(groups.mentors)}/good-practice`, { note: 'олимпиадный проект' });
    expect(practice.status).toBe(200);
    expect(
      ((await api.call(people.curator, 'GET', `/programmes/${programme}/completion`)).json as { good_practices: number }).good_practices,
    ).toBe(1);
    expect(
      (await api.call(people.curator, 'PUT', `/groups/${s.id(groups.mentors)}/good-practice`, { note: 'x' }, { school: otherSchool }))
        .status,
    ).toBe(404);
  });
});

describe('exports, opened again', () => {
  it('XLSX and CSV of the KPI hold the same figures as the raw tables', async () => {
    const [, si, , fi] = numbers(expectedOn(await raw(), date).find((l) => l.startsWith('organisation')));
    const xlsx = await file(people.curator, `/reports/export?table=kpi&format=xlsx&organisation_id=${s.schoolA}&date=${date}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(4).value).toBe('Обучающихся вовлечено');
    expect(sheet?.getRow(3).getCell(4).value).toBe(si);
    expect(sheet?.getRow(3).getCell(7).value).toBe(fi);

    const csv = await file(people.curator, `/reports/export?table=kpi&format=csv&organisation_id=${s.schoolA}&date=${date}`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    expect(rows[0]?.[3]).toBe('Обучающихся вовлечено');
    expect(rows[1]?.[0]).toBe('Школа');
    expect(Number(rows[1]?.[3])).toBe(si);
    expect(Number(rows[1]?.[6])).toBe(fi);
  });

  it('the region report (DOCX) carries the KPI', async () => {
    const [st, si] = numbers(expectedOn(await raw(), date).find((l) => l.startsWith('organisation')));
    const docx = await file(people.head, `/programmes/${programme}/documents/region-report?date=${date}`);
    expect(docx.status).toBe(200);
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'] as Uint8Array);
    expect(xml).toContain('ОТЧЁТ о реализации целевой модели наставничества');
    expect(xml).toContain(`>${st}<`);
    expect(xml).toContain(`>${si}<`);
  });

  it('a Google Sheet is created with the curator’s token and the tables’ rows', async () => {
    const seen: { method: string; url: string; authorization: string; body: unknown }[] = [];
    const server: Server = createServer((request, response) => {
      let data = '';
      request.on('data', (chunk) => {
        data += chunk;
      });
      request.on('end', () => {
        seen.push({
          method: request.method ?? '',
          url: request.url ?? '',
          authorization: request.headers.authorization ?? '',
          body: data ? JSON.parse(data) : null,
        });
        response.setHeader('content-type', 'application/json');
        if (request.url === '/v4/spreadsheets') {
          response.end(JSON.stringify({ spreadsheetId: 'sheet-1', spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/sheet-1' }));
        } else response.end(JSON.stringify({ totalUpdatedCells: 1 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.GOOGLE_API_ROOT_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const created = await api.call(
        people.curator,
        'POST',
        '/reports/sheets',
        { title: 'Наставничество', tables: ['kpi', 'kpi_monthly'], organisation_id: s.schoolA, date, from: '2026-09-01', to: '2026-11-01' },
        { headers: { 'x-google-token': 'token-of-the-curator' } },
      );
      expect(created.status, JSON.stringify(created.json)).toBe(200);
      expect(created.json).toEqual({ spreadsheet_id: 'sheet-1', url: 'https://docs.google.com/spreadsheets/d/sheet-1' });
      expect(seen.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
        'POST /v4/spreadsheets',
        'POST /v4/spreadsheets/sheet-1/values:batchUpdate',
      ]);
      expect(seen.every((r) => r.authorization === 'Bearer token-of-the-curator')).toBe(true);
      const batch = seen[1]?.body as { data: { range: string; values: unknown[][] }[] };
      const [, si] = numbers(expectedOn(await raw(), date).find((l) => l.startsWith('organisation')));
      expect(batch.data.map((d) => d.range)).toEqual(['kpi!A1', 'months!A1']);
      expect(batch.data[0]?.values[2]?.[3]).toBe(si);
      // Without a token: refused, and nothing is sent.
      expect(
        (await api.call(people.curator, 'POST', '/reports/sheets', { title: 'x', tables: ['kpi'], organisation_id: s.schoolA })).status,
      ).toBe(400);
      expect(seen).toHaveLength(2);
    } finally {
      delete process.env.GOOGLE_API_ROOT_URL;
      server.close();
    }
  });
});
