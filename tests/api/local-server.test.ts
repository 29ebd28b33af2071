// The local commands on one data folder (issue #15, parts 2 and 3): a second server on the same
// folder stops with a message naming the first, a busy port says which, `npm run reset` will not
// delete data under a running server, and `npm run token` finds the running server on its port.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirBusy, lockDataDir } from '../../functions/local/data-lock.ts';
import { type LocalServer, PortInUse, startLocalServer } from '../../functions/local/server.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

const run = promisify(execFile);
const curatorEmail = 'a.korolev2@school17.example.ru';

/** `npm run --silent <script>` on the data folder, as a user would type it: exit code, stdout, stderr. */
async function npmRun(dataDir: string, script: string, ...args: string[]) {
  const { PORT: _port, ...inherited } = process.env;
  const env = { ...inherited, NASTAVNIK_DATA_DIR: dataDir };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script, '--', ...args], { env, cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let database: TestDatabase;
let dataDir: string;
let first: LocalServer;
beforeAll(async () => {
  database = await freshDatabase();
  await database.db.close();
  dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-local-'));
  first = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
});
afterAll(async () => {
  await first?.close();
  if (database?.url) await database.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('one server per data folder', () => {
  it('a second server on the same folder stops before opening anything, naming the first', async () => {
    const second = startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
    await expect(second).rejects.toBeInstanceOf(DataDirBusy);
    await expect(second).rejects.toThrow(new RegExp(`pid ${process.pid}.*${first.url.replaceAll('.', '\\.')}`, 's'));
    // The first one still answers.
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });

  it('a busy port says so and what to do, and frees the folder it took', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'nastavnik-local-other-'));
    const port = Number(new URL(first.url).port);
    const clash = startLocalServer({ port, dataDir: otherDir, databaseUrl: database.url });
    await expect(clash).rejects.toBeInstanceOf(PortInUse);
    await expect(clash).rejects.toThrow(`PORT=${port + 1} npm start`);
    await (await lockDataDir(otherDir)).release();
    await rm(otherDir, { recursive: true, force: true });
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'nastavnik-local-stale-'));
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(join(otherDir, 'server.lock.json'), JSON.stringify({ pid: gone.pid, url: 'http://127.0.0.1:1', startedAt: '' }));
    const lock = await lockDataDir(otherDir);
    await lock.release();
    expect(existsSync(join(otherDir, 'server.lock.json'))).toBe(false);
    await rm(otherDir, { recursive: true, force: true });
  });
});

describe('npm run reset and npm run token', () => {
  it('reset refuses while the server runs and deletes nothing', async () => {
    const reset = await npmRun(dataDir, 'reset');
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain(first.url);
    expect(existsSync(join(dataDir, 'jwt-key.json'))).toBe(true);
  });

  it('token asks the running server, whatever its port, and says which one', async () => {
    const token = await npmRun(dataDir, 'token', curatorEmail);
    expect(token.code).toBe(0);
    expect(token.stderr).toContain(first.url);
    const [, payload = ''] = token.stdout.trim().split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss: string; email: string };
    expect(claims).toMatchObject({ iss: `${first.url}/auth/v1`, email: curatorEmail });
    const me = await fetch(`${first.url}/me`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    expect(me.status).toBe(200);
  });

  it('after the server stops, reset deletes the folder', async () => {
    await first.close();
    const reset = await npmRun(dataDir, 'reset');
    expect(reset.code).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });
});
