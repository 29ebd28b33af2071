// The attacks of issue #9 that go through the API, repeated: a former mentor, consent bypasses,
// lost updates between two curators, erasure that leaves the sign-in account, spurious conflicts
// on identical retries, and the local sign-in reached by another web page. Each must fail, and the
// legitimate path beside it must still work.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { Accounts } from '../../functions/auth/accounts.ts';
import { createVerifier } from '../../functions/auth/verifier.ts';
import type { ApiErrorBody } from '../../shared/errors.ts';
import { type Answer, issuer, type Json, type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { groups as demoGroups, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

const curator = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  api.call(people.curator, method, path, body, headers ? { headers } : {});
const code = (json: Json) => (json as unknown as ApiErrorBody).error?.code;
const today = () => new Date().toISOString().slice(0, 10);

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return s.db.asService(async (db) => (await db.query<T>(sql, params)).rows[0]);
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await one<{ n: number }>(`select count(*)::int as n from (${sql}) counted`, params))?.n ?? -1;
}

describe('a mentor removed from a group loses the mentor’s rights (access follows membership dates)', () => {
  // Коновалов Владимир, mentor of g-85 until the re-pairing below; he teaches no class of his own,
  // so nothing lets him see the group but his membership.
  const group = () => s.id(demoGroups.plainMentors);
  const formerMentor = people.plainMentor;
  let mentee: string;
  let before: string; // a meeting he logged while he was the mentor
  let after: string; // a meeting the curator logged after he left

  beforeAll(async () => {
    mentee =
      (
        await one<{ person_id: string }>(
          "select person_id from public.group_members where group_id = $1 and role = 'mentee' and left_on is null order by person_id limit 1",
          [group()],
        )
      )?.person_id ?? '';
    before = randomUUID();
    const logged = await api.call(formerMentor, 'POST', '/meetings', {
      id: before,
      group_id: group(),
      kind: 'working',
      held_on: '2026-11-20',
      duration_minutes: 40,
      notes: 'до ухода наставника',
      feedback: [{ person_id: mentee, rating: 3 }],
    });
    expect(logged.status).toBe(201);

    // A trained mentor of the same programme takes her place.
    const successor = await one<{ person_id: string }>(
      `select e.person_id from public.enrolments e
       where e.programme_id = $1 and e.base = 'mentor' and e.training_status = 'trained' and e.left_on is null and e.person_id <> $2
         and not exists (select 1 from public.group_members gm where gm.group_id = $3 and gm.person_id = e.person_id)
       order by e.person_id limit 1`,
      [s.id('programme'), s.id(formerMentor), group()],
    );
    expect(successor).toBeDefined();
    const repaired = await curator('POST', `/groups/${group()}/repair`, {
      leaving_person_id: s.id(formerMentor),
      joining_person_id: successor?.person_id,
      reason: 'наставник перешёл в другую школу',
      on: '2026-11-25',
    });
    expect(repaired.status).toBe(200);

    after = randomUUID();
    const later = await curator('POST', '/meetings', {
      id: after,
      group_id: group(),
      kind: 'working',
      held_on: today(),
      duration_minutes: 30,
      notes: 'после ухода наставника',
    });
    expect(later.status).toBe(201);
  });

  it('does not show him what the group did after he left', async () => {
    const listed = await api.call(formerMentor, 'GET', `/meetings?group_id=${group()}`);
    const ids = (listed.json.items ?? []).map((m) => m.id);
    expect(ids).not.toContain(after);
    // His own time in the group stays his to read (the meeting, not its notes any more).
    expect(ids).toContain(before);
    expect(JSON.stringify(listed.json)).not.toContain('после ухода наставника');
  });

  it('refuses his meetings, feedback changes and goals, and changes nothing', async () => {
    const meetingsBefore = await count('select 1 from public.meetings where group_id = $1', [group()]);
    const goalsBefore = await count('select 1 from public.plan_goals where group_id = $1', [group()]);

    const meeting = await api.call(formerMentor, 'POST', '/meetings', {
      id: randomUUID(),
      group_id: group(),
      kind: 'working',
      held_on: today(),
      duration_minutes: 30,
      topic: 'встреча бывшего наставника',
    });
    expect([403, 404]).toContain(meeting.status);

    const feedback = await api.call(formerMentor, 'PUT', `/meetings/${before}/feedback`, {
      entries: [{ person_id: mentee, rating: 10 }],
    });
    expect([403, 404, 422]).toContain(feedback.status);
    const rating = await one<{ rating: number }>('select rating from public.meeting_feedback where meeting_id = $1 and person_id = $2', [
      before,
      mentee,
    ]);
    expect(rating?.rating).toBe(3);

    const goal = await api.call(formerMentor, 'POST', '/goals', { id: randomUUID(), group_id: group(), title: 'цель бывшего наставника' });
    expect([403, 404]).toContain(goal.status);

    expect(await count('select 1 from public.meetings where group_id = $1', [group()])).toBe(meetingsBefore);
    expect(await count('select 1 from public.plan_goals where group_id = $1', [group()])).toBe(goalsBefore);
  });

  it('still lets the curator correct feedback, and the change is in the audit log', async () => {
    const corrected = await curator('PUT', `/meetings/${before}/feedback`, { entries: [{ person_id: mentee, rating: 4 }] });
    expect(corrected.status).toBe(200);
    const log = await curator('GET', `/audit?table_name=meeting_feedback&organisation_id=${s.schoolA}`);
    expect(log.status).toBe(200);
    const change = (log.json.items ?? []).find(
      (entry) => entry.action === 'update' && (entry.new_data as { meeting_id?: string } | null)?.meeting_id === before,
    );
    expect(change).toMatchObject({ old_data: { rating: 3 }, new_data: { rating: 4 } });
  });
});

describe('consent rules hold through the API (152-ФЗ)', () => {
  let minor: string; // a pupil with no consent
  beforeAll(async () => {
    const row = await one<{ id: string }>(
      `select p.id from public.people p join public.person_details d on d.person_id = p.id
       where p.organisation_id = $1 and p.kind = 'student' and d.birth_year >= 2010
         and not exists (select 1 from public.consents c where c.person_id = p.id)
         and not exists (select 1 from public.group_members gm where gm.person_id = p.id)
       order by p.id limit 1`,
      [s.schoolA],
    );
    if (!row) throw new Error('the demo school has no pupil without consent');
    minor = row.id;
  });

  it('refuses a child’s own consent and consents or withdrawals dated in the future', async () => {
    const self = await curator('POST', '/consents', { id: randomUUID(), person_id: minor, given_by: 'self', given_on: '2026-09-01' });
    expect(self.status).toBe(422);
    const future = await curator('POST', '/consents', { id: randomUUID(), person_id: minor, given_by: 'parent', given_on: '2099-09-01' });
    expect(future.status).toBe(422);
    expect(await count('select 1 from public.consents where person_id = $1', [minor])).toBe(0);

    const given = await curator('POST', '/consents', { id: randomUUID(), person_id: minor, given_by: 'parent', given_on: '2026-09-01' });
    expect(given.status).toBe(201);
    const consent = given.json.id as string;
    const withdrawal = await curator('POST', `/consents/${consent}/withdraw`, { withdrawn_on: '2099-01-01' });
    expect(withdrawal.status).toBe(422);
    expect((await one<{ w: string | null }>('select withdrawn_on::text as w from public.consents where id = $1', [consent]))?.w).toBeNull();
    // Back to no consent for the next test: the parent withdraws it today.
    expect((await curator('POST', `/consents/${consent}/withdraw`, { withdrawn_on: today() })).status).toBe(200);
  });

  it('will not let a minor into an active group by turning them into an adult and back', async () => {
    const group = s.id(demoGroups.plainMentors);
    const mentee = await one<{ person_id: string }>(
      "select person_id from public.group_members where group_id = $1 and role = 'mentee' and left_on is null order by person_id limit 1",
      [group],
    );
    const person = await curator('GET', `/people/${minor}`);
    const birthYear = (person.json.details as { birth_year: number }).birth_year;

    expect((await curator('PATCH', `/people/${minor}`, { birth_year: 1990 })).status).toBe(200);
    await curator('POST', '/enrolments', { id: randomUUID(), programme_id: s.id('programme'), person_id: minor, base: 'mentee' });
    const joined = await curator('POST', `/groups/${group}/repair`, {
      leaving_person_id: mentee?.person_id,
      joining_person_id: minor,
      reason: 'проверка обхода согласия',
    });
    expect(joined.status).toBe(200);

    const back = await curator('PATCH', `/people/${minor}`, { birth_year: birthYear });
    expect(back.status).toBe(422);
    expect(code(back.json)).toMatch(/rule_violation|validation_failed/);
    const stored = await one<{ birth_year: number }>('select birth_year from public.person_details where person_id = $1', [minor]);
    expect(stored?.birth_year).toBe(1990);
  });
});

describe('two curators editing one record (If-Match)', () => {
  it('answers every editable record with its version as the ETag', async () => {
    const programme = await curator('GET', `/programmes/${s.id('programme')}`);
    expect(programme.status).toBe(200);
    expect(programme.headers.get('etag')).toBe(`"${programme.json.version}"`);
  });

  it('refuses a stale If-Match with 412 and the record as it is now, and changes nothing', async () => {
    const path = `/people/${s.id(people.bystander)}`;
    const first = await curator('GET', path);
    const etag = first.headers.get('etag') ?? '';
    const saved = await curator('PATCH', path, { middle_name: 'Андреевна' }, { 'if-match': etag });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).not.toBe(etag);

    const stale = await curator('PATCH', path, { middle_name: 'Олеговна' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(code(stale.json)).toBe('precondition_failed');
    expect(stale.json.current).toMatchObject({ id: s.id(people.bystander), middle_name: 'Андреевна', version: saved.json.version });
    expect(stale.headers.get('etag')).toBe(saved.headers.get('etag'));
    expect((await one<{ m: string }>('select middle_name as m from public.people where id = $1', [s.id(people.bystander)]))?.m).toBe(
      'Андреевна',
    );
  });

  it('moves the version when only the details change', async () => {
    const path = `/people/${s.id(people.bystander)}`;
    const etag = (await curator('GET', path)).headers.get('etag') ?? '';
    expect((await curator('PATCH', path, { phone: '+7 900 000-00-01' }, { 'if-match': etag })).status).toBe(200);
    expect((await curator('PATCH', path, { phone: '+7 900 000-00-02' }, { 'if-match': etag })).status).toBe(412);
  });

  it('lets exactly one of two simultaneous edits of the same version through', async () => {
    const overview = await curator('GET', `/programmes/${s.id('programme')}/checklist`);
    const item = (overview.json.items ?? [])[0] as { id: string; version: string } | undefined;
    if (!item) throw new Error('the programme has no checklist');
    const tag = `"${item.version}"`;
    const answers = await Promise.all(
      ['первый куратор', 'второй куратор'].map((note) =>
        curator('PATCH', `/checklist-items/${item.id}`, { evidence_note: note }, { 'if-match': tag }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.status === 200)?.json.evidence_note;
    expect((await one<{ n: string }>('select evidence_note as n from public.programme_checklist_items where id = $1', [item.id]))?.n).toBe(
      winner,
    );
  });

  it('still takes an edit without If-Match (curl, older clients), and * as any version', async () => {
    const path = `/programmes/${s.id('programme')}`;
    expect((await curator('PATCH', path, { name: 'Программа наставничества' })).status).toBe(200);
    expect((await curator('PATCH', path, { name: 'Программа наставничества 2026/2027' }, { 'if-match': '*' })).status).toBe(200);
    expect((await curator('PATCH', path, { name: 'слабый тег' }, { 'if-match': 'W/"1"' })).status).toBe(412);
  });
});

describe('erasure removes the sign-in account too', () => {
  it('deletes the auth user, so the e-mail is gone and nobody can sign in as the person', async () => {
    const person = s.id(people.bystander);
    const account = await one<{ id: string; email: string }>(
      'select u.id, u.email from auth.users u join public.people p on p.auth_user_id = u.id where p.id = $1',
      [person],
    );
    expect(account).toBeDefined();
    const erased = await curator('POST', `/people/${person}/erase`);
    expect(erased.status).toBe(200);
    expect(await count('select 1 from auth.users where id = $1 or lower(email) = lower($2)', [account?.id, account?.email])).toBe(0);
    const token = await api.app.request(`${issuer}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account?.email }),
    });
    expect(token.status).toBe(404);
  });

  it('erases nothing when the account cannot be removed, and a retry finishes the job', async () => {
    const person = s.id(people.plainMentor);
    let failing = true;
    const removed: string[] = [];
    const accounts: Accounts = {
      async remove(id) {
        if (failing) throw new Error('Supabase Auth is unreachable');
        removed.push(id);
      },
    };
    const app = createApp({
      db: s.db,
      verifier: createVerifier({ mode: 'local', jwks: api.signer.jwks, issuer }),
      accounts,
      version: 'test',
    });
    const headers = await api.as(people.curator);
    const first = await app.request(`/people/${person}/erase`, { method: 'POST', headers });
    expect(first.status).toBe(502);
    expect((await one<{ erased_at: string | null }>('select erased_at from public.people where id = $1', [person]))?.erased_at).toBeNull();
    failing = false;
    const second = await app.request(`/people/${person}/erase`, { method: 'POST', headers });
    expect(second.status).toBe(200);
    expect(removed).toHaveLength(1);
    expect(
      (await one<{ erased_at: string | null }>('select erased_at from public.people where id = $1', [person]))?.erased_at,
    ).not.toBeNull();
  });

  it('refuses a mentor (not a curator) without touching the account', async () => {
    const target = s.id(people.mentee);
    const refused = await api.call(people.otherMentor, 'POST', `/people/${target}/erase`);
    expect([403, 404]).toContain(refused.status);
    expect(await count('select 1 from public.people p join auth.users u on u.id = p.auth_user_id where p.id = $1', [target])).toBe(1);
  });
});

describe('identical creates racing each other', () => {
  // Each round sends the same create many times at once; every answer must be the stored row
  // (201 once, 200 for the rest), never «запись отличается», and exactly one row must exist.
  async function race(path: string, body: Record<string, unknown>, copies = 12): Promise<Answer[]> {
    return Promise.all(Array.from({ length: copies }, () => curator('POST', path, body)));
  }

  it('programmes, classes and enrolments: one row each, the stored row for every copy', async () => {
    const pupils = await s.db.asService(
      async (db) =>
        (
          await db.query<{ id: string }>(
            `select p.id from public.people p where p.organisation_id = $1 and p.kind = 'student'
             and not exists (select 1 from public.enrolments e where e.person_id = p.id) order by p.id limit 6`,
            [s.schoolA],
          )
        ).rows,
    );
    for (let round = 0; round < pupils.length; round++) {
      const programme = { id: randomUUID(), organisation_id: s.schoolA, academic_year: `${2030 + round}/${2031 + round}`, name: 'Гонка' };
      const schoolClass = { id: randomUUID(), organisation_id: s.schoolA, name: `${(round % 9) + 1}Ж` };
      const enrolment = {
        id: randomUUID(),
        programme_id: s.id('programme'),
        person_id: pupils[round]?.id,
        base: 'mentee',
      };
      for (const [path, body, table] of [
        ['/programmes', programme, 'programmes'],
        ['/classes', schoolClass, 'classes'],
        ['/enrolments', enrolment, 'enrolments'],
      ] as const) {
        const answers = await race(path, body);
        const statuses = answers.map((a) => a.status);
        expect(statuses.filter((status) => status === 201).length, `${path} ${statuses}`).toBeLessThanOrEqual(1);
        expect(
          statuses.every((status) => status === 200 || status === 201),
          `${path} ${statuses}`,
        ).toBe(true);
        expect(new Set(answers.map((a) => a.json.id))).toEqual(new Set([body.id]));
        expect(await count(`select 1 from public.${table} where id = $1`, [body.id])).toBe(1);
      }
    }
  });

  it('still calls a different record with the same natural key a conflict', async () => {
    const year = { organisation_id: s.schoolA, academic_year: '2040/2041', name: 'Первая' };
    expect((await curator('POST', '/programmes', { id: randomUUID(), ...year })).status).toBe(201);
    const other = await curator('POST', '/programmes', { id: randomUUID(), ...year, name: 'Вторая' });
    expect(other.status).toBe(409);
  });
});

describe('local sign-in answers this machine only', () => {
  const users = (headers: Record<string, string>) => api.app.request(`${issuer}/dev/users`, { headers });

  it('answers the loopback names on its own port, curl (no Origin) and the extension', async () => {
    expect((await users({})).status).toBe(200);
    expect((await api.app.request('http://localhost:8787/auth/v1/dev/users')).status).toBe(200);
    expect((await users({ origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' })).status).toBe(200);
  });

  it('refuses another host name (DNS rebinding), another port and another web origin', async () => {
    const rebound = await api.app.request('http://attacker.example:8787/auth/v1/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a.korolev2@school17.example.ru' }),
    });
    expect(rebound.status).toBe(403);
    expect(code((await rebound.json()) as Json)).toBe('forbidden');
    expect((await users({ host: 'attacker.example:8787' })).status).toBe(403);
    expect((await api.app.request('http://127.0.0.1:9999/auth/v1/dev/users')).status).toBe(403);
    expect((await users({ origin: 'https://attacker.example' })).status).toBe(403);
    expect((await users({ origin: 'http://127.0.0.1:3000' })).status).toBe(403);
    // A page's plain GET carries no Origin, but the browser says where it came from.
    expect((await users({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await users({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

// POST /telemetry/adapter-fallback (issue 17): a page whose adapter found no names is counted for today under the
// caller's school — site, host, page kind, never a name — and a malformed report changes nothing.
const fallbackReport = { site: 'netschool', host: 'deti.obr03.ru', page_kind: 'journal' };

async function adapterReports() {
  return s.db.asService(async (db) => (await db.query('select * from public.adapter_reports order by organisation_id')).rows);
}

describe('POST /telemetry/adapter-fallback', () => {
  it('counts one more for today under the caller’s school, whoever reports', async () => {
    const first = await api.call(people.mentor, 'POST', '/telemetry/adapter-fallback', fallbackReport);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ counted: true, count: 1 });
    const second = await api.call(people.mentee, 'POST', '/telemetry/adapter-fallback', fallbackReport);
    expect(second.json).toEqual({ counted: true, count: 2 });
    const [row, ...others] = await adapterReports();
    expect(others).toEqual([]);
    expect(Object.keys(row ?? {}).sort()).toEqual(['count', 'host', 'organisation_id', 'page_kind', 'reported_on', 'site']);
    expect(row).toMatchObject({ organisation_id: s.schoolA, ...fallbackReport, count: 2 });
  });

  it('refuses a report that is not a site, a host and a page kind, and one without a token', async () => {
    for (const body of [
      { ...fallbackReport, host: 'https://deti.obr03.ru/app' },
      { ...fallbackReport, site: 'NetSchool' },
      { ...fallbackReport, name: 'Иванов Лев' },
    ]) {
      expect((await api.call(people.mentor, 'POST', '/telemetry/adapter-fallback', body)).status).toBe(400);
    }
    expect((await api.app.request('/telemetry/adapter-fallback', { method: 'POST', body: JSON.stringify(fallbackReport) })).status).toBe(
      401,
    );
    expect((await adapterReports()).map((row) => row.count)).toEqual([2]);
  });
});
