// The app's environment: what every request carries. Its own module (as Hono's examples keep
// `bindings.ts`), so routes and middleware import it without importing the app.
import type { Hono } from 'hono';
import type { Accounts } from './auth/accounts.ts';
import type { Verifier } from './auth/verifier.ts';
import type { Claims, Database, Queryable } from './db/database.ts';
import type { ClassroomSettings } from './services/classroom/jobs.ts';

export interface AppDeps {
  db: Database;
  verifier: Verifier;
  /** Sign-in accounts, removed when a person is erased. */
  accounts: Accounts;
  version: string;
  /**
   * Local mode only: the demo sign-in (routes/dev-auth.ts), mounted at /auth/v1. The local server
   * and the tests pass it in, so the deployed function's bundle never contains it.
   */
  devAuth?: Hono<AppEnv>;
  /** Google Classroom: another root URL (GOOGLE_API_ROOT_URL), and the service account's jobs when configured. */
  classroom?: ClassroomSettings;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The verified caller (routes behind `asCaller`). */
    claims: Claims;
    /** The caller's transaction: role `authenticated` with their claims, so RLS decides (routes behind `asCaller`). */
    db: Queryable;
  };
}
