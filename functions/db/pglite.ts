import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { type Claims, type Database, dateTypeOids, enterRole, type Queryable } from './database.ts';

const asText = (value: string) => value;

/** A PGlite instance in `dataDir` (a folder, persisted), or in memory without one. */
export function createPglite(dataDir?: string, extensions?: PGliteOptions['extensions']): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(extensions ? { extensions } : {}),
    // Dates travel as ISO strings, exactly as the database holds them.
    parsers: {
      [dateTypeOids.date]: asText,
      [dateTypeOids.timestamp]: asText,
      [dateTypeOids.timestamptz]: asText,
    },
  });
}

/** The Database interface over a PGlite instance: one transaction at a time, as PGlite runs them. */
export function pgliteDatabase(pg: PGlite): Database {
  const run = <T>(claims: Claims | null | 'service', work: (db: Queryable) => Promise<T>) =>
    pg.transaction(async (tx) => {
      const db: Queryable = {
        query: async (text, params) => {
          const result = await tx.query(text, params);
          return { rows: result.rows as never[] };
        },
        exec: async (script) => {
          await tx.exec(script);
        },
      };
      if (claims !== 'service') await enterRole(db, claims);
      return work(db);
    });
  return {
    kind: 'pglite',
    asUser: (claims, work) => run(claims, work),
    asService: (work) => run('service', work),
    close: () => pg.close(),
  };
}

/** PGlite in `dataDir` (a folder, persisted), or in memory without one. */
export async function openPglite(dataDir?: string): Promise<Database> {
  return pgliteDatabase(await createPglite(dataDir));
}
