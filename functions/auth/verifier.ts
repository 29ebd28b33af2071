import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import type { Claims } from '../db/database.ts';

export interface Verifier {
  readonly mode: 'local' | 'supabase';
  /** The claims of a valid token; throws for anything else (bad signature, expired, wrong audience). */
  verify(token: string): Promise<Claims>;
}

type VerifierOptions =
  | { mode: 'local'; jwks: JSONWebKeySet; issuer: string }
  | { mode: 'supabase'; supabaseUrl: string; cooldownMs?: number };

/**
 * Verifies access tokens the way Supabase Auth issues them: asymmetric keys published as a JWKS,
 * audience `authenticated`. In Supabase mode the key set is fetched from the project, cached, and
 * fetched again when a token names a key it does not know (key rotation). `jose` is loaded with
 * the first token, not at import: a function's cold start answering /health never pays for it.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const issuer = options.mode === 'local' ? options.issuer : `${options.supabaseUrl.replace(/\/$/, '')}/auth/v1`;
  let ready: Promise<{ keys: JWTVerifyGetKey; jwtVerify: typeof import('jose').jwtVerify }> | undefined;
  const load = () =>
    (ready ??= import('jose').then((jose) => ({
      jwtVerify: jose.jwtVerify,
      keys:
        options.mode === 'local'
          ? jose.createLocalJWKSet(options.jwks)
          : // Cached for ten minutes; a token with an unknown key id fetches them again, at most every `cooldownMs`.
            jose.createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), {
              cacheMaxAge: 10 * 60_000,
              cooldownDuration: options.cooldownMs ?? 30_000,
            }),
    })));
  return {
    mode: options.mode,
    async verify(token) {
      const { keys, jwtVerify } = await load();
      const { payload } = await jwtVerify(token, keys, { audience: 'authenticated', issuer });
      if (typeof payload.sub !== 'string' || payload.role !== 'authenticated' || typeof payload.exp !== 'number') {
        throw new Error('token is not a signed-in user');
      }
      return payload as Claims;
    },
  };
}
