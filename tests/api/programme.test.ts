// The API over the whole programme, stage by stage, as the people who use it: the curator runs
// stages 1–7, mentors and mentees log and answer, and every route refuses what it must.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/errors.ts';
import { type Json, type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { groups as demoGroups, otherSchool, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

const call = (who: string, method: string, path: string, body?: unknown, school?: string) =>
  api.call(who, method, path, body, school ? { school } : {});
const curator = (method: string, path: string, body?: unknown) => call(people.curator, method, path, body);
const code = (json: Json) => (json as unknown as ApiErrorBody).error?.code;

describe('the OpenAPI document', () => {
  it('lists every route of the app with its schemas', async () => {
    const response = await api.app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const routes = new Set(
      api.app.routes
        .filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json' && !r.path.endsWith('*'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    for (const route of routes) expect(documented, route).toContain(route);
    for (const ops of Object.values(document.paths)) for (const op of Object.values(ops)) expect(op.summary).toBeTruthy();
  });
});

describe('stage 1: the organisation, classes and the programme', () => {
  it('lets the curator edit the school card, nobody else, and nothing of another school', async () => {
    expect((await curator('PATCH', `/organisations/${s.schoolA}`, { municipality: 'Энский район' })).json).toMatchObject({
      municipality: 'Энский район',
    });
    expect((await curator('PATCH', `/organisations/${s.schoolB}`, { municipality: 'x' })).status).toBe(404);
    expect((await call(people.mentor, 'PATCH', `/organisations/${s.schoolA}`, { municipality: 'x' })).status).toBe(404);
    expect((await curator('PATCH', `/organisations/${s.schoolA}`, {})).status).toBe(400);
  });

  it('adds a class once, whatever the retries', async () => {
    const sent = { id: randomUUID(), organisation_id: s.schoolA, name: '5 - в' };
    const first = await curator('POST', '/classes', sent);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: '5В', grade: 5 });
    expect((await curator('POST', '/classes', sent)).status).toBe(200);
    expect((await curator('POST', '/classes', { ...sent, id: randomUUID() })).status).toBe(409);
    expect((await curator('POST', '/classes', { ...sent, id: randomUUID(), name: '12Z' })).status).toBe(400);
    expect((await call(people.mentor, 'POST', '/classes', { id: randomUUID(), organisation_id: s.schoolA, name: '5Г' })).status).toBe(403);
  });

  it('starts a programme with the whole checklist and ticks an item with evidence', async () => {
    const programme = { id: randomUUID(), organisation_id: s.schoolA, academic_year: '2027/2028', name: 'Программа 2027/2028' };
    expect((await curator('POST', '/programmes', programme)).status).toBe(201);
    expect((await curator('POST', '/programmes', { ...programme, academic_year: '2027/2029' })).status).toBe(400);
    const checklist = await curator('GET', `/programmes/${programme.id}/checklist`);
    expect(checklist.json.items).toHaveLength(32);
    const order = checklist.json.items?.[0] as { id: string; key: string };
    expect(order.key).toBe('order_introducing_model');
    const ticked = await curator('PATCH', `/checklist-items/${order.id}`, {
      done: true,
      evidence_url: 'https://school17.example.ru/docs/prikaz-1.pdf',
    });
    expect(ticked.json).toMatchObject({
      done: true,
      done_by_person_id: s.id(people.curator),
      evidence_url: 'https://school17.example.ru/docs/prikaz-1.pdf',
    });
    expect((await curator('PATCH', `/checklist-items/${order.id}`, { evidence_url: 'javascript:alert(1)' })).status).toBe(400);
    expect((await call(people.mentor, 'PATCH', `/checklist-items/${order.id}`, { done: false })).status).toBe(404);
    expect((await curator('PATCH', `/programmes/${programme.id}`, { current_stage: 2 })).json).toMatchObject({ current_stage: 2 });
    expect((await curator('PATCH', `/programmes/${programme.id}`, { current_stage: 8 })).status).toBe(400);
  });
});

describe('stages 2–5: people, consents, bases, training, groups', () => {
  const pupil = randomUUID();
  const teacher = randomUUID();
  let groupId = '';

  it('adds a pupil and a teacher, with details only curators see', async () => {
    const sent = {
      id: pupil,
      organisation_id: s.schoolA,
      kind: 'student',
      last_name: 'Новенький',
      first_name: 'Пётр',
      class_id: s.id('class/7А'),
      email: 'p.novenkiy@school17.example.ru',
      birth_year: 2013,
    };
    const created = await curator('POST', '/people', sent);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ class_name: '7А', consent: 'missing', roles: ['student'], details: { birth_year: 2013 } });
    expect((await curator('POST', '/people', sent)).status).toBe(200);
    expect((await curator('POST', '/people', { ...sent, first_name: 'Павел' })).status).toBe(409);
    expect(
      (
        await curator('POST', '/people', {
          id: teacher,
          organisation_id: s.schoolA,
          kind: 'staff',
          last_name: 'Молодая',
          first_name: 'Ирина',
          experience_years: 1,
          subjects: ['физика'],
        })
      ).status,
    ).toBe(201);
    const found = await curator('GET', '/people?q=новенький');
    expect(found.json.items?.map((p) => p.id)).toEqual([pupil]);
    expect((await call(people.mentor, 'GET', `/people/${pupil}`)).status).toBe(404);
    const asMentor = await call(people.mentor, 'GET', `/people/${s.id(people.mentee)}`);
    expect(asMentor.json).toMatchObject({ last_name: 'Карпова', details: null });
    expect((await call(people.mentor, 'POST', '/people', { ...sent, id: randomUUID() })).status).toBe(403);
  });

  it('creates one person and one group when the same request arrives many times at once', async () => {
    const person = {
      id: randomUUID(),
      organisation_id: s.schoolA,
      kind: 'student',
      last_name: 'Дублев',
      first_name: 'Дмитрий',
      class_id: s.id('class/5А'),
    };
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => curator('POST', '/people', person)))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const group = {
      id: randomUUID(),
      programme_id: s.id('programme'),
      form: 'student_student',
      role_model: 'peer_to_peer',
      mentors: [s.id('s-0040')],
      mentees: [person.id],
    };
    const groupReplies = await Promise.all(Array.from({ length: 8 }, () => curator('POST', '/groups', group)));
    for (const r of groupReplies) if (r.status !== 200 && r.status !== 201) console.log('UNEXPECTED', r.status, JSON.stringify(r.json));
    const groupStatuses = groupReplies.map((r) => r.status).sort();
    expect(groupStatuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const rows = await s.db.asService(async (db) => {
      const { rows } = await db.query<{ people: number; members: number }>(
        `select (select count(*)::int from public.people where id = $1) as people, (select count(*)::int from public.group_members where group_id = $2) as members`,
        [person.id, group.id],
      );
      return rows[0];
    });
    expect(rows).toEqual({ people: 1, members: 2 });
  });

  it('forms a draft pair, refuses to publish it without consent and a trained mentor, then publishes', async () => {
    const programme = s.id('programme');
    for (const [person, base] of [
      [pupil, 'mentee'],
      [teacher, 'mentor'],
    ] as const) {
      expect(
        (
          await curator('POST', '/enrolments', {
            id: randomUUID(),
            programme_id: programme,
            person_id: person,
            base,
            form_key: 'teacher_student',
          })
        ).status,
      ).toBe(201);
    }
    groupId = randomUUID();
    const pair = {
      id: groupId,
      programme_id: programme,
      form: 'teacher_student',
      role_model: 'teacher_underachieving_student',
      mentors: [teacher],
      mentees: [pupil],
    };
    const draft = await curator('POST', '/groups', pair);
    expect(draft.status).toBe(201);
    // The form and the role model as every response carries them: the key, and the catalog's labels.
    expect(draft.json).toMatchObject({
      status: 'draft',
      form: { key: 'teacher_student', label_ru: 'Учитель – ученик', label_en: 'Teacher – student' },
      role_model: {
        key: 'teacher_underachieving_student',
        label_ru: 'учитель – неуспевающий ученик',
        label_en: 'teacher – underachieving student',
      },
    });
    const listed = (await curator('GET', `/groups?programme_id=${programme}&status=draft`)).json.items as { id: string }[];
    expect(listed.find((g) => g.id === groupId)).toEqual(draft.json);
    // A repeat names the keys again: the same group, not a conflict.
    expect((await curator('POST', '/groups', pair)).status).toBe(200);
    expect((await curator('POST', '/groups', { ...pair, id: randomUUID(), role_model: 'no_such' })).status).toBe(422);

    const noConsent = await curator('POST', `/groups/${groupId}/publish`, { order_date: '2026-11-20' });
    expect(noConsent.status).toBe(422);
    expect(code(noConsent.json)).toBe('rule_violation');
    expect((noConsent.json as unknown as ApiErrorBody).error.message).toMatch(/согласия/);

    expect(
      (await curator('POST', '/consents', { id: randomUUID(), person_id: pupil, given_by: 'parent', given_on: '2026-11-19' })).status,
    ).toBe(201);
    const untrained = await curator('POST', `/groups/${groupId}/publish`, { order_date: '2026-11-20' });
    expect((untrained.json as unknown as ApiErrorBody).error.message).toMatch(/обучение/);

    const enrolment = (await curator('GET', `/enrolments?person_id=${teacher}`)).json.items?.[0] as { id: string };
    expect((await curator('PUT', `/enrolments/${enrolment.id}/training`, { training_status: 'trained' })).status).toBe(400);
    expect(
      (await curator('PUT', `/enrolments/${enrolment.id}/training`, { training_status: 'trained', trained_on: '2026-11-18' })).json,
    ).toMatchObject({ training_status: 'trained' });
    const published = await curator('POST', `/groups/${groupId}/publish`, { order_date: '2026-11-20', order_number: '45-о' });
    expect(published.json).toMatchObject({ status: 'active', order_number: '45-о' });
    expect((await curator('POST', `/groups/${groupId}/publish`, { order_date: '2026-11-20' })).status).toBe(200);
  });

  it('re-pairs with a reason and keeps the history', async () => {
    const other = s.id('s-0483'); // Степанова Дарина: consent given
    await curator('POST', '/enrolments', { id: randomUUID(), programme_id: s.id('programme'), person_id: other, base: 'mentee' });
    const repaired = await curator('POST', `/groups/${groupId}/repair`, {
      leaving_person_id: pupil,
      joining_person_id: other,
      reason: 'после пробной встречи: другой запрос',
    });
    expect(repaired.status).toBe(200);
    const members = repaired.json.members as { person_id: string; left_reason: string | null }[];
    expect(members.find((m) => m.person_id === pupil)?.left_reason).toMatch(/пробной/);
    expect(members.find((m) => m.person_id === other)?.left_reason).toBeNull();
    expect(
      (await curator('POST', `/groups/${groupId}/repair`, { leaving_person_id: pupil, joining_person_id: other, reason: 'повтор запроса' }))
        .status,
    ).toBe(200);
  });

  it('completes a group and will not reopen it', async () => {
    expect((await curator('POST', `/groups/${groupId}/complete`, { reason: 'программа завершена' })).json).toMatchObject({
      status: 'completed',
    });
    const reopen = await curator('POST', `/groups/${groupId}/publish`, { order_date: '2026-11-21' });
    expect(reopen.status).toBe(422);
    expect((await call(people.mentor, 'POST', `/groups/${s.id(demoGroups.other)}/cancel`, { reason: 'не мой' })).status).toBe(404);
  });

  it('withdraws a consent, which ends the minor’s participation', async () => {
    const consent = (await curator('GET', `/consents?person_id=${s.id(people.mentee)}`)).json.items?.[0] as { id: string };
    expect((await curator('POST', `/consents/${consent.id}/withdraw`, { withdrawn_on: '2026-11-25' })).json).toMatchObject({
      withdrawn_on: '2026-11-25',
    });
    const group = await curator('GET', `/groups/${s.id(demoGroups.mentors)}`);
    const member = (group.json.members as { person_id: string; left_on: string | null }[]).find((m) => m.person_id === s.id(people.mentee));
    expect(member?.left_on).toBe('2026-11-25');
    expect((await call(people.mentor, 'GET', `/consents?person_id=${s.id(people.mentee)}`)).json.items).toEqual([]);
  });
});

describe('stage 5: the matching engine on the bases', () => {
  it('suggests pairs with reasons, then creates them once as drafts', async () => {
    const programme = s.id('programme');
    const mentees = ['s-0010', 's-0011', 's-0012'];
    const mentors = ['s-0031', 's-0032'];
    for (const key of mentees)
      await curator('POST', '/enrolments', {
        id: randomUUID(),
        programme_id: programme,
        person_id: s.id(key),
        base: 'mentee',
        form_key: 'student_student',
      });
    for (const key of mentors) {
      const e = await curator('POST', '/enrolments', {
        id: randomUUID(),
        programme_id: programme,
        person_id: s.id(key),
        base: 'mentor',
        form_key: 'student_student',
      });
      await curator('PUT', `/enrolments/${e.json.id as string}/training`, { training_status: 'trained', trained_on: '2026-11-01' });
    }
    const request = { id: randomUUID(), form: 'student_student', role_model: 'peer_to_peer', mode: 'optimal' };
    const dry = await curator('POST', `/programmes/${programme}/matching`, request);
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ dry_run: true });
    const pairs = dry.json.pairs as { mentor: string; mentee: string; reasons: unknown[]; group_id: string | null }[];
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => p.reasons.length > 0 && p.group_id === null)).toBe(true);
    const real = await curator('POST', `/programmes/${programme}/matching`, { ...request, dry_run: false });
    const created = (real.json.pairs as { group_id: string | null }[]).map((p) => p.group_id);
    expect(created.every(Boolean)).toBe(true);
    // The draft's id is one the API takes back (a well-formed UUID), so the curator can open and publish it.
    expect((await curator('GET', `/groups/${created[0]}`)).status).toBe(200);
    // The mentees are in draft pairs now: running it again forms no pair twice.
    const again = await curator('POST', `/programmes/${programme}/matching`, { ...request, dry_run: false });
    const formedAgain = (again.json.pairs as { mentee: string }[]).map((p) => p.mentee);
    expect(formedAgain.filter((mentee) => pairs.some((p) => p.mentee === mentee))).toEqual([]);
    const drafts = await curator('GET', `/groups?programme_id=${programme}&status=draft&limit=200`);
    expect(drafts.json.items?.filter((g) => created.includes(g.id as string))).toHaveLength(created.length);
    expect((await call(people.mentor, 'POST', `/programmes/${programme}/matching`, request)).json.mentors_considered).toBe(0);
    expect((await curator('POST', `/programmes/${programme}/matching`, { ...request, role_model: 'nope' })).status).toBe(422);
  });
});

describe('stage 6: meetings, feedback and the plan', () => {
  it('records attendance and each participant’s feedback; the teacher sees neither notes nor feedback', async () => {
    const plain = people.plainMentor;
    const group = s.id(demoGroups.plainMentors);
    const meeting = {
      id: randomUUID(),
      group_id: group,
      kind: 'introduction',
      held_on: '2026-11-02',
      duration_minutes: 40,
      notes: 'Цели на полугодие',
    };
    expect((await call(plain, 'POST', '/meetings', meeting)).status).toBe(201);
    const mentee = s.id('s-0486'); // Новиков Даниил, 10Б
    const feedback = await call(plain, 'PUT', `/meetings/${meeting.id}/feedback`, {
      entries: [{ person_id: mentee, rating: 9, comment: 'полезно' }],
    });
    expect(feedback.json.items).toHaveLength(1);
    expect(
      (await call(plain, 'PUT', `/meetings/${meeting.id}/feedback`, { entries: [{ person_id: s.id(people.bystander), rating: 5 }] }))
        .status,
    ).toBe(422);
    expect((await call(plain, 'PUT', `/meetings/${meeting.id}/feedback`, { entries: [{ person_id: mentee, rating: 11 }] })).status).toBe(
      400,
    );
    const listed = await call(plain, 'GET', `/meetings?group_id=${group}`);
    expect(listed.json.items?.[0]).toMatchObject({ id: meeting.id, notes: 'Цели на полугодие' });
    expect((await call(people.bystander, 'GET', `/meetings?group_id=${group}`)).json.items).toEqual([]);
  });

  it('keeps a plan of goals and tasks the pair ticks', async () => {
    const plain = people.plainMentor;
    const group = s.id(demoGroups.plainMentors);
    const goal = { id: randomUUID(), group_id: group, title: 'Подготовка к региональному этапу' };
    expect((await call(plain, 'POST', '/goals', goal)).status).toBe(201);
    const task = { id: randomUUID(), goal_id: goal.id, title: 'Разобрать задачи 2025 года', due_on: '2026-12-10' };
    expect((await call(plain, 'POST', '/tasks', task)).status).toBe(201);
    expect((await call(plain, 'POST', '/tasks', task)).status).toBe(200);
    expect((await call('s-0486', 'PATCH', `/tasks/${task.id}`, { status: 'done' })).json).toMatchObject({ status: 'done' });
    const plan = await call(plain, 'GET', `/plans?group_id=${group}`);
    expect(plan.json.goals).toMatchObject([{ title: goal.title, tasks: [{ title: task.title, status: 'done' }] }]);
    expect((await call(people.bystander, 'PATCH', `/tasks/${task.id}`, { status: 'dropped' })).status).toBe(404);
    expect((await call(people.mentor, 'POST', '/goals', { ...goal, id: randomUUID() })).status).toBe(404);
  });
});

describe('monitoring and reports', () => {
  it('takes a questionnaire from the respondent, outcomes from the curator', async () => {
    const list = await call('s-0486', 'GET', '/questionnaires');
    const growth = (list.json.items as { id: string; key: string; items: { id: string; key: string }[] }[]).find(
      (q) => q.key === 'growth_start_mentee',
    );
    expect(growth?.items).toHaveLength(3);
    const answers = growth?.items.map((item) => ({ item_id: item.id, scale_value: 6 })) ?? [];
    const response = {
      id: randomUUID(),
      programme_id: s.id('programme'),
      questionnaire_id: growth?.id,
      respondent_person_id: s.id('s-0486'),
      answers,
    };
    expect((await call('s-0486', 'POST', '/responses', response)).status).toBe(201);
    expect((await call('s-0486', 'POST', '/responses', response)).status).toBe(200);
    expect((await call(people.bystander, 'POST', '/responses', { ...response, id: randomUUID() })).status).toBe(403);
    expect(
      (
        await call('s-0486', 'POST', '/responses', {
          ...response,
          id: randomUUID(),
          answers: [{ item_id: growth?.items[0]?.id, scale_value: 6, text_value: 'и то и другое' }],
        })
      ).status,
    ).toBe(400);
    const outcome = {
      id: randomUUID(),
      programme_id: s.id('programme'),
      person_id: s.id('s-0486'),
      metric_key: 'grades',
      value_before: 3.6,
      value_after: 4.2,
      source: 'журнал',
    };
    expect((await curator('POST', '/outcomes', outcome)).json).toMatchObject({ value_before: 3.6, value_after: 4.2 });
    expect((await call(people.plainMentor, 'POST', '/outcomes', { ...outcome, id: randomUUID() })).status).toBe(403);
  });

  it('a journal reading saved again updates its outcome (mentee, group, metric, subject): no second row', async () => {
    const mentor = (body: unknown, headers?: Record<string, string>) => api.call(people.mentor, 'POST', '/outcomes', body, { headers });
    const key = {
      programme_id: s.id('programme'),
      person_id: s.id('s-0396'), // Иванов Лев, g-84 (Карпова Мария's consent is withdrawn above)
      group_id: s.id(demoGroups.mentors),
      metric_key: 'grade_average',
      subject: 'Физика',
    };
    const rows = () =>
      s.db.asService(
        async (db) =>
          (
            await db.query<{ id: string; subject: string | null; value_before: number | null; value_after: number | null }>(
              `select id, subject, value_before::float8 as value_before, value_after::float8 as value_after from public.outcomes
               where person_id = $1 and metric_key = 'grade_average' order by created_at, id`,
              [key.person_id],
            )
          ).rows,
      );
    const first = { ...key, id: randomUUID(), value_before: 3.5, measured_before_on: '2026-10-01', source: 'Дневник.ру, Физика' };
    const created = await mentor(first);
    expect(created.status).toBe(201);
    // The «before» taken again (another reading, a new client id): the same row, the new value.
    const again = await mentor({ ...first, id: randomUUID(), value_before: 4 });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: first.id, value_before: 4, value_after: null });
    // The «after»: the same row, the «before» kept.
    const after = { ...key, id: randomUUID(), value_after: 4.5, measured_after_on: '2026-12-01' };
    expect((await mentor(after)).json).toMatchObject({ id: first.id, value_before: 4, measured_before_on: '2026-10-01', value_after: 4.5 });
    // Sent again from the offline queue (the answer was lost): nothing changes.
    expect((await mentor(after)).status).toBe(200);
    expect(await rows()).toEqual([{ id: first.id, subject: 'Физика', value_before: 4, value_after: 4.5 }]);
    // Another subject is another outcome.
    const russian = { ...key, id: randomUUID(), subject: 'Русский язык', value_before: 3 };
    expect((await mentor(russian)).status).toBe(201);
    expect((await rows()).map((r) => [r.subject, r.value_before, r.value_after])).toEqual([
      ['Физика', 4, 4.5],
      ['Русский язык', 3, null],
    ]);
    // If-Match: the update only at the version named; a stale one gets 412 with the row as it is now.
    const stale = await mentor({ ...after, id: randomUUID(), value_after: 5 }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect((stale.json as { current?: { value_after: number } }).current?.value_after).toBe(4.5);
    const etag = (await mentor(after)).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+"$/);
    expect((await mentor({ ...after, id: randomUUID(), value_after: 5 }, { 'If-Match': etag })).json).toMatchObject({ value_after: 5 });
    // One id cannot name two outcomes; another group's mentor cannot write onto this one.
    expect((await mentor({ ...key, id: first.id, subject: 'Алгебра', value_before: 2 })).status).toBe(409);
    expect((await call(people.otherMentor, 'POST', '/outcomes', { ...after, id: randomUUID(), value_after: 2 })).status).toBe(403);
    expect((await rows()).map((r) => [r.subject, r.value_before, r.value_after])).toEqual([
      ['Физика', 4, 5],
      ['Русский язык', 3, null],
    ]);
  });

  it('reports the KPI to the curator against the 70% line, and the region roll-up', async () => {
    const kpi = await curator('GET', `/reports/kpi?organisation_id=${s.schoolA}&date=2026-11-15`);
    const school = (
      kpi.json.rows as { dimension: string; students_total: number; students_involved: number; students_share: number }[]
    ).find((r) => r.dimension === 'organisation');
    const students = await s.db.asService(
      async (db) =>
        (
          await db.query<{ n: number }>(`select count(*)::int as n from public.people where organisation_id = $1 and kind = 'student'`, [
            s.schoolA,
          ])
        ).rows[0]?.n,
    );
    expect(school?.students_total).toBe(students);
    // Counted here without the KPI functions: each pupil once, however many running groups they are in.
    const involvedStudents = (from: string, to: string) =>
      s.db.asService(
        async (db) =>
          (
            await db.query<{ n: number }>(
              `select count(distinct p.id)::int as n
               from public.people p
               join public.group_members gm on gm.person_id = p.id
               join public.mentoring_groups g on g.id = gm.group_id
               where p.organisation_id = $1 and p.kind = 'student' and g.status <> 'draft'
                 and g.started_on <= $3::date and (g.ended_on is null or g.ended_on >= $2::date)
                 and gm.joined_on <= $3::date and (gm.left_on is null or gm.left_on > $2::date)`,
              [s.schoolA, from, to],
            )
          ).rows[0]?.n ?? -1,
      );
    const involved = await involvedStudents('2026-11-15', '2026-11-15');
    expect(involved).toBeGreaterThan(0);
    expect(school?.students_involved).toBe(involved);
    expect(school?.students_share).toBeCloseTo(involved / (students ?? 1), 3);
    expect(kpi.json.target_share).toBe(0.7);
    const months = await curator('GET', `/reports/kpi/monthly?organisation_id=${s.schoolA}&from=2026-09-01&to=2026-11-01`);
    const byMonth = months.json.months as { month: string; students_total: number; students_involved: number }[];
    expect(byMonth.map((m) => m.month)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    for (const [month, first, last] of [
      [byMonth[0], '2026-09-01', '2026-09-30'],
      [byMonth[1], '2026-10-01', '2026-10-31'],
      [byMonth[2], '2026-11-01', '2026-11-30'],
    ] as const) {
      expect(month?.students_total).toBe(students);
      expect(month?.students_involved, month?.month).toBe(await involvedStudents(first, last));
    }
    const region = await curator('GET', `/reports/region?region=${encodeURIComponent('Демо-область')}&date=2026-11-15`);
    expect((region.json.rows as { level: string }[]).map((r) => r.level).sort()).toEqual(['municipality', 'organisation', 'region']);
    expect((await call(people.curator, 'GET', `/reports/kpi?organisation_id=${s.schoolA}`, undefined, otherSchool)).json.rows).toEqual([]);
    expect((await curator('GET', '/reports/kpi?organisation_id=nope')).status).toBe(400);
  });

  it('shows the audit log to the curator only', async () => {
    const log = await curator('GET', `/audit?organisation_id=${s.schoolA}&table_name=mentoring_groups&limit=5`);
    expect(log.json.items?.length).toBe(5);
    expect(log.json.next_cursor).toBe('5');
    expect((await call(people.mentor, 'GET', '/audit')).json.items).toEqual([]);
  });

  it('erases a person on request: the curator may, a mentor may not', async () => {
    const target = s.id('s-0490');
    expect((await call(people.mentor, 'POST', `/people/${target}/erase`)).status).toBe(404);
    expect((await curator('POST', `/people/${target}/erase`)).status).toBe(200);
    expect((await curator('GET', `/people/${target}`)).json).toMatchObject({
      last_name: 'Удалено',
      erased: true,
      details: { email: null },
    });
  });

  it('warns the curator about what matters before an inspection', async () => {
    const warnings = await curator('GET', `/programmes/${s.id('programme')}/warnings`);
    const kinds = new Set((warnings.json.items as { kind: string }[]).map((w) => w.kind));
    expect(kinds.has('no_recent_meeting')).toBe(true); // demo pairs started in October and met never
    expect((await call(people.curator, 'GET', `/programmes/${s.id('programme')}/warnings`, undefined, otherSchool)).json.items).toEqual([]);
  });

  it('serves the catalog', async () => {
    const catalog = await call(people.mentee, 'GET', '/catalog');
    expect((catalog.json.stages as unknown[]).length).toBe(7);
    expect((catalog.json.forms as unknown[]).length).toBe(6);
  });
});
