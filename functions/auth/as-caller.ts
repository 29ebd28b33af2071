import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';

/** Thrown inside the caller's transaction to roll it back once the route has answered with an error. */
class RollBack extends Error {}

/** The caller's verified claims, or 401. */
export const verifiedCaller = createMiddleware<AppEnv>(async (c, next) => {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw apiError(401, 'unauthorized', 'error.unauthorized');
  const claims = await c.var.deps.verifier.verify(token).catch(() => {
    throw apiError(401, 'unauthorized', 'error.unauthorized');
  });
  c.set('claims', claims);
  await next();
});

/**
 * Every route behind this runs as the signed-in person: their token is verified, and the route
 * gets `c.var.db`, one transaction as that person (role `authenticated`, their claims), in which
 * row-level security decides what they see and change. An error the route throws (and that
 * `onError` turned into the answer) rolls the transaction back; otherwise it commits.
 */
export const asCaller = createMiddleware<AppEnv>((c, next) =>
  verifiedCaller(c, async () => {
    try {
      await c.var.deps.db.asUser(c.var.claims, async (db) => {
        c.set('db', db);
        await next();
        if (c.error) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
  }),
);
