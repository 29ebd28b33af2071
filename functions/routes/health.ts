import { Hono } from 'hono';
import { type Health, health as healthSchema } from '../../shared/schemas.ts';
import type { AppEnv } from '../app.ts';
import { appliedMigrationCount } from '../db/migrate.ts';
import { doc } from '../validate.ts';

export const health = new Hono<AppEnv>().get(
  '/',
  doc({ summary: 'Is the API up, and its database', tags: ['public'], responses: { 200: healthSchema, 503: healthSchema } }),
  async (c) => {
    const { db, verifier, version } = c.get('deps');
    let migrations = 0;
    let ok = true;
    try {
      migrations = await appliedMigrationCount(db);
    } catch {
      ok = false;
    }
    const body: Health = { version, database: { kind: db.kind, ok, migrations }, auth: verifier.mode };
    return c.json(body, ok ? 200 : 503);
  },
);
