import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app.ts';
import { apiError } from '../errors.ts';

/** Every route behind this runs as the signed-in person whose verified claims it sets. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw apiError(401, 'unauthorized', 'error.unauthorized');
  try {
    c.set('claims', await c.get('deps').verifier.verify(token));
  } catch {
    throw apiError(401, 'unauthorized', 'error.unauthorized');
  }
  await next();
});
