import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Claims } from '../db/database.ts';

export interface Verifier {
  readonly mode: 'local' | 'supabase';
  /** The claims of a valid token; throws for anything else (bad signature, expired, wrong audience). */
  verify(token: string): Promise<Claims>;
}

/**
 * Verifies access tokens the way Supabase Auth issues them: asymmetric keys published as a JWKS,
 * audience `authenticated`. In Supabase mode the key set is fetched from the project, cached, and
 * fetched again when a token names a key it does not know (key rotation).
 */
export function createVerifier(
  options: { mode: 'local'; jwks: JSONWebKeySet; issuer: string } | { mode: 'supabase'; supabaseUrl: string; cooldownMs?: number },
): Verifier {
  let keys: JWTVerifyGetKey;
  let issuer: string;
  if (options.mode === 'local') {
    keys = createLocalJWKSet(options.jwks);
    issuer = options.issuer;
  } else {
    const base = options.supabaseUrl.replace(/\/$/, '');
    // Keys are cached for ten minutes; a token with an unknown key id fetches them again, at most every `cooldownMs`.
    keys = createRemoteJWKSet(new URL(`${base}/auth/v1/.well-known/jwks.json`), {
      cacheMaxAge: 10 * 60_000,
      cooldownDuration: options.cooldownMs ?? 30_000,
    });
    issuer = `${base}/auth/v1`;
  }
  return {
    mode: options.mode,
    async verify(token) {
      const { payload } = await jwtVerify(token, keys, { audience: 'authenticated', issuer });
      if (typeof payload.sub !== 'string' || payload.role !== 'authenticated' || typeof payload.exp !== 'number') {
        throw new Error('token is not a signed-in user');
      }
      return payload as Claims;
    },
  };
}
