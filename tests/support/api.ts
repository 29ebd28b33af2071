import { createApp } from '../../functions/app.ts';
import { openLocalSigner } from '../../functions/auth/local-keys.ts';
import { createVerifier } from '../../functions/auth/verifier.ts';
import type { TwoSchools } from './school.ts';

export const issuer = 'http://127.0.0.1:8787/auth/v1';

/** The API over a test database, in local mode with a key that lives only in memory. */
export async function testApi(s: TwoSchools) {
  const signer = await openLocalSigner(null, issuer);
  const app = createApp({
    db: s.db,
    verifier: createVerifier({ mode: 'local', jwks: signer.jwks, issuer }),
    version: 'test',
    localSigner: signer,
  });
  /** Headers of a request as the demo person `personKey` (of school B with `school`). */
  const as = async (personKey: string, school?: string) => {
    const claims = s.claims(personKey, school);
    const { token } = await signer.sign({ sub: claims.sub, email: `${personKey}@test` });
    return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  };
  return { app, signer, as };
}
