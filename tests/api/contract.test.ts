// Every route of the API, as every kind of caller, against its declared contract. The test API
// (tests/support/api.ts) holds each answer to the route's schemas — status declared, body parsing
// to exactly itself — so here each route is called: reads as the head, the curator, a mentor who is
// also a homeroom teacher, a mentor with no class, a mentee, a pupil in no group, the other school's
// curator and anon; writes as anon (401) and, where they read a body, with a stray field (400 in the
// error shape). The other API suites hold their successful writes to the same contract. (The demo
// school has no guardian account yet: guardians' reads are covered by the pgTAP access matrix.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuer, testApi } from '../support/api.ts';
import { declaredRoutes } from '../support/contract.ts';
import { groups, otherSchool, people, type TwoSchools, twoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: Awaited<ReturnType<typeof testApi>>;
/** A record of each kind to put in a path, found in the demo school. */
const sample = new Map<string, string>();
beforeAll(async () => {
  s = await twoSchools();
  api = await testApi(s);
  await s.db.asService(async (db) => {
    const first = async (key: string, sql: string) => {
      const { rows } = await db.query<{ id: string }>(sql, [s.schoolA]);
      if (!rows[0]) throw new Error(`the demo school has no ${key}`);
      sample.set(key, rows[0].id);
    };
    await first('consents', 'select id from public.consents where organisation_id = $1 order by id limit 1');
    await first('checklist-items', 'select id from public.programme_checklist_items where organisation_id = $1 order by id limit 1');
    await first('enrolments', 'select id from public.enrolments where organisation_id = $1 order by id limit 1');
  });
  // The demo school has no meetings yet: its mentor logs one.
  const meeting = { id: randomUUID(), group_id: s.id(groups.mentors), kind: 'introduction', held_on: '2026-11-20', duration_minutes: 40 };
  expect((await api.call(people.mentor, 'POST', '/meetings', meeting)).status).toBe(201);
  sample.set('meetings', meeting.id);
  sample.set('organisations', s.schoolA);
  // A Classroom sync run of school A (routes …/classroom-sync/runs/{run_id}).
  const run = await s.db.asService((db) =>
    db.query<{ id: string }>(
      `insert into public.classroom_sync_runs (organisation_id, source, dry_run) values ($1, 'cli', true) returning id`,
      [s.schoolA],
    ),
  );
  sample.set('run_id', run.rows[0]?.id as string);
  sample.set('classes', s.id('class/10А'));
  sample.set('people', s.id(people.mentee));
  sample.set('programmes', s.id('programme'));
  sample.set('groups', s.id(groups.mentors));
  // No goal, task or outcome exists yet: an unknown id is a fine path for them (404 in contract).
  for (const key of ['goals', 'tasks', 'outcomes', 'training-sessions', 'planned-meetings'])
    sample.set(key, '00000000-0000-4000-8000-000000000000');
});
afterAll(async () => {
  await s?.dispose();
});

/** Routes anyone may call: the health check and local mode's sign-in. */
const isPublic = (template: string) => template === '/health' || template.startsWith('/auth/v1/');

/** Path parameters that are not ids: a document's name, a base. */
const fixedParams: Record<string, string> = { document: 'roadmap', base: 'mentee' };

/** The route's URL with its parameters filled from the demo school (on the server's own origin, as local sign-in wants). */
function pathOf(template: string): string {
  const resource = template.split('/')[1] ?? '';
  return (
    new URL(issuer).origin +
    template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const value = name === 'organisation_id' ? s.schoolA : (fixedParams[name] ?? sample.get(name) ?? sample.get(resource));
      if (!value) throw new Error(`no sample for ${name} in ${template}`);
      return value;
    })
  );
}

/** What a read needs in its query to be well-formed. */
const queries: Record<string, () => string> = {
  '/plans': () => `group_id=${s.id(groups.mentors)}`,
  '/training-sessions': () => `programme_id=${s.id('programme')}`,
  '/programmes/{id}/matching/choices': () => 'form=student_student&role_model=peer_to_peer',
  '/reports/kpi': () => `organisation_id=${s.schoolA}&date=2026-11-15`,
  '/reports/kpi/monthly': () => `organisation_id=${s.schoolA}&from=2026-09-01&to=2026-11-01`,
  '/reports/region': () => `region=${encodeURIComponent('Демо-область')}`,
  '/reports/export': () => `table=kpi&format=csv&organisation_id=${s.schoolA}`,
  '/programmes/{id}/documents/thank-you': () => `person_id=${s.id(people.mentor)}`,
};

const readers: { who: string; school?: string }[] = [
  { who: people.head },
  { who: people.curator },
  { who: people.mentor },
  { who: people.plainMentor },
  { who: people.mentee },
  { who: people.bystander },
  { who: people.curator, school: otherSchool },
];

describe('every route answers what it declares', () => {
  it('reads, as every kind of caller and as anon', async () => {
    const routes = declaredRoutes(api.app).filter((route) => route.method === 'GET');
    expect(routes.length).toBeGreaterThan(20);
    const answered = new Map<string, number[]>();
    for (const route of routes) {
      const query = queries[route.path]?.();
      const url = `${pathOf(route.path)}${query ? `?${query}` : ''}`;
      const statuses: number[] = [];
      for (const { who, school } of readers) {
        const answer = await api.call(who, 'GET', url, undefined, school ? { school } : {});
        statuses.push(answer.status);
      }
      if (!isPublic(route.path)) {
        const anon = await api.app.request(url);
        expect(anon.status, `GET ${route.path} as anon`).toBe(401);
      }
      answered.set(route.path, statuses);
    }
    // A read refused as malformed would mean this test built it wrong, not that the API is right.
    for (const [path, statuses] of answered) {
      expect(
        statuses.every((status) => [200, 403, 404].includes(status)),
        `GET ${path}: ${statuses}`,
      ).toBe(true);
    }
    // Every read answers someone in full (the goal, task and outcome samples do not exist: they are the writes' business).
    const withoutSample = ['/goals/{id}', '/tasks/{id}', '/outcomes/{id}'];
    for (const [path, statuses] of answered) {
      if (!withoutSample.includes(path)) expect(statuses, `GET ${path}`).toContain(200);
    }
  });

  it('writes: anon is refused (401) and an empty body is refused field by field (400), each in the error shape', async () => {
    const routes = declaredRoutes(api.app).filter((route) => route.method !== 'GET');
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      const path = pathOf(route.path);
      const anon = await api.app.request(path, { method: route.method, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(anon.status, `${route.method} ${route.path} as anon`).toBe(isPublic(route.path) ? 400 : 401);
      // (A route without a body — erase, publish… — is not sent one: it would do its work.)
      if (!route.hasBody) continue;
      // The Classroom jobs answer nobody without their secret (401), whatever the body.
      if (route.path.startsWith('/classroom/')) continue;
      const empty = await api.call(people.curator, route.method, path, { unexpected: true });
      expect(empty.status, `${route.method} ${route.path} with a stray field`).toBe(400);
      expect(empty.json).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('the demo sign-in and the document stay outside the declared routes but answer', async () => {
    expect((await api.app.request(`${issuer}/dev/users`)).status).toBe(200);
    expect((await api.app.request('/openapi.json')).status).toBe(200);
  });
});
