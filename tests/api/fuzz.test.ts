// Thousands of malformed requests to every route of the OpenAPI document, as every kind of
// caller: none may cause a 5xx, every refusal has the one error shape, and the database is
// byte-for-byte the same afterwards. Seeded, so a failure can be replayed (FUZZ_SEED=…).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isApiErrorBody } from '../../shared/errors.ts';
import { type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { people, type TwoSchools } from '../support/school.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261127);
const rounds = Number(process.env.FUZZ_ROUNDS ?? 40);

/** mulberry32: small, fast, reproducible. */
function prng(start: number) {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const nasty = [
  '',
  ' ',
  'null',
  "'; drop table public.people; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'ё'.repeat(5000),
  'x'.repeat(70_000),
  '2026-02-30',
  '99999999-9999-9999-9999-999999999999',
  '\u0000',
  '💥',
  '1e309',
  '-1',
  'NaN',
];
function junk(depth = 0): unknown {
  switch (Math.floor(random() * 9)) {
    case 0:
      return null;
    case 1:
      return pick(nasty);
    case 2:
      return Math.floor(random() * 2 ** 40) * (random() < 0.5 ? -1 : 1);
    case 3:
      return random() < 0.5;
    case 4:
      return depth > 2 ? [] : Array.from({ length: Math.floor(random() * 4) }, () => junk(depth + 1));
    case 5:
      return depth > 2
        ? {}
        : Object.fromEntries(
            Array.from({ length: Math.floor(random() * 4) }, () => [
              pick(['id', 'name', 'group_id', '__proto__', 'constructor', 'a']),
              junk(depth + 1),
            ]),
          );
    case 6:
      return randomUUID();
    case 7:
      return 0.1 + random();
    default:
      return pick(['student', 'mentor', 'introduction', 'optimal', 'trained', '7А']);
  }
}

/** A body no strict schema can accept: not an object, or an object with a key no schema has. */
function malformedBody(properties: string[]): string {
  switch (Math.floor(random() * 5)) {
    case 0:
      return pick(['{', '{"a":', 'nul', '[1,2', '"unterminated', '\u0000{}']);
    case 1:
      return JSON.stringify(pick([null, [], 'text', 42, true]));
    default: {
      const body: Record<string, unknown> = { __fuzz: junk() };
      for (const property of properties) if (random() < 0.7) body[property] = junk();
      return JSON.stringify(body);
    }
  }
}

function malformedSegment(): string {
  return encodeURIComponent(pick(['not-a-uuid', '1', "' or 1=1 --", '..', 'ffffffff-ffff-ffff-ffff-fffffffffffg', 'ё', 'x'.repeat(300)]));
}

function malformedQuery(parameters: string[]): string {
  const query = new URLSearchParams();
  query.set(pick(['__fuzz', 'limit', 'cursor', ...parameters]), String(junk()));
  if (random() < 0.5) query.set(pick([...parameters, 'limit']), pick(['-1', '0', '201', 'abc', 'ё', '1e9', '']));
  if (random() < 0.3) query.set('__fuzz', 'x');
  return query.toString();
}

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

async function fingerprint(): Promise<string> {
  return s.db.asService(async (db) => {
    const tables = await db.query<{ name: string }>(
      `select c.relname as name from pg_class c where c.relnamespace in ('public'::regnamespace, 'auth'::regnamespace) and c.relkind = 'r' order by 1`,
    );
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const schema = name === 'users' ? 'auth' : 'public';
      const { rows } = await db.query<{ n: number; digest: string | null }>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${schema}.${name} t`,
      );
      parts.push(`${name}:${rows[0]?.n}:${rows[0]?.digest}`);
    }
    return parts.join('\n');
  });
}

describe('fuzzing every route', () => {
  it(`answers thousands of malformed requests without a 5xx and without changing anything (seed ${seed})`, async () => {
    const document = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
          }
        >
      >;
    };
    const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    const callers: (() => Promise<Record<string, string>>)[] = [
      () => api.as(people.curator),
      () => api.as(people.mentor),
      () => api.as(people.mentee),
      () => api.as(people.curator, 'other-school'),
      async () => ({ 'content-type': 'application/json' }),
      async () => ({ authorization: 'Bearer x.y.z', 'content-type': 'application/json' }),
    ];
    const before = await fingerprint();
    const failures: string[] = [];
    let sent = 0;
    for (let round = 0; round < rounds; round += 1) {
      for (const { path, method, op } of operations) {
        const headers = await pick(callers)();
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const bodyProperties = Object.keys(op.requestBody?.content['application/json'].schema.properties ?? {});
        // Break something this operation reads: a path segment, the query, or the body.
        const broken = pick([pathParams.length ? 'path' : 'query', op.requestBody ? 'body' : 'query', 'query']);
        let url = path.replace(/\{(\w+)\}/g, () => (broken === 'path' ? malformedSegment() : randomUUID()));
        if (broken === 'query' || random() < 0.3) url += `?${malformedQuery(queryParams)}`;
        const init: RequestInit = { method, headers: { ...headers, ...(random() < 0.1 ? { 'content-type': 'text/plain' } : {}) } };
        if (method !== 'GET' && method !== 'HEAD')
          init.body = broken === 'body' || random() < 0.5 ? malformedBody(bodyProperties) : JSON.stringify({ __fuzz: true });
        const response = await api.app.request(url, init);
        sent += 1;
        const text = await response.text();
        if (response.status >= 500) failures.push(`${method} ${url} → ${response.status} ${text.slice(0, 200)}`);
        else if (response.status >= 400 && !isApiErrorBody(JSON.parse(text || '{}')))
          failures.push(`${method} ${url} → ${response.status} without the error shape`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(await fingerprint()).toBe(before);
  }, 600_000);
});
