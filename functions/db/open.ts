import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** The real Postgres at `databaseUrl`, or PGlite persisted in `dataDir` (in memory with null). */
export async function openDatabase(databaseUrl: string | null, dataDir: string | null): Promise<Database> {
  if (databaseUrl) return openPostgres(databaseUrl);
  if (!dataDir) return openPglite();
  await mkdir(dataDir, { recursive: true });
  return openPglite(join(dataDir, 'pgdata'));
}
