// Local mode's own "Supabase Auth": an ES256 key pair kept in the data folder, tokens shaped as
// Supabase Auth shapes them (sub, email, role: authenticated, aud, exp), and its public JWKS.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';

export interface LocalSigner {
  jwks: JSONWebKeySet;
  issuer: string;
  /** A token for the auth user `sub`, valid for `ttlSeconds`. */
  sign(claims: { sub: string; email: string }, ttlSeconds?: number): Promise<{ token: string; expiresAt: number }>;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(file: string | null): Promise<StoredKey> {
  if (file) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const stored: StoredKey = { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  if (file) await writeFile(file, JSON.stringify(stored), { mode: 0o600 });
  return stored;
}

/** The signer whose key lives in `dataDir/jwt-key.json` (created on first use), or in memory. */
export async function openLocalSigner(dataDir: string | null, issuer: string): Promise<LocalSigner> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const stored = await loadOrCreateKey(dataDir ? join(dataDir, 'jwt-key.json') : null);
  const privateKey = await importJWK(stored.privateJwk, 'ES256');
  return {
    jwks: { keys: [{ ...stored.publicJwk, kid: stored.kid, alg: 'ES256', use: 'sig' }] },
    issuer,
    async sign({ sub, email }, ttlSeconds = 8 * 3600) {
      const now = Math.floor(Date.now() / 1000);
      const expiresAt = now + ttlSeconds;
      const token = await new SignJWT({ email, role: 'authenticated', aal: 'aal1', session_id: randomUUID() })
        .setProtectedHeader({ alg: 'ES256', kid: stored.kid, typ: 'JWT' })
        .setSubject(sub)
        .setAudience('authenticated')
        .setIssuer(issuer)
        .setIssuedAt(now)
        .setExpirationTime(expiresAt)
        .sign(privateKey);
      return { token, expiresAt };
    },
  };
}
