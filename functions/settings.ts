// Settings, read once at start-up from the environment.
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };

export const version: string = packageJson.version;

export interface Settings {
  port: number;
  /** PGlite's folder and the local signing key; git-ignored. */
  dataDir: string;
  /** A real Postgres instead of PGlite. */
  databaseUrl: string | null;
  /** A Supabase project: tokens are verified against its JWKS and no dev sign-in exists. */
  supabaseUrl: string | null;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number.parseInt(env.PORT ?? '8787', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    dataDir: env.NASTAVNIK_DATA_DIR ?? fileURLToPath(new URL('../.nastavnik', import.meta.url)),
    databaseUrl: env.DATABASE_URL || null,
    supabaseUrl: env.SUPABASE_URL || null,
  };
}
