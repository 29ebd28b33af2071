// The curator's workplace over the API (issue 12): a new programme from stage 1 to published pairs
// — the school's documents as DOCX opened again and read against the database, the school's own
// form and role model, the bases as tables with bulk actions, training sessions that train, the
// matching on the school's own role model, publishing by order and the order as DOCX — and what
// another school, a mentor and anon may not do.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { docxText } from '../support/docx-text.ts';
import { otherSchool, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
const programme = randomUUID();
withTwoSchoolsApi((made) => ({ s, api } = made));

const curator = (method: string, path: string, body?: unknown) => api.call(people.curator, method, path, body);
const items = (json: { items?: Record<string, unknown>[] }) => json.items ?? [];
async function file(who: string, path: string, school?: string) {
  const response = await api.app.request(path, { headers: await api.as(who, school) });
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}
const one = async <T>(sql: string, params: unknown[] = []) => s.db.asService(async (db) => (await db.query<T>(sql, params)).rows);

describe('stage 1: the programme, the school’s own catalog rows and documents', () => {
  it('starts the programme and adds a form and a role model of the school’s own, never over a national key', async () => {
    const started = await curator('POST', '/programmes', {
      id: programme,
      organisation_id: s.schoolA,
      academic_year: '2027/2028',
      name: 'Программа наставничества 2027/2028',
      forms: ['teacher_student', 'employer_pupil'],
    });
    expect(started.status).toBe(201);
    const form = { organisation_id: s.schoolA, key: 'reverse_mentoring', label_ru: 'Обратное наставничество', goal_ru: 'Цифровые навыки' };
    expect((await curator('POST', '/catalog/forms', form)).status).toBe(201);
    expect((await curator('POST', '/catalog/forms', form)).status).toBe(200);
    expect((await curator('POST', '/catalog/forms', { ...form, key: 'student_student' })).status).toBe(409);
    const roleModel = {
      organisation_id: s.schoolA,
      form_key: 'teacher_student',
      key: 'teacher_any_student',
      label_ru: 'учитель – любой ученик',
    };
    expect((await curator('POST', '/catalog/role-models', roleModel)).status).toBe(201);
    expect((await curator('POST', '/catalog/role-models', { ...roleModel, form_key: 'nothing_like_it' })).status).toBe(422);
    // Another school's curator cannot add rows to school A's catalog; a mentor cannot either.
    expect((await api.call(people.curator, 'POST', '/catalog/forms', { ...form, key: 'theirs' }, { school: otherSchool })).status).toBe(
      403,
    );
    expect((await api.call(people.mentor, 'POST', '/catalog/forms', { ...form, key: 'mine' })).status).toBe(403);
    const catalog = await curator('GET', '/catalog');
    expect((catalog.json.forms as { key: string }[]).map((f) => f.key)).toContain('reverse_mentoring');
    const otherCatalog = await api.call(people.curator, 'GET', '/catalog', undefined, { school: otherSchool });
    expect((otherCatalog.json.forms as { key: string }[]).map((f) => f.key)).not.toContain('reverse_mentoring');
  });

  it('generates the order, the regulation and the roadmap from the school’s own data', async () => {
    const [school] = await one<{ name: string }>('select name from public.organisations where id = $1', [s.schoolA]);
    const curators = await one<{ name: string }>(
      `select p.last_name || ' ' || p.first_name || ' ' || p.middle_name as name from public.memberships m join public.people p on p.id = m.person_id
       where m.organisation_id = $1 and m.role = 'curator'`,
      [s.schoolA],
    );
    const order = await file(people.curator, `/programmes/${programme}/documents/order_introducing_model`);
    expect(order.status).toBe(200);
    expect(order.type).toContain('wordprocessingml');
    const orderText = docxText(order.bytes);
    expect(orderText).toContain(school?.name);
    expect(orderText).toContain('ПРИКАЗ');
    expect(orderText).toContain('Программа наставничества 2027/2028');
    expect(orderText).toContain('с 01.09.2027');
    expect(orderText).toContain('«Учитель – ученик», «Работодатель – ученик»');
    for (const c of curators) expect(orderText).toContain(c.name);

    const regulation = docxText((await file(people.curator, `/programmes/${programme}/documents/programme_regulation`)).bytes);
    expect(regulation).toContain('ПОЛОЖЕНИЕ');
    expect(regulation).toContain('Форма «Работодатель – ученик»');
    expect(regulation).toContain('активный профессионал – равнодушный потребитель');
    expect(regulation).toContain('учитель – любой ученик'); // the school's own role model

    const roadmap = docxText((await file(people.curator, `/programmes/${programme}/documents/roadmap`)).bytes);
    const items = await one<{ label_ru: string }>('select label_ru from public.catalog_checklist_items where organisation_id is null');
    for (const item of items) expect(roadmap).toContain(item.label_ru);

    expect((await file(people.curator, `/programmes/${programme}/documents/order_introducing_model`, otherSchool)).status).toBe(404);
    expect((await file(people.mentor, `/programmes/${programme}/documents/roadmap`)).status).toBe(404);
    expect((await api.app.request(`/programmes/${programme}/documents/roadmap`)).status).toBe(401);
    expect((await file(people.curator, `/programmes/${programme}/documents/anything`)).status).toBe(400);
  });
});

describe('stages 2–5: bases, consents, training, pairs, the order', () => {
  let mentees: string[] = [];
  let mentor = '';
  let untrained = '';

  it('lists every student as a candidate mentee with their consent, as the database counts them', async () => {
    const base = await curator('GET', `/programmes/${programme}/bases/mentee`);
    expect(base.status).toBe(200);
    const rows = items(base.json) as { person_id: string; consent: string; enrolment: unknown }[];
    const [counts] = await one<{ students: number; missing: number }>(
      `select count(*)::int as students, count(*) filter (where public.consent_status(id) in ('missing', 'withdrawn'))::int as missing
       from public.people where organisation_id = $1 and kind = 'student' and erased_at is null`,
      [s.schoolA],
    );
    expect(rows).toHaveLength(counts?.students ?? -1);
    expect(rows.filter((r) => r.consent === 'missing' || r.consent === 'withdrawn')).toHaveLength(counts?.missing ?? -1);
    expect(rows.every((r) => r.enrolment === null)).toBe(true);
    mentees = rows
      .filter((r) => r.consent === 'given')
      .slice(0, 3)
      .map((r) => r.person_id);
    expect(
      (await api.call(people.curator, 'GET', `/programmes/${programme}/bases/mentee`, undefined, { school: otherSchool })).status,
    ).toBe(404);
    expect((await api.call(people.mentor, 'GET', `/programmes/${programme}/bases/mentor`)).status).toBe(404);
  });

  it('enrols a selection at once, lets one leave and brings them back', async () => {
    const enrol = await curator('POST', `/programmes/${programme}/bases/mentee/bulk`, {
      action: 'enrol',
      person_ids: mentees,
      form_key: 'teacher_student',
    });
    expect(enrol.json).toEqual({ changed: 3 });
    expect((await curator('POST', `/programmes/${programme}/bases/mentee/bulk`, { action: 'enrol', person_ids: mentees })).json).toEqual({
      changed: 0,
    });
    expect(
      (await curator('POST', `/programmes/${programme}/bases/mentee/bulk`, { action: 'leave', person_ids: [mentees[0]] })).json,
    ).toEqual({
      changed: 1,
    });
    expect(
      (await curator('POST', `/programmes/${programme}/bases/mentee/bulk`, { action: 'enrol', person_ids: [mentees[0]] })).json,
    ).toEqual({
      changed: 1,
    });
    const base = items((await curator('GET', `/programmes/${programme}/bases/mentee`)).json) as {
      person_id: string;
      enrolment: { left_on: string | null; form_key: string } | null;
    }[];
    const enrolled = base.filter((r) => r.enrolment);
    expect(enrolled.map((r) => r.person_id).sort()).toEqual([...mentees].sort());
    expect(enrolled.every((r) => r.enrolment?.left_on === null && r.enrolment.form_key === 'teacher_student')).toBe(true);

    // Two teachers mentoring nobody yet: one will be trained, the other not.
    const free = await one<{ id: string }>(
      `select p.id from public.people p where p.organisation_id = $1 and p.kind = 'staff'
         and not exists (select 1 from public.group_members gm where gm.person_id = p.id) order by p.last_name limit 2`,
      [s.schoolA],
    );
    mentor = free[0]?.id ?? '';
    untrained = free[1]?.id ?? '';
    expect(
      (
        await curator('POST', `/programmes/${programme}/bases/mentor/bulk`, {
          action: 'enrol',
          person_ids: [mentor, untrained],
          form_key: 'teacher_student',
        })
      ).json,
    ).toEqual({ changed: 2 });
    // Another school's curator changes nothing here.
    const theirs = await api.call(
      people.curator,
      'POST',
      `/programmes/${programme}/bases/mentor/bulk`,
      { action: 'leave', person_ids: [mentor] },
      { school: otherSchool },
    );
    expect(theirs.json).toEqual({ changed: 0 });
  });

  it('records a training session whose attendance trains the mentor; only trained mentors are matched', async () => {
    const session = { id: randomUUID(), programme_id: programme, held_on: '2026-11-20', topic: 'Школа наставника', hours: 4 };
    expect((await curator('POST', '/training-sessions', session)).status).toBe(201);
    expect((await curator('POST', '/training-sessions', session)).status).toBe(200);
    expect((await curator('POST', '/training-sessions', { ...session, id: randomUUID(), held_on: '2099-01-01' })).status).toBe(422);
    const attended = await curator('POST', `/training-sessions/${session.id}/attendance`, {
      person_ids: [mentor],
      completes_training: true,
    });
    expect(attended.json).toMatchObject({ attendees: [mentor] });
    const listed = await curator('GET', `/training-sessions?programme_id=${programme}`);
    expect(items(listed.json)).toHaveLength(1);
    expect(
      items(
        (await api.call(people.curator, 'GET', `/training-sessions?programme_id=${programme}`, undefined, { school: otherSchool })).json,
      ),
    ).toEqual([]);
    expect(
      (
        await api.call(
          people.curator,
          'POST',
          `/training-sessions/${session.id}/attendance`,
          { person_ids: [mentor] },
          { school: otherSchool },
        )
      ).status,
    ).toBe(404);

    const mentors = items((await curator('GET', `/programmes/${programme}/bases/mentor`)).json) as {
      person_id: string;
      trainings: number;
      enrolment: { training_status: string; trained_on: string } | null;
    }[];
    expect(mentors.find((m) => m.person_id === mentor)).toMatchObject({
      trainings: 1,
      enrolment: { training_status: 'trained', trained_on: '2026-11-20' },
    });
    expect(mentors.find((m) => m.person_id !== mentor && m.enrolment)?.enrolment?.training_status).toBe('not_started');

    const run = await curator('POST', `/programmes/${programme}/matching`, {
      id: randomUUID(),
      form: 'teacher_student',
      role_model: 'teacher_any_student',
      dry_run: false,
    });
    expect(run.status).toBe(200);
    const pairs = run.json.pairs as { mentor: string; mentee: string; group_id: string }[];
    expect(pairs).toHaveLength(1); // the trained mentor, capacity 1
    expect(pairs[0]?.mentor).toBe(mentor);
    expect((run.json.unmatched as unknown[]).length).toBe(2);

    const published = await curator('POST', `/groups/${pairs[0]?.group_id}/publish`, { order_date: '2026-11-25', order_number: '17-н' });
    expect(published.json).toMatchObject({ status: 'active', order_number: '17-н' });
    const order = docxText((await file(people.curator, `/programmes/${programme}/documents/pairs_order`)).bytes);
    const names = await one<{ mentor: string; mentee: string }>(
      `select m.last_name || ' ' || m.first_name as mentor, e.last_name || ' ' || e.first_name as mentee from public.people m, public.people e
       where m.id = $1 and e.id = $2`,
      [pairs[0]?.mentor, pairs[0]?.mentee],
    );
    expect(order).toContain('О закреплении наставнических пар');
    expect(order).toContain('№ 17-н');
    expect(order).toContain('25.11.2026');
    expect(order).toContain(names[0]?.mentor);
    expect(order).toContain(names[0]?.mentee);
    expect(order).toContain('Учитель – ученик; учитель – любой ученик');
  });

  it('prints a guardian’s consent form per child with the child’s name and class', async () => {
    const [child] = await one<{ id: string; name: string; class_name: string }>(
      `select p.id, p.last_name || ' ' || p.first_name as name, c.name as class_name from public.people p join public.classes c on c.id = p.class_id
       where p.organisation_id = $1 and p.kind = 'student' order by p.last_name limit 1`,
      [s.schoolA],
    );
    const form = await file(people.curator, `/people/${child?.id}/consent-form`);
    expect(form.status).toBe(200);
    const text = docxText(form.bytes);
    expect(text).toContain('СОГЛАСИЕ');
    expect(text).toContain(child?.name);
    expect(text).toContain(`${child?.class_name} класса`);
    expect(text).toContain('152-ФЗ');
    expect((await file(people.curator, `/people/${child?.id}/consent-form`, otherSchool)).status).toBe(404);
    expect((await file(people.mentor, `/people/${child?.id}/consent-form`)).status).toBe(404);
  });
});
