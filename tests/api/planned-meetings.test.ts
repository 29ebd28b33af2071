// Planned meetings (issue #14): a pair's next meeting with its date and time, shown in the group's
// summary until a meeting with the plan's id is logged («встреча состоялась»); idempotent on the
// client's id, cancelled by the mentor or a curator, refused to everyone else.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../../shared/api/me.ts';
import { type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { groups, otherSchool, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

const tomorrowAt = (hours: number) => {
  const at = new Date(Date.now() + 86_400_000);
  at.setUTCHours(hours, 30, 0, 0);
  return at.toISOString().replace('.000Z', 'Z');
};

function newPlan(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { id: string; group_id: string; kind: string; starts_at: string; topic?: string } {
  return {
    id: randomUUID(),
    group_id: s.id(groups.mentors),
    kind: 'working',
    starts_at: tomorrowAt(12),
    duration_minutes: 40,
    ...overrides,
  };
}

async function nextMeetingOf(who: string, groupKey: string) {
  const answer = await api.call(who, 'GET', '/me/groups');
  const group = (answer.json as unknown as GroupSummary[]).find((g) => g.id === s.id(groupKey));
  return group?.next_meeting;
}

async function planRows(id: string): Promise<number> {
  return s.db.asService(async (db) => {
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.planned_meetings where id = $1', [id]);
    return rows[0]?.n ?? -1;
  });
}

describe('planned meetings', () => {
  it('plans a meeting once however often it is sent, and shows it as the group’s next meeting', async () => {
    const plan = newPlan({ topic: 'Олимпиада: разбор задач', starts_at: '2027-03-01T15:30:00+03:00' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.call(people.mentor, 'POST', '/planned-meetings', plan)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(await planRows(plan.id)).toBe(1);
    expect(answers[0]?.json).toMatchObject({ id: plan.id, starts_at: '2027-03-01T12:30:00Z', author_person_id: s.id(people.mentor) });
    expect(await nextMeetingOf(people.mentor, groups.mentors)).toMatchObject({ id: plan.id, kind: 'working', topic: plan.topic });
    // The mentee sees the date too.
    expect(await nextMeetingOf(people.mentee, groups.mentors)).toMatchObject({ id: plan.id });
    // The same id with another time is a conflict, not a silent move.
    expect((await api.call(people.mentor, 'POST', '/planned-meetings', { ...plan, starts_at: tomorrowAt(9) })).status).toBe(409);
    expect((await api.call(people.mentor, 'DELETE', `/planned-meetings/${plan.id}`)).status).toBe(200);
  });

  it('becomes a logged meeting in one step: the meeting takes the plan’s id, and a retry creates nothing', async () => {
    const plan = newPlan({ starts_at: new Date(Date.now() - 3_600_000).toISOString() });
    expect((await api.call(people.mentor, 'POST', '/planned-meetings', plan)).status).toBe(201);
    const held = { id: plan.id, group_id: plan.group_id, kind: plan.kind, held_on: plan.starts_at.slice(0, 10), duration_minutes: 40 };
    expect((await api.call(people.mentor, 'POST', '/meetings', held)).status).toBe(201);
    expect((await api.call(people.mentor, 'POST', '/meetings', held)).status).toBe(200);
    const count = await s.db.asService(
      async (db) => (await db.query<{ n: number }>('select count(*)::int as n from public.meetings where id = $1', [plan.id])).rows[0]?.n,
    );
    expect(count).toBe(1);
    expect(await nextMeetingOf(people.mentor, groups.mentors)).toBeNull();
  });

  it('shows the earliest plan not yet held', async () => {
    const later = newPlan({ starts_at: tomorrowAt(14) });
    const sooner = newPlan({ starts_at: tomorrowAt(8) });
    for (const plan of [later, sooner]) expect((await api.call(people.mentor, 'POST', '/planned-meetings', plan)).status).toBe(201);
    expect((await nextMeetingOf(people.mentor, groups.mentors))?.id).toBe(sooner.id);
    for (const plan of [later, sooner]) expect((await api.call(people.mentor, 'DELETE', `/planned-meetings/${plan.id}`)).status).toBe(200);
    expect(await nextMeetingOf(people.mentor, groups.mentors)).toBeNull();
  });

  it('lets the mentor and a curator plan and cancel; refuses the mentee, other mentors and the other school', async () => {
    const byCurator = newPlan();
    expect((await api.call(people.curator, 'POST', '/planned-meetings', byCurator)).status).toBe(201);
    // Refused to plan.
    for (const [who, school] of [[people.mentee], [people.otherMentor], [people.curator, otherSchool]] as const) {
      const answer = await api.call(who, 'POST', '/planned-meetings', newPlan(), school ? { school } : {});
      expect([403, 404], `${who} plans`).toContain(answer.status);
    }
    // Refused to cancel: the plan stays.
    const mentee = await api.call(people.mentee, 'DELETE', `/planned-meetings/${byCurator.id}`);
    expect(mentee.status).toBe(403);
    expect((mentee.json as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await api.call(people.curator, 'DELETE', `/planned-meetings/${byCurator.id}`, undefined, { school: otherSchool })).status).toBe(
      200,
    );
    expect(await planRows(byCurator.id)).toBe(1);
    // The mentor cancels it; cancelling again (a retry after a lost answer) answers the same.
    expect((await api.call(people.mentor, 'DELETE', `/planned-meetings/${byCurator.id}`)).status).toBe(200);
    expect((await api.call(people.mentor, 'DELETE', `/planned-meetings/${byCurator.id}`)).status).toBe(200);
    expect(await planRows(byCurator.id)).toBe(0);
  });

  it('refuses a plan in the past, a time without its offset and a stray field, storing nothing', async () => {
    const past = newPlan({ starts_at: '2020-01-01T10:00:00Z' });
    const answer = await api.call(people.mentor, 'POST', '/planned-meetings', past);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json)).toContain('в прошлом');
    expect((await api.call(people.mentor, 'POST', '/planned-meetings', newPlan({ starts_at: '2027-03-01T15:30' }))).status).toBe(400);
    expect((await api.call(people.mentor, 'POST', '/planned-meetings', newPlan({ place: 'кабинет 12' }))).status).toBe(400);
    expect(await planRows(past.id)).toBe(0);
  });
});
