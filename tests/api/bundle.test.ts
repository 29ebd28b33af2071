// The deployed bundle holds the API and nothing of local mode: no demo signer (whose key would
// sign tokens the function must never issue), no demo loader, no dev sign-in route.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunctions } from '../../functions/local/bundle.ts';

let outDir: string;
let code: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'nastavnik-bundle-'));
  await buildFunctions(outDir);
  const modules = (await readdir(outDir)).filter((file) => file.endsWith('.mjs'));
  code = (await Promise.all(modules.map((file) => readFile(join(outDir, file), 'utf8')))).join('\n');
}, 120_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('npm run build:functions', () => {
  it('bundles the API: its routes and the Supabase-mode verifier are in it', () => {
    expect(code).toContain('/meetings');
    expect(code).toContain('.well-known/jwks.json');
    expect(code).toContain('/auth/v1/admin/users/');
  });

  it('leaves out every part of local mode', () => {
    for (const localOnly of [
      'openLocalSigner', // the demo signer (functions/auth/local-keys.ts)
      'jwt-key.json',
      'loadDemoSchool', // the demo loader (functions/db/demo-school.ts)
      'readDemoSchool',
      'loopbackOnly', // the dev sign-in route (functions/routes/dev-auth.ts)
      '/dev/token',
      'listDevUsers',
      'standInAccounts', // local mode's accounts
      'lockDataDir', // npm start's data folder
    ]) {
      expect(code, localOnly).not.toContain(localOnly);
    }
  });
});
