// The matching command line as a curator's script would use it: JSON in, JSON out, a clear
// message and a non-zero exit for input it cannot match.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./match.ts', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../tests/fixtures/matching/${name}`, import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('npm run match', () => {
  it('prints pairs, total and unmatched as JSON', () => {
    const result = run(fixture('small-school.json'));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      pairs: { mentor: string; mentee: string; score: number }[];
      total: number;
      unmatched: string[];
    };
    expect(output.total).toBe(output.pairs.reduce((sum, pair) => sum + pair.score, 0));
    expect(Object.keys(output).sort()).toEqual(['pairs', 'total', 'unmatched']);
  });

  it('refuses invalid input with a message and exit code 2', () => {
    for (const name of ['invalid-pinned.json', 'invalid-shape.json']) {
      const result = run(fixture(name));
      expect(result.status, name).toBe(2);
      expect(result.stderr.trim().length, name).toBeGreaterThan(0);
      expect(result.stdout).toBe('');
    }
    expect(run('/no/such/file.json').status).not.toBe(0);
  });
});
