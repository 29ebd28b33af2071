import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSupabaseAuth, fakeSupabaseAuth } from '../../tests/support/fake-supabase-auth.ts';
import { noAccounts, supabaseAccounts } from './accounts.ts';

const key = 'service-role-key-for-tests';
const user = randomUUID();
let fake: FakeSupabaseAuth;
beforeAll(async () => {
  fake = await fakeSupabaseAuth(key, [user]);
});
afterAll(async () => {
  await fake?.close();
});

describe('sign-in accounts on a Supabase project', () => {
  it('deletes the user through the admin API with the service role key', async () => {
    await supabaseAccounts({ supabaseUrl: `${fake.url}/`, serviceRoleKey: key }).remove(user);
    expect(fake.requests.at(-1)).toBe(`DELETE /auth/v1/admin/users/${user}`);
    expect(fake.users.has(user)).toBe(false);
  });

  it('counts a user already gone as removed (a retried erasure)', async () => {
    await expect(supabaseAccounts({ supabaseUrl: fake.url, serviceRoleKey: key }).remove(user)).resolves.toBeUndefined();
  });

  it('throws when Supabase Auth refuses or fails, so the erasure does not go ahead', async () => {
    await expect(supabaseAccounts({ supabaseUrl: fake.url, serviceRoleKey: 'wrong' }).remove(randomUUID())).rejects.toThrow(/401/);
    fake.failWith = 503;
    await expect(supabaseAccounts({ supabaseUrl: fake.url, serviceRoleKey: key }).remove(randomUUID())).rejects.toThrow(/503/);
    fake.failWith = null;
  });

  it('without the key, refuses rather than leave the account behind', async () => {
    await expect(noAccounts.remove(user)).rejects.toThrow(/SUPABASE_SERVICE_ROLE_KEY/);
  });
});
