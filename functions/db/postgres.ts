import pg from 'pg';
import { type Claims, type Database, dateTypeOids, enterRole, type Queryable } from './database.ts';

const asText = (value: string) => value;

/**
 * A pool on a real Postgres. `max` stays small: a Cloud Function instance serves one request at a
 * time, and Supabase's transaction pooler (port 6543) multiplexes the rest. node-postgres sends
 * unnamed statements, which the transaction pooler accepts.
 */
export function openPostgres(connectionString: string, { max = 10 } = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === dateTypeOids.date || oid === dateTypeOids.timestamp || oid === dateTypeOids.timestamptz
          ? asText
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (restart, failover, a dropped test database) must not
  // crash the process: the pool replaces it on the next checkout.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.warn('[db] idle connection lost:', error.message);
  });
  const run = async <T>(claims: Claims | null | 'service', work: (db: Queryable) => Promise<T>) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const db: Queryable = {
        query: async (text, params) => {
          const result = await client.query(text, params);
          return { rows: result.rows };
        },
        exec: async (script) => {
          await client.query(script);
        },
      };
      if (claims !== 'service') await enterRole(db, claims);
      const result = await work(db);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    asUser: (claims, work) => run(claims, work),
    asService: (work) => run('service', work),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
