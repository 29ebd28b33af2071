// The KPI recounted in TypeScript from the raw tables (people, group_members, mentoring_groups),
// by none of the database's KPI SQL: what the tests hold the counters, the reports and the exports
// to. A person is involved on a day when a current member (joined, not left) of a group that runs
// then (not a draft, started, not ended); students and staff only; each person once.
import type { Queryable } from '../../functions/db/database.ts';

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

export interface Raw {
  people: { id: string; kind: string; class_id: string | null; organisation_id: string }[];
  members: {
    person_id: string;
    joined_on: string;
    left_on: string | null;
    status: string;
    started_on: string | null;
    ended_on: string | null;
    form: string;
  }[];
  classes: { id: string; name: string }[];
}

export async function readRaw(db: Queryable, org: string): Promise<Raw> {
  const people = (
    await db.query<Raw['people'][number]>('select id, kind, class_id, organisation_id from public.people where organisation_id = $1', [org])
  ).rows;
  const members = (
    await db.query<Raw['members'][number]>(
      `select gm.person_id, gm.joined_on::text as joined_on, gm.left_on::text as left_on, g.status, g.started_on::text as started_on,
        g.ended_on::text as ended_on, g.form
       from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id where gm.organisation_id = $1`,
      [org],
    )
  ).rows;
  const classes = (await db.query<Raw['classes'][number]>('select id, name from public.classes where organisation_id = $1', [org])).rows;
  return { people, members, classes };
}

/** Each membership's days of involvement [from, until): in a running group, a current member. */
function runs(raw: Raw) {
  return raw.members
    .filter((m) => m.status !== 'draft' && m.started_on !== null)
    .map((m) => {
      const from = [m.started_on as string, m.joined_on].sort()[1] as string;
      const ends = [m.ended_on ? addDays(m.ended_on, 1) : null, m.left_on].filter((d): d is string => d !== null).sort();
      return { person: m.person_id, form: m.form, from, until: ends[0] ?? null };
    })
    .filter((r) => r.until === null || r.until > r.from);
}

export function expectedOn(raw: Raw, date: string) {
  const kind = new Map(raw.people.map((p) => [p.id, p]));
  const counted = (p: string) => ['student', 'staff'].includes(kind.get(p)?.kind ?? '');
  const active = runs(raw).filter((r) => counted(r.person) && r.from <= date && (r.until === null || r.until > date));
  const involved = new Set(active.map((r) => r.person));
  const students = raw.people.filter((p) => p.kind === 'student');
  const staff = raw.people.filter((p) => p.kind === 'staff');
  const rows: string[] = [
    `organisation ${students.length} ${students.filter((p) => involved.has(p.id)).length} ${staff.length} ${staff.filter((p) => involved.has(p.id)).length}`,
  ];
  for (const form of [...new Set(active.map((r) => r.form))].sort()) {
    const inForm = new Set(active.filter((r) => r.form === form).map((r) => r.person));
    rows.push(
      `form ${form} ${students.length} ${students.filter((p) => inForm.has(p.id)).length} ${staff.length} ${staff.filter((p) => inForm.has(p.id)).length}`,
    );
  }
  for (const c of raw.classes) {
    const inClass = students.filter((p) => p.class_id === c.id);
    if (inClass.length > 0) rows.push(`class ${c.name} ${inClass.length} ${inClass.filter((p) => involved.has(p.id)).length}`);
  }
  return rows.sort();
}

export function expectedMonths(raw: Raw, from: string, to: string) {
  const kind = new Map(raw.people.map((p) => [p.id, p.kind]));
  const all = runs(raw).filter((r) => ['student', 'staff'].includes(kind.get(r.person) ?? ''));
  const rows: string[] = [];
  for (let month = monthStart(from); month <= to; month = nextMonth(month)) {
    const end = nextMonth(month);
    const involved = new Set(all.filter((r) => r.from < end && (r.until === null || r.until > month)).map((r) => r.person));
    const count = (k: string) => [...involved].filter((p) => kind.get(p) === k).length;
    rows.push(`${month} ${count('student')} ${count('staff')}`);
  }
  return rows;
}
