// The Google Cloud Functions entry: `functions-framework --target=api` (and
// `gcloud functions deploy … --entry-point=api`) calls the exported `api`; the framework finds it
// by name, so this module does not import the framework (and a cold start does not pay for it). The same Hono app as the local server, on a
// Supabase project's Postgres, verifying Supabase Auth tokens against the project's JWKS.
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.ts';
import { noAccounts, supabaseAccounts } from './auth/accounts.ts';
import { createVerifier } from './auth/verifier.ts';
import { openPostgres } from './db/postgres.ts';
import { classroomSettingsFromEnv } from './services/classroom/jobs.ts';
import { version } from './settings.ts';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the function needs it (see README, "Deployment")`);
  return value;
}

// Built on the first request, not at import: the cold start pays only for what it uses.
let listener: ReturnType<typeof getRequestListener> | undefined;

function handler(): ReturnType<typeof getRequestListener> {
  if (!listener) {
    // Supabase's transaction pooler (port 6543) with a small pool: one instance, one request at a time.
    const db = openPostgres(requireEnv('DATABASE_URL'), { max: Number(process.env.DATABASE_POOL_MAX ?? 3) });
    const supabaseUrl = requireEnv('SUPABASE_URL');
    const verifier = createVerifier({ mode: 'supabase', supabaseUrl });
    const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
    const accounts = serviceRoleKey ? supabaseAccounts({ supabaseUrl, serviceRoleKey }) : noAccounts;
    listener = getRequestListener(createApp({ db, verifier, accounts, version, classroom: classroomSettingsFromEnv(process.env) }).fetch);
  }
  return listener;
}

export const api = (req: Parameters<ReturnType<typeof getRequestListener>>[0], res: Parameters<ReturnType<typeof getRequestListener>>[1]) =>
  handler()(req, res);
