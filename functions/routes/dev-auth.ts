import { Hono } from 'hono';
import { z } from 'zod';
import { devTokenRequest, devUser, type Session, session } from '../../shared/schemas.ts';
import type { AppEnv } from '../app.ts';
import type { LocalSigner } from '../auth/local-keys.ts';
import { apiError } from '../errors.ts';
import { findDevUser, listDevUsers } from '../services/dev-users.ts';
import { doc, valid } from '../validate.ts';

/**
 * Local mode's sign-in: pick a demo person, get a token shaped as Supabase Auth's. Mounted only
 * when the API signs its own tokens; with a Supabase project these routes do not exist.
 */
export function devAuth(signer: LocalSigner) {
  return new Hono<AppEnv>()
    .get(
      '/.well-known/jwks.json',
      doc({
        summary: 'Local mode: the public keys tokens are signed with',
        tags: ['public'],
        responses: { 200: z.object({ keys: z.array(z.unknown()) }) },
      }),
      (c) => c.json(signer.jwks),
    )
    .get(
      '/dev/users',
      doc({ summary: 'Local mode: demo people one can sign in as', tags: ['public'], responses: { 200: z.array(devUser) } }),
      async (c) => c.json(await c.get('deps').db.asService(listDevUsers)),
    )
    .post(
      '/dev/token',
      doc({ summary: 'Local mode: a token for a demo person', tags: ['public'], responses: { 200: session } }),
      valid('json', devTokenRequest),
      async (c) => {
        const { email } = c.req.valid('json');
        const user = await c.get('deps').db.asService((db) => findDevUser(db, email));
        if (!user) throw apiError(404, 'not_found', 'error.notFound');
        const { token, expiresAt } = await signer.sign(user);
        const body: Session = { access_token: token, expires_at: expiresAt, email: user.email, name: user.name };
        return c.json(body);
      },
    );
}
