// `npm run --silent sync:classroom`: the command line's arguments, its one JSON line and exit codes,
// against the fake Classroom and a fresh Postgres (the command is its own process).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/database.ts';
import { FakeClassroom } from '../support/fake-classroom.ts';
import { type TwoSchools, twoSchools } from '../support/school.ts';

const script = fileURLToPath(new URL('../../functions/local/sync-classroom.ts', import.meta.url));
const token = 'cli-token';
const realPostgres = await postgresAvailable();

let s: TwoSchools;
let fake: FakeClassroom;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, DATABASE_URL: s.url ?? '', GOOGLE_API_ROOT_URL: fake.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!realPostgres)('npm run sync:classroom', () => {
  beforeAll(async () => {
    s = await twoSchools();
    fake = new FakeClassroom({ tokens: [token], pageCap: 3 });
    fake
      .addUser({ id: 'u-1', givenName: 'Антон', familyName: 'Сорокин', email: 'a.sorokin2@school17.example.ru' })
      .addUser({ id: 'u-2', givenName: 'Ника', familyName: 'Новенькая' })
      .addUser({ id: 'u-t', givenName: 'Елизавета', familyName: 'Данилова', email: 'e.danilova3@school17.example.ru' })
      .addCourse({ id: 'c-1', name: 'Алгебра 7А', teachers: ['u-t'], students: ['u-1', 'u-2'] });
    await fake.start();
  });
  afterAll(async () => {
    await fake?.close();
    await s?.dispose();
  });

  it('exits 2 with a message on bad arguments', async () => {
    for (const args of [[], ['--token'], ['--token', 't', '--bogus'], ['--token', 't', '--organisation', 'school-17'], ['stray']]) {
      const answer = await run(args);
      expect(answer.code, args.join(' ')).toBe(2);
      expect(answer.stderr).toContain('Usage: npm run --silent sync:classroom');
      expect(answer.stdout).toBe('');
    }
  });

  it('asks which school when the database has several, and exits 1', async () => {
    const answer = await run(['--token', token, '--dry-run']);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('--organisation');
  });

  it('prints one JSON line: a dry run, then the sync, then a rerun that finds nothing to do', async () => {
    const dry = await run(['--token', token, '--organisation', s.schoolA, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    const last = (out: string) => JSON.parse(out.trim().split('\n').at(-1) as string);
    expect(last(dry.stdout)).toEqual({
      courses: 1,
      people: { new: 1, changed: 2, unchanged: 0, moved: 0, left: 0, ambiguous: 0 },
      calls: 1 + 1 + 1,
    });
    const applied = await run(['--token', token, '--organisation', s.schoolA]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(last(applied.stdout).people).toEqual({ new: 1, changed: 2, unchanged: 0, moved: 0, left: 0, ambiguous: 0 });
    const again = await run(['--token', token, '--organisation', s.schoolA]);
    expect(last(again.stdout)).toEqual({
      courses: 1,
      people: { new: 0, changed: 0, unchanged: 3, moved: 0, left: 0, ambiguous: 0 },
      calls: 3,
    });
    expect(again.stderr).toContain('Записано строк: 0');
  });

  it('exits 1 when Google refuses the token, and never prints it', async () => {
    const answer = await run(['--token', 'not-a-valid-token', '--organisation', s.schoolA]);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('UNAUTHENTICATED');
    expect(answer.stderr + answer.stdout).not.toContain('not-a-valid-token');
  });
});
