import pg from 'pg';
import { type Claims, type Database, dateTypeOids, type Queryable } from './database.ts';

const asText = (value: string) => value;
/** A parameter as the text node-postgres would send for it (null stays null). */
function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const element = (item: unknown) => {
      const text = parameterText(item);
      return text === null ? 'NULL' : Array.isArray(item) ? text : `"${text.replace(/(["\\])/g, '\\$1')}"`;
    };
    return `{${value.map(element).join(',')}}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value as an SQL literal: the parameter node-postgres would send, quoted. */
function literal(value: unknown): string {
  const text = parameterText(value);
  if (text === null) return 'null';
  // Postgres text cannot hold NUL: as a parameter the server refuses it (22021); inlined, it would
  // cut the protocol message short («invalid message format»). Refused the way the server does.
  if (text.includes('\u0000')) {
    throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
  }
  return pg.escapeLiteral(text);
}

/** `text` with `$n` replaced by the literals of `params` (our statements use `$n` only as parameters). */
export function inlineParams(text: string, params: readonly unknown[] = []): string {
  if (params.length === 0) return text;
  return text.replace(/\$(\d+)/g, (placeholder, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`${placeholder} has no parameter`);
    return literal(params[index]);
  });
}

/** The statements that open a transaction in the caller's shoes, or as the service. */
function prelude(claims: Claims | null | 'service'): string {
  if (claims === 'service') return 'begin';
  const role = claims ? 'authenticated' : 'anon';
  return `begin; select set_config('role', '${role}', true), set_config('request.jwt.claims', ${literal(JSON.stringify(claims ?? { role: 'anon' }))}, true)`;
}

/**
 * A pool on a real Postgres. A Cloud Function instance serves one request at a time, and Supabase's
 * transaction pooler (port 6543) multiplexes the rest; the local server sizes it to the work.
 * node-postgres sends unnamed statements, which the transaction pooler accepts.
 *
 * Round trips: the transaction's first statement travels with `begin` and the caller's role and
 * claims in one multi-statement (its parameters inlined as literals, quoted as node-postgres would
 * send them); later statements go with parameters, and `commit` ends it. A create or a read in one
 * statement is thus two round trips, not five.
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
    let begun = false;
    /** The first statement carries the prelude; its own result is the last of the multi-statement's. */
    const send = async (text: string, params?: unknown[]): Promise<pg.QueryResult> => {
      if (begun) return client.query(text, params);
      begun = true;
      const results = (await client.query(`${prelude(claims)}; ${inlineParams(text, params)}`)) as unknown as pg.QueryResult[];
      return results.at(-1) as pg.QueryResult;
    };
    try {
      const db: Queryable = {
        query: async (text, params) => ({ rows: (await send(text, params)).rows }),
        exec: async (script) => {
          await send(script);
        },
      };
      const result = await work(db);
      if (begun) await client.query('commit');
      return result;
    } catch (error) {
      if (begun) await client.query('rollback').catch(() => undefined);
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
