// The baseline of `npm run bench:api`: the least an API can do for POST /meetings under row-level
// security — verify the token (the same verifier as the app), then ONE round trip to Postgres that
// opens the transaction as the caller, inserts the meeting (idempotent on its id) and commits. No
// validation beyond the types, no error shape, no read-back: what the app costs above this is the
// price of its contract.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import type { Verifier } from '../../functions/auth/verifier.ts';
import { inlineParams } from '../../functions/db/postgres.ts';

export async function startBaseline(
  databaseUrl: string,
  verifier: Verifier,
  poolSize = 10,
): Promise<{ url: string; close(): Promise<void> }> {
  // Named, so that the bench's count of the API's own connections leaves these out.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'nastavnik-bench-baseline' });
  const app = new Hono().post('/meetings', async (c) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const claims = token ? await verifier.verify(token).catch(() => null) : null;
    if (!claims) return c.json({ error: 'unauthorized' }, 401);
    const m = (await c.req.json()) as Record<string, string | number>;
    const insert = inlineParams(
      `insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, topic, author_person_id)
       select $1, g.organisation_id, g.id, $3, $4, $5, $6,
         (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = g.organisation_id limit 1)
       from public.mentoring_groups g where g.id = $2
       on conflict (id) do nothing returning id`,
      [m.id, m.group_id, m.kind, m.held_on, m.duration_minutes, m.topic],
    );
    const prelude = `begin; select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${pg.escapeLiteral(JSON.stringify(claims))}, true)`;
    try {
      const results = (await pool.query(`${prelude}; ${insert}; commit`)) as unknown as pg.QueryResult[];
      return c.json({ id: m.id }, (results[2]?.rowCount ?? 0) > 0 ? 201 : 200);
    } catch (error) {
      return c.json({ error: (error as Error).message }, 500);
    }
  });
  const server: Server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
