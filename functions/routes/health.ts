import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { type Health, health as healthSchema } from '../../shared/api/health.ts';
import { appliedMigrationCount } from '../db/migrate.ts';
import type { AppEnv } from '../env.ts';
import { json, refusals } from '../openapi.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Is the API up, and its database',
  tags: ['public'],
  responses: { 200: json(healthSchema), 503: json(healthSchema, 'The database does not answer'), 500: refusals[500] },
});

export const health = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { db, verifier, version } = c.var.deps;
  let migrations = 0;
  let ok = true;
  try {
    migrations = await appliedMigrationCount(db);
  } catch {
    ok = false;
  }
  const body: Health = { version, database: { kind: db.kind, ok, migrations }, auth: verifier.mode };
  return ok ? c.json(body, 200) : c.json(body, 503);
});
