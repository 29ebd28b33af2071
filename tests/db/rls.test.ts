// Row-level security, table by table: what each role may and may not see or change, with two
// schools in one database. Runs on the real Postgres when one answers, PGlite otherwise.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '../../functions/db/database.ts';
import { groups, otherSchool, people, type TwoSchools, twoSchools } from '../support/school.ts';

let s: TwoSchools;
beforeAll(async () => {
  s = await twoSchools();
});
afterAll(async () => {
  await s?.dispose();
});

const tables = [
  'adapter_reports',
  'audit_log',
  'catalog_checklist_items',
  'catalog_forms',
  'catalog_questionnaire_items',
  'catalog_questionnaires',
  'catalog_role_models',
  'catalog_stages',
  'classes',
  'classroom_courses',
  'classroom_push_registrations',
  'classroom_sync_queue',
  'classroom_sync_runs',
  'consents',
  'enrolments',
  'good_practices',
  'group_members',
  'guardianships',
  'kpi_counters',
  'kpi_person_spans',
  'matching_choices',
  'meeting_attendance',
  'meeting_feedback',
  'meeting_kinds',
  'meeting_notes',
  'meetings',
  'memberships',
  'mentoring_groups',
  'organisation_people_counts',
  'organisations',
  'outcomes',
  'people',
  'person_details',
  'plan_goals',
  'plan_tasks',
  'planned_meetings',
  'programme_checklist_items',
  'programme_reviews',
  'programmes',
  'questionnaire_answers',
  'questionnaire_requests',
  'questionnaire_responses',
  'teaching_assignments',
  'training_attendance',
  'training_sessions',
] as const;

/** Tables every signed-in user may read in full: the national catalog. */
const catalogTables = new Set<string>(tables.filter((table) => table.startsWith('catalog_') || table === 'meeting_kinds'));

async function count(claims: Claims | null, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  return s.db.asUser(claims, async (db) => {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from public.${table} where ${where}`, params);
    return rows[0]?.n ?? -1;
  });
}

async function refused(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (caught: { code?: string }) => caught,
  );
  expect(error, 'the statement should have been refused').not.toBeNull();
  return error?.code ?? '';
}

const meeting = (groupKey: string, school?: string) => [randomUUID(), s.id(groupKey, school), 'introduction', '2026-10-05', 40];
/** Inserts through what the caller can see: a group they cannot see yields no row at all. */
const insertMeeting = `insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  select $1, g.organisation_id, g.id, $3, $4, $5,
    (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = g.organisation_id)
  from public.mentoring_groups g where g.id = $2 returning id`;

/** Inserts with every value given: only the policy stands between the caller and the table. */
const insertMeetingDirectly = `insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values ($1, $2, $3, 'trial', '2026-10-06', 30, $4)`;

async function inserted(claims: Claims, groupKey: string, school?: string): Promise<number> {
  return s.db.asUser(claims, async (db) => (await db.query(insertMeeting, meeting(groupKey, school))).rows.length);
}

describe('every table', () => {
  it('has row-level security enabled and forced', async () => {
    const rows = await s.db.asService(async (db) => {
      const result = await db.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        `select relname, relrowsecurity, relforcerowsecurity from pg_class
         where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`,
      );
      return result.rows;
    });
    expect(rows.map((r) => r.relname).sort()).toEqual([...tables].sort());
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it.each(tables)('%s is closed to anon', async (table) => {
    expect(await refused(count(null, table))).toBe('42501');
  });
});

describe('a curator', () => {
  const curator = () => s.claims(people.curator);

  it('sees the whole of their school and nothing of another', async () => {
    expect(await count(curator(), 'organisations')).toBe(1);
    expect(await count(curator(), 'people')).toBe(605);
    expect(await count(curator(), 'people', 'organisation_id = $1', [s.schoolB])).toBe(0);
    expect(await count(curator(), 'classes')).toBe(22);
    expect(await count(curator(), 'consents')).toBe(512);
    expect(await count(curator(), 'memberships', 'organisation_id = $1', [s.schoolB])).toBe(0);
    expect(await count(curator(), 'mentoring_groups')).toBe(87);
    expect(await count(curator(), 'group_members', 'organisation_id = $1', [s.schoolB])).toBe(0);
  });

  it('moves their own programme on, but not another school’s', async () => {
    const moved = await s.db.asUser(curator(), async (db) => {
      const own = await db.query('update public.programmes set current_stage = 7 where organisation_id = $1 returning id', [s.schoolA]);
      const other = await db.query('update public.programmes set current_stage = 7 where organisation_id = $1 returning id', [s.schoolB]);
      return [own.rows.length, other.rows.length];
    });
    expect(moved).toEqual([1, 0]);
  });

  it('logs a meeting for any group of their school, never for another school’s', async () => {
    expect(await inserted(curator(), groups.other)).toBe(1);
    expect(await inserted(curator(), groups.other, otherSchool)).toBe(0);
    const forged = [randomUUID(), s.schoolB, s.id(groups.other, otherSchool), s.id(people.curator)];
    expect(await refused(s.db.asUser(curator(), (db) => db.query(insertMeetingDirectly, forged)))).toBe('42501');
  });

  it('cannot put a person of another school into a group', async () => {
    const code = await refused(
      s.db.asUser(curator(), (db) =>
        db.query(`insert into public.group_members (group_id, person_id, organisation_id, role) values ($1, $2, $3, 'mentee')`, [
          s.id(groups.mentors),
          s.id(people.bystander, otherSchool),
          s.schoolA,
        ]),
      ),
    );
    expect(code).toBe('23503');
  });
});

describe('a head', () => {
  it('reads their school like a curator does', async () => {
    expect(await count(s.claims(people.head), 'people')).toBe(605);
    expect(await count(s.claims(people.head), 'consents')).toBe(512);
    expect(await count(s.claims(people.head, otherSchool), 'people', 'organisation_id = $1', [s.schoolA])).toBe(0);
  });
});

describe('a mentor', () => {
  const mentor = () => s.claims(people.mentor);

  it('sees their group, its members and nobody else', async () => {
    const plain = s.claims(people.plainMentor);
    expect(await count(plain, 'mentoring_groups')).toBe(1);
    expect(await count(plain, 'group_members')).toBe(4);
    expect(await count(plain, 'people')).toBe(4);
    expect(await count(plain, 'people', 'id = $1', [s.id(people.bystander)])).toBe(0);
    expect(await count(plain, 'person_details')).toBe(1);
    expect(await count(plain, 'consents')).toBe(0);
    expect(await count(plain, 'memberships')).toBe(1);
    expect(await count(plain, 'organisations')).toBe(1);
    expect(await count(plain, 'programmes')).toBe(1);
    expect(await count(plain, 'classes')).toBe(22);
    expect(await count(plain, 'meeting_kinds')).toBe(5);
  });

  it('as a homeroom teacher also sees the groups of their class’s mentees, but not their notes', async () => {
    const homeroom = await s.db.asService(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `select count(distinct gm.group_id)::int as n from public.group_members gm join public.people p on p.id = gm.person_id
         join public.classes c on c.id = p.class_id where c.name = '10А' and gm.role = 'mentee' and c.organisation_id = $1`,
        [s.schoolA],
      );
      return rows[0]?.n ?? 0;
    });
    expect(homeroom).toBeGreaterThan(1);
    const visible = await count(mentor(), 'mentoring_groups', 'id <> $1', [s.id(groups.mentors)]);
    expect(visible).toBe(homeroom - 1); // Кудрявцев (10А) is in her own group too
    expect(await count(mentor(), 'meeting_notes', 'group_id <> $1', [s.id(groups.mentors)])).toBe(0);
    expect(await count(mentor(), 'person_details', 'person_id <> $1', [s.id(people.mentor)])).toBe(0);
  });

  it('logs meetings of their own group only', async () => {
    expect(await inserted(mentor(), groups.mentors)).toBe(1);
    expect(await count(mentor(), 'meetings')).toBe(1);
    expect(await inserted(mentor(), groups.other)).toBe(0);
    const intoOther = [randomUUID(), s.schoolA, s.id(groups.other), s.id(people.mentor)];
    expect(await refused(s.db.asUser(mentor(), (db) => db.query(insertMeetingDirectly, intoOther)))).toBe('42501');
  });

  it('cannot pass a meeting off as someone else’s', async () => {
    const code = await refused(
      s.db.asUser(mentor(), (db) => db.query(insertMeetingDirectly, [randomUUID(), s.schoolA, s.id(groups.mentors), s.id(people.curator)])),
    );
    expect(code).toBe('42501');
  });

  it('does not see meetings of other groups', async () => {
    expect(await inserted(s.claims(people.otherMentor), groups.other)).toBe(1);
    expect(await count(mentor(), 'meetings', 'group_id = $1', [s.id(groups.other)])).toBe(0);
  });

  it('records outcomes (the journal’s grades, issue 13) of a current mentee of their own group only, and sees them', async () => {
    const insertOutcome = `insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, value_before, measured_before_on, source)
      values ($1, $2, $3, $4, $5, 'grade_average', 4.5, '2026-11-30', 'Дневник.ру, Физика') returning id`;
    const outcome = (person: string, group: string | null) => [
      randomUUID(),
      s.schoolA,
      s.id('programme'),
      s.id(person),
      group === null ? null : s.id(group),
    ];
    const mine = outcome(people.mentee, groups.mentors);
    expect((await s.db.asUser(mentor(), (db) => db.query(insertOutcome, mine))).rows).toHaveLength(1);
    expect(await count(mentor(), 'outcomes', 'id = $1', [mine[0]])).toBe(1);
    for (const forged of [
      outcome(people.mentee, null), // no group: only a curator
      outcome(people.bystander, groups.mentors), // not a member of the group
      outcome(people.mentor, groups.mentors), // herself, the mentor
      outcome('s-0498', groups.other), // another mentor's mentee (Воробьёва, g-81)
    ]) {
      expect(await refused(s.db.asUser(mentor(), (db) => db.query(insertOutcome, forged)))).toBe('42501');
    }
    // The mentee records nothing of her own.
    const mentee = s.claims(people.mentee);
    expect(await refused(s.db.asUser(mentee, (db) => db.query(insertOutcome, outcome(people.mentee, groups.mentors))))).toBe('42501');
    // Another group's mentor does not see it.
    expect(await count(s.claims(people.otherMentor), 'outcomes', 'id = $1', [mine[0]])).toBe(0);
  });

  it('one outcome per mentee, group, metric and subject: the mentor’s second reading updates it, nobody else’s does', async () => {
    const upsert = `insert into public.outcomes as o (id, organisation_id, programme_id, person_id, group_id, metric_key, subject, value_after)
      values ($1, $2, $3, $4, $5, 'attendance_share', 'Физика', $6)
      on conflict (programme_id, person_id, group_id, metric_key, subject) where person_id is not null
      do update set value_after = excluded.value_after returning o.id`;
    const reading = (value: number) => [randomUUID(), s.schoolA, s.id('programme'), s.id(people.mentee), s.id(groups.mentors), value];
    const first = reading(0.75);
    expect((await s.db.asUser(mentor(), (db) => db.query(upsert, first))).rows).toEqual([{ id: first[0] }]);
    expect((await s.db.asUser(mentor(), (db) => db.query(upsert, reading(0.8)))).rows).toEqual([{ id: first[0] }]);
    const stored = () =>
      s.db.asService(
        async (db) => (await db.query(`select value_after::float8 as v from public.outcomes where metric_key = 'attendance_share'`)).rows,
      );
    expect(await stored()).toEqual([{ v: 0.8 }]);
    // A plain insert of the same key is refused by the key, whoever makes it.
    const plain = `insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, subject, value_after)
      values ($1, $2, $3, $4, $5, 'attendance_share', 'Физика', $6)`;
    expect(await refused(s.db.asUser(s.claims(people.curator), (db) => db.query(plain, reading(0.5))))).toBe('23505');
    // Another group's mentor may neither insert nor update it.
    expect(await refused(s.db.asUser(s.claims(people.otherMentor), (db) => db.query(upsert, reading(0.1))))).toBe('42501');
    const update = `update public.outcomes set value_after = 0.1 where id = $1 returning id`;
    expect((await s.db.asUser(s.claims(people.otherMentor), (db) => db.query(update, [first[0]]))).rows).toEqual([]);
    // Nor the mentee herself.
    expect((await s.db.asUser(s.claims(people.mentee), (db) => db.query(update, [first[0]]))).rows).toEqual([]);
    expect(await stored()).toEqual([{ v: 0.8 }]);
  });

  it('cannot form groups or edit people', async () => {
    expect(
      await refused(
        s.db.asUser(mentor(), (db) =>
          db.query(
            `insert into public.mentoring_groups (organisation_id, programme_id, form, role_model) values ($1, $2, 'student_student', 'peer_to_peer')`,
            [s.schoolA, s.id('programme')],
          ),
        ),
      ),
    ).toBe('42501');
    const updated = await s.db.asUser(mentor(), (db) =>
      db.query(`update public.people set first_name = 'Подмена' where id = $1 returning id`, [s.id(people.mentee)]),
    );
    expect(updated.rows).toHaveLength(0);
  });
});

describe('a mentee', () => {
  const mentee = () => s.claims(people.mentee);

  it('sees their own group and its members', async () => {
    expect(await count(mentee(), 'mentoring_groups')).toBe(1);
    expect(await count(mentee(), 'people')).toBe(4);
    expect(await count(mentee(), 'meetings')).toBeGreaterThanOrEqual(1);
  });

  it('cannot log meetings', async () => {
    expect(await refused(s.db.asUser(mentee(), (db) => db.query(insertMeeting, meeting(groups.mentors))))).toBe('42501');
    const asMentee = [randomUUID(), s.schoolA, s.id(groups.mentors), s.id(people.mentee)];
    expect(await refused(s.db.asUser(mentee(), (db) => db.query(insertMeetingDirectly, asMentee)))).toBe('42501');
  });
});

describe('a student outside the programme', () => {
  it('sees only themselves', async () => {
    const bystander = s.claims(people.bystander);
    expect(await count(bystander, 'people')).toBe(1);
    expect(await count(bystander, 'mentoring_groups')).toBe(0);
    expect(await count(bystander, 'group_members')).toBe(0);
    expect(await count(bystander, 'meetings')).toBe(0);
    expect(await count(bystander, 'consents')).toBe(0);
  });
});

describe('a signed-in user who is nobody in any school', () => {
  it('sees nothing but the catalog', async () => {
    const stranger: Claims = { sub: randomUUID(), role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 };
    for (const table of tables) {
      const visible = await count(stranger, table);
      if (catalogTables.has(table)) expect(visible, table).toBeGreaterThan(0);
      else expect(visible, table).toBe(0);
    }
  });
});
