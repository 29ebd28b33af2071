// A stand-in for Supabase Auth's admin API (GoTrue), which this machine cannot reach: the same
// paths, headers and JSON as `DELETE /auth/v1/admin/users/{id}` answers on a Supabase project.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSupabaseAuth {
  url: string;
  /** Users the fake knows; deleted ones are removed. */
  users: Set<string>;
  /** Every request as `METHOD path`. */
  requests: string[];
  /** Answers the next requests with this status (e.g. 503) instead. */
  failWith: number | null;
  close(): Promise<void>;
}

export async function fakeSupabaseAuth(serviceRoleKey: string, users: Iterable<string> = []): Promise<FakeSupabaseAuth> {
  const fake: FakeSupabaseAuth = { url: '', users: new Set(users), requests: [], failWith: null, close: async () => undefined };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    fake.requests.push(`${request.method} ${path}`);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (fake.failWith) return answer(fake.failWith, { code: fake.failWith, error_code: 'unexpected_failure', msg: 'Service unavailable' });
    if (request.headers.apikey !== serviceRoleKey) return answer(401, { message: 'Invalid API key' });
    if (request.headers.authorization !== `Bearer ${serviceRoleKey}`) {
      return answer(403, { code: 403, error_code: 'not_admin', msg: 'User not allowed' });
    }
    const match = /^\/auth\/v1\/admin\/users\/([0-9a-f-]{36})$/.exec(path);
    if (!match || request.method !== 'DELETE') return answer(404, { code: 404, error_code: 'not_found', msg: 'Not found' });
    const id = match[1] ?? '';
    if (!fake.users.delete(id)) return answer(404, { code: 404, error_code: 'user_not_found', msg: 'User not found' });
    return answer(200, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
