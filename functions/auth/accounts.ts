// Sign-in accounts beside the school's records. Erasing a person (152-ФЗ) removes their account
// too, or their e-mail would stay in `auth.users`: through Supabase Auth's admin API on a Supabase
// project, and in local mode from the stand-in table.
import type { Database } from '../db/database.ts';

export interface Accounts {
  /** Removes the sign-in account `authUserId`; one already gone counts as removed. Throws when it cannot. */
  remove(authUserId: string): Promise<void>;
}

/** Local mode: `auth.users` is our own stand-in table (supabase/stand-ins/supabase.sql). */
export function standInAccounts(db: Database): Accounts {
  return {
    async remove(authUserId) {
      await db.asService((tx) => tx.query('delete from auth.users where id = $1', [authUserId]));
    },
  };
}

/**
 * A Supabase project: `DELETE /auth/v1/admin/users/{id}` with the service role key (never sent to
 * a browser; the function reads it from SUPABASE_SERVICE_ROLE_KEY). 404 means already removed.
 */
export function supabaseAccounts(options: { supabaseUrl: string; serviceRoleKey: string; fetch?: typeof fetch }): Accounts {
  const base = options.supabaseUrl.replace(/\/$/, '');
  const send = options.fetch ?? fetch;
  return {
    async remove(authUserId) {
      const response = await send(`${base}/auth/v1/admin/users/${encodeURIComponent(authUserId)}`, {
        method: 'DELETE',
        headers: { apikey: options.serviceRoleKey, authorization: `Bearer ${options.serviceRoleKey}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok || response.status === 404) return;
      throw new Error(`Supabase Auth refused to delete user ${authUserId}: ${response.status} ${await response.text()}`);
    },
  };
}

/** Without the service role key a Supabase-mode API cannot remove accounts, so it refuses to erase. */
export const noAccounts: Accounts = {
  async remove() {
    throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set: sign-in accounts cannot be removed');
  },
};
