import { afterAll, beforeAll } from 'vitest';
import { type App, type AppDeps, createApp } from '../../functions/app.ts';
import { standInAccounts } from '../../functions/auth/accounts.ts';
import { openLocalSigner } from '../../functions/auth/local-keys.ts';
import { createVerifier } from '../../functions/auth/verifier.ts';
import { devAuth } from '../../functions/routes/dev-auth.ts';
import { checkAnswer, declaredRoutes } from './contract.ts';
import { type TwoSchools, twoSchools } from './school.ts';

export const issuer = 'http://127.0.0.1:8787/auth/v1';

/**
 * Every answer of `app` held to its route's declared contract (tests/support/contract.ts): a test
 * that gets an undeclared status, field or shape fails there, whatever it asserts itself.
 */
function holdToContract(app: App): App {
  const routes = declaredRoutes(app);
  const request = app.request.bind(app);
  const checked = async (...args: Parameters<App['request']>) => {
    const response = await request(...args);
    const [input, init] = args;
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const text = await response.clone().text();
    const isJson = response.headers.get('content-type')?.includes('json');
    const { problem } = checkAnswer(routes, method, url, response.status, text && isJson ? JSON.parse(text) : null);
    if (problem) throw new Error(`contract: ${problem}`);
    return response;
  };
  return new Proxy(app, { get: (target, key, receiver) => (key === 'request' ? checked : Reflect.get(target, key, receiver)) });
}

/** The API over a test database, in local mode with a key that lives only in memory. */
export async function testApi(s: TwoSchools, extra: Partial<AppDeps> = {}) {
  const signer = await openLocalSigner(null, issuer);
  const app = holdToContract(
    createApp({
      db: s.db,
      verifier: createVerifier({ mode: 'local', jwks: signer.jwks, issuer }),
      accounts: standInAccounts(s.db),
      version: 'test',
      devAuth: devAuth(signer),
      ...extra,
    }),
  );
  /** Headers of a request as the demo person `personKey` (of school B with `school`). */
  const as = async (personKey: string, school?: string) => {
    const claims = s.claims(personKey, school);
    const { token } = await signer.sign({ sub: claims.sub, email: `${personKey}@test` });
    return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  };
  /** A request as `who`, answered as its status, JSON body and headers. */
  const call = async (
    who: string,
    method: string,
    path: string,
    body?: unknown,
    options: { school?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const response = await app.request(path, {
      method,
      headers: { ...(await as(who, options.school)), ...options.headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // A file (a DOCX document) is no JSON: its bytes are the business of the test that asks for them.
    const isJson = response.headers.get('content-type')?.includes('json') ?? true;
    return { status: response.status, json: text && isJson ? (JSON.parse(text) as Json) : {}, headers: response.headers };
  };
  return { app, signer, as, call };
}

export type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };
export interface Answer {
  status: number;
  json: Json;
  headers: Headers;
}

export type TestApi = Awaited<ReturnType<typeof testApi>>;

/**
 * The two schools and the API over them for a whole test file: made before its first test, dropped
 * after its last. `ready` gets them once made: `withTwoSchoolsApi((made) => ({ s, api } = made));`.
 */
export function withTwoSchoolsApi(ready: (made: { s: TwoSchools; api: TestApi }) => void): void {
  let schools: TwoSchools | undefined;
  beforeAll(async () => {
    schools = await twoSchools();
    ready({ s: schools, api: await testApi(schools) });
  });
  afterAll(async () => {
    await schools?.dispose();
  });
}
