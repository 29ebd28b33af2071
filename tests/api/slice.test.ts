// The foundation slice over HTTP (app.request, no server): health, sign-in, my groups, and
// logging meetings — validated, idempotent, and refused where row-level security says no.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openLocalSigner } from '../../functions/auth/local-keys.ts';
import { readMigrations } from '../../functions/db/migrate.ts';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { Meeting } from '../../shared/api/meetings.ts';
import type { ApiErrorBody } from '../../shared/errors.ts';
import { issuer, type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { groups, otherSchool, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

async function meetingRows(where = 'true', params: unknown[] = []): Promise<number> {
  return s.db.asService(async (db) => {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from public.meetings where ${where}`, params);
    return rows[0]?.n ?? -1;
  });
}

function newMeeting(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    group_id: s.id(groups.mentors),
    kind: 'introduction',
    held_on: '2026-10-02',
    duration_minutes: 45,
    topic: 'Знакомство, цели на четверть',
    ...overrides,
  };
}

function devToken(email: string) {
  return api.app.request(`${issuer}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
}

async function post(body: unknown, headers: Record<string, string>) {
  return api.app.request('/meetings', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('GET /health', () => {
  it('answers with the version and the database', async () => {
    const response = await api.app.request('/health');
    expect(response.status).toBe(200);
    const migrations = (await readMigrations()).length;
    expect(await response.json()).toMatchObject({ version: 'test', database: { ok: true, migrations }, auth: 'local' });
  });
});

describe('sign-in (local mode)', () => {
  it('lists demo people, staff first', async () => {
    const users = (await (await api.app.request(`${issuer}/dev/users`)).json()) as { email: string; description: string }[];
    expect(users.length).toBeGreaterThan(600);
    expect(
      users
        .slice(0, 4)
        .map((u) => u.description)
        .join(' '),
    ).toMatch(/руководитель|куратор/);
  });

  it('issues a token shaped as Supabase Auth’s that the API accepts', async () => {
    const response = await devToken('a.korolev2@school17.example.ru');
    expect(response.status).toBe(200);
    const session = (await response.json()) as { access_token: string; name: string };
    const [, payload = ''] = session.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ role: 'authenticated', aud: 'authenticated', email: 'a.korolev2@school17.example.ru', iss: issuer });
    expect(typeof claims.sub).toBe('string');
    expect(typeof claims.exp).toBe('number');
    const me = await api.app.request('/me', { headers: { authorization: `Bearer ${session.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ people: [{ last_name: 'Королёв', roles: ['curator', 'teacher'] }] });
  });

  it('refuses an unknown e-mail and a malformed one', async () => {
    const unknown = await devToken('nobody@example.com');
    expect(unknown.status).toBe(404);
    const malformed = await devToken('not an e-mail');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiErrorBody).error.fields?.[0]?.path).toBe('email');
  });
});

describe('authentication', () => {
  it('refuses requests without a token, with a bad one, or signed by another key', async () => {
    const stranger = await openLocalSigner(null, issuer);
    const { token: forged } = await stranger.sign({ sub: s.claims(people.curator).sub, email: 'x@test' });
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${forged}`, 'Basic abc']) {
      const response = await api.app.request('/me/groups', { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      const body = (await response.json()) as ApiErrorBody;
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toMatch(/войдите/i);
    }
  });

  it('refuses an expired token', async () => {
    const { token } = await api.signer.sign({ sub: s.claims(people.mentor).sub, email: 'x@test' }, -10);
    expect((await api.app.request('/me/groups', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('GET /me/groups', () => {
  it('gives a mentor their group with its members and the next step', async () => {
    const response = await api.app.request('/me/groups', { headers: await api.as(people.mentor) });
    expect(response.status).toBe(200);
    const mine = (await response.json()) as GroupSummary[];
    expect(mine).toHaveLength(1);
    const [group] = mine;
    expect(group).toMatchObject({ id: s.id(groups.mentors), my_role: 'mentor', form: { key: 'teacher_student' }, status: 'active' });
    expect(group?.members.map((m) => `${m.role}:${m.last_name}`).sort()).toEqual([
      'mentee:Иванов',
      'mentee:Карпова',
      'mentee:Кудрявцев',
      'mentor:Новикова',
    ]);
    expect(group?.members.find((m) => m.last_name === 'Карпова')?.class_name).toBe('10Б');
  });

  it('gives someone outside the programme an empty list', async () => {
    const response = await api.app.request('/me/groups', { headers: await api.as(people.bystander) });
    expect(await response.json()).toEqual([]);
  });

  it('answers 304 to a poll when nothing changed', async () => {
    const headers = await api.as(people.mentee);
    const first = await api.app.request('/me/groups', { headers });
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await api.app.request('/me/groups', { headers: { ...headers, 'if-none-match': tag ?? '' } });
    expect(again.status).toBe(304);
  });
});

describe('POST /meetings', () => {
  it('logs a meeting, and the same request again returns it without a second row', async () => {
    const headers = await api.as(people.mentor);
    const meeting = newMeeting();
    const first = await post(meeting, headers);
    expect(first.status).toBe(201);
    const stored = (await first.json()) as Meeting;
    expect(stored).toMatchObject({ id: meeting.id, kind: 'introduction', held_on: '2026-10-02', format: 'in_person' });
    expect(stored.author_person_id).toBe(s.id(people.mentor));
    const again = await post(meeting, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(stored);
    expect(await meetingRows('id = $1', [meeting.id])).toBe(1);
    const groupsAfter = (await (await api.app.request('/me/groups', { headers })).json()) as GroupSummary[];
    expect(groupsAfter[0]).toMatchObject({ last_meeting_on: '2026-10-02', next_kind: 'trial' });
  });

  it('creates one meeting when the same request arrives many times at once', async () => {
    const headers = await api.as(people.mentor);
    const meeting = newMeeting({ kind: 'trial' });
    const responses = await Promise.all(Array.from({ length: 12 }, () => post(meeting, headers)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(11);
    expect(await meetingRows('id = $1', [meeting.id])).toBe(1);
  });

  it('refuses the same id with different content', async () => {
    const headers = await api.as(people.mentor);
    const meeting = newMeeting({ kind: 'planning' });
    expect((await post(meeting, headers)).status).toBe(201);
    const changed = await post({ ...meeting, duration_minutes: 90 }, headers);
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as ApiErrorBody).error.code).toBe('conflict');
  });

  it('refuses bad input with every field named, and stores nothing', async () => {
    const headers = await api.as(people.mentor);
    const before = await meetingRows();
    const bad = await post({ id: 'x', group_id: s.id(groups.mentors), kind: 'party', held_on: '02.10.2026', duration_minutes: 0 }, headers);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ApiErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(['duration_minutes', 'held_on', 'id', 'kind']);
    expect(body.error.fields?.[0]?.message).toMatch(/[а-я]/);
    expect(body.error.fields?.[0]?.message_en).toMatch(/[a-z]/);
    for (const raw of ['{not json', '[]', 'null', '"text"']) {
      const response = await post(raw, headers);
      expect(response.status, raw).toBe(400);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('validation_failed');
    }
    expect((await post(newMeeting({ notes: 'x'.repeat(70_000) }), headers)).status).toBe(413);
    expect(await meetingRows()).toBe(before);
  });

  it('lets only the group’s mentor log, and hides other schools’ groups', async () => {
    const before = await meetingRows();
    const asMentee = await post(newMeeting(), await api.as(people.mentee));
    expect(asMentee.status).toBe(403);
    expect(((await asMentee.json()) as ApiErrorBody).error.message).toMatch(/наставник/);
    const otherGroup = await post(newMeeting({ group_id: s.id(groups.other) }), await api.as(people.mentor));
    expect(otherGroup.status).toBe(404);
    const otherSchoolsCurator = await post(newMeeting(), await api.as(people.curator, otherSchool));
    expect(otherSchoolsCurator.status).toBe(404);
    expect(await meetingRows()).toBe(before);
  });

  it('records each participant’s 1–10 with the meeting, and refuses feedback for someone outside the group', async () => {
    const headers = await api.as(people.mentor);
    const mentee = s.id(people.mentee);
    const meeting = newMeeting({ kind: 'working', feedback: [{ person_id: mentee, rating: 9, comment: 'понятно и полезно' }] });
    expect((await post(meeting, headers)).status).toBe(201);
    const stored = await s.db.asService(async (db) => {
      const { rows } = await db.query<{ rating: number; comment: string }>(
        'select rating, comment from public.meeting_feedback where meeting_id = $1',
        [meeting.id],
      );
      return rows;
    });
    expect(stored).toEqual([{ rating: 9, comment: 'понятно и полезно' }]);
    const before = await meetingRows();
    const stranger = await post(newMeeting({ feedback: [{ person_id: s.id(people.bystander), rating: 5 }] }), headers);
    expect(stranger.status).toBe(422);
    expect((await post(newMeeting({ feedback: [{ person_id: mentee, rating: 11 }] }), headers)).status).toBe(400);
    expect(await meetingRows()).toBe(before);
  });

  it('lets the curator log a meeting for any pair of the school', async () => {
    const response = await post(newMeeting({ group_id: s.id(groups.other) }), await api.as(people.curator));
    expect(response.status).toBe(201);
  });
});

describe('unknown routes', () => {
  it('answer 404 in the one error shape', async () => {
    const response = await api.app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('not_found');
  });
});
