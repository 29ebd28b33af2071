// Supabase mode: tokens verified against the project's JWKS, fetched once, cached, and fetched
// again when a token names a key the cache does not know (the project rotated its signing key).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from './verifier.ts';

let server: Server;
let base = '';
let keys: JWK[] = [];
let fetches = 0;

async function newKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function token(key: Awaited<ReturnType<typeof newKey>>, claims: Record<string, unknown> = {}, issuer = `${base}/auth/v1`) {
  return new SignJWT({ role: 'authenticated', email: 'x@school.example', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject('5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f')
    .setAudience('authenticated')
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key.privateKey);
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/auth/v1/.well-known/jwks.json') {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Supabase-mode verifier', () => {
  it('accepts the project’s tokens, caches its keys, and follows a key rotation', async () => {
    const first = await newKey('key-1');
    keys = [first.publicJwk];
    const verifier = createVerifier({ mode: 'supabase', supabaseUrl: base, cooldownMs: 0 });
    expect((await verifier.verify(await token(first))).role).toBe('authenticated');
    await verifier.verify(await token(first));
    expect(fetches).toBe(1);

    const second = await newKey('key-2');
    keys = [first.publicJwk, second.publicJwk];
    expect((await verifier.verify(await token(second))).sub).toBe('5b0c1c6e-4a8a-4a39-9d39-0a1f0c1d2e3f');
    expect(fetches).toBe(2);
  });

  it('refuses other issuers, other audiences, unknown keys and tokens that are not a signed-in user', async () => {
    const key = await newKey('key-3');
    keys = [key.publicJwk];
    const verifier = createVerifier({ mode: 'supabase', supabaseUrl: base, cooldownMs: 0 });
    await expect(verifier.verify(await token(key, {}, 'https://evil.example/auth/v1'))).rejects.toThrow();
    await expect(verifier.verify(await token(key, { role: 'service_role' }))).rejects.toThrow();
    const stranger = await newKey('key-x');
    await expect(verifier.verify(await token(stranger))).rejects.toThrow();
    const wrongAudience = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('s')
      .setAudience('anon')
      .setIssuer(`${base}/auth/v1`)
      .setExpirationTime('1h')
      .sign(key.privateKey);
    await expect(verifier.verify(wrongAudience)).rejects.toThrow();
  });
});
