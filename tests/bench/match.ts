// `npm run bench:match`: the optimal mode on dense integer scores 0–100, mentors with capacity 4 —
// 2,000 mentees × 500 mentors and 5,000 × 1,250 — against scipy's linear_sum_assignment and the
// munkres npm package, both on the expanded matrix (each mentor repeated once per place).
// Prints each time (best of --repeats), the ratios, whether the totals agree, and our peak memory.
// Targets: equal totals; ours ≤ 1.5× scipy; faster than munkres; ≤ 256 MB at 5,000 × 1,250.
// Each solver runs in its own child process, so the peak RSS is that run's alone and a slow
// munkres can be stopped (--munkres-timeout seconds).
// Options: --repeats N (default 3), --munkres-timeout S (default 120), --sizes 2000x500,5000x1250.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { denseProblem } from '../../shared/matching/dense.ts';
import { type OptimalStats, solveOptimal } from '../../shared/matching/optimal.ts';
import { denseRandomProblem, objectiveOf, seededRandom } from '../../shared/matching/testing.ts';

const capacity = 4;
const maxScore = 100;
const here = dirname(fileURLToPath(import.meta.url));

interface Run {
  ms: number;
  total: number;
  pairs: number;
  peakMb?: number;
  version?: string;
  /** Ours only: how much the shortest-path search did (one solve). */
  search?: OptimalStats;
}

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    'munkres-timeout': { type: 'string', default: '120' },
    sizes: { type: 'string', default: '2000x500,5000x1250' },
    // Internal: run one solver on a score file and print a Run as JSON.
    child: { type: 'string' },
    file: { type: 'string' },
    mentees: { type: 'string' },
    mentors: { type: 'string' },
  },
});

if (values.child) {
  const run = values.child === 'ours' ? runOurs() : await runMunkres();
  console.log(JSON.stringify(run));
  process.exit(0);
}

function readScores(): { mentees: number; mentors: number; scores: Int32Array } {
  const mentees = Number(values.mentees);
  const mentors = Number(values.mentors);
  const bytes = readFileSync(values.file as string);
  return { mentees, mentors, scores: new Int32Array(bytes.buffer, bytes.byteOffset, mentees * mentors) };
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024; // kilobytes on every platform Node supports
}

function runOurs(): Run {
  const { mentees, mentors, scores } = readScores();
  const problem = denseProblem(0, 0);
  Object.assign(problem, { menteeCount: mentees, mentorCount: mentors, score: scores });
  problem.mentorCapacity = new Int32Array(mentors).fill(capacity);
  problem.menteeCapacity = new Int32Array(mentees).fill(1);
  let best = Number.POSITIVE_INFINITY;
  let objective = { matchedMentees: 0, total: 0 };
  let pairs = 0;
  let peakMb = 0;
  const search: OptimalStats = { units: 0, settled: 0, scans: 0 };
  for (let k = 0; k < Number(values.repeats); k++) {
    const started = performance.now();
    const solved = solveOptimal(problem, search);
    best = Math.min(best, performance.now() - started);
    objective = objectiveOf(problem, solved);
    pairs = solved.mentee.length;
    // The peak of one solve (Node itself, the scores, the solver); later repeats only add garbage.
    if (k === 0) peakMb = peakRssMb();
  }
  return { ms: best, total: objective.total, pairs, peakMb, search };
}

async function runMunkres(): Promise<Run> {
  const { munkres } = await import('munkres');
  const { version } = JSON.parse(readFileSync(join(here, '../../node_modules/munkres/package.json'), 'utf8')) as { version: string };
  const { mentees, mentors, scores } = readScores();
  // Costs (maxScore − score) on the expanded matrix: one column per place in a mentor's group.
  const columns = mentors * capacity;
  const cost = Array.from({ length: mentees }, (_, mentee) => {
    const row = new Float64Array(columns);
    for (let column = 0; column < columns; column++)
      row[column] = maxScore - (scores[mentee * mentors + Math.floor(column / capacity)] as number);
    return row;
  });
  let ms = Number.POSITIVE_INFINITY;
  let assignment: [number, number][] = [];
  for (let k = 0; k < Number(values.repeats); k++) {
    const started = performance.now();
    assignment = munkres(cost);
    ms = Math.min(ms, performance.now() - started);
  }
  let total = 0;
  for (const [mentee, column] of assignment) total += scores[mentee * mentors + Math.floor(column / capacity)] as number;
  return { ms, total, pairs: assignment.length, version };
}

/** A python3 that has scipy: $PYTHON, then the PATH's, then Debian's own (apt-get install python3-scipy). */
function findScipyPython(): string | null {
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3', 'python'].filter(Boolean) as string[]) {
    const probe = spawnSync(candidate, ['-c', 'import scipy.optimize'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function child(kind: 'ours' | 'munkres', file: string, mentees: number, mentors: number, timeoutSeconds?: number): Run | string {
  const args = [fileURLToPath(import.meta.url), '--child', kind, '--file', file, '--mentees', `${mentees}`, '--mentors', `${mentors}`];
  args.push('--repeats', values.repeats as string);
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: timeoutSeconds ? timeoutSeconds * 1000 : undefined,
    maxBuffer: 1 << 20,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return `skipped (too slow: > ${timeoutSeconds} s)`;
  if (result.status !== 0) return `failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`;
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Run;
}

const ms = (value: number) => `${value.toFixed(0).padStart(7)} ms`;
const group = (value: number) => value.toLocaleString('en-US');
const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;

const python = findScipyPython();
const directory = mkdtempSync(join(tmpdir(), 'nastavnik-bench-match-'));
console.log(
  `Matching benchmark: optimal mode, dense integer scores 0–${maxScore}, mentors with capacity ${capacity}; best of ${values.repeats}.`,
);
console.log(
  `Node ${process.version}; scipy: ${python ? `via ${python}` : 'no python3 with scipy found (apt-get install python3-scipy), skipped'}.`,
);
const verdicts: string[] = [];
try {
  for (const size of (values.sizes as string).split(',')) {
    const [mentees, mentors] = size.split('x').map(Number) as [number, number];
    const file = join(directory, `${size}.bin`);
    const scores = denseRandomProblem(seededRandom(mentees * 7919 + mentors), mentees, mentors, capacity, maxScore).score;
    writeFileSync(file, new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength));
    const label = `${group(mentees)} mentees × ${group(mentors)} mentors (expanded: ${group(mentees)} × ${group(mentors * capacity)})`;
    console.log(`\n${label}`);

    const ours = child('ours', file, mentees, mentors);
    if (typeof ours === 'string') throw new Error(`our solver ${ours}`);
    console.log(
      `  ours (shared/matching)         ${ms(ours.ms)}   total ${ours.total}   pairs ${ours.pairs}   peak RSS ${ours.peakMb?.toFixed(0)} MB (process, one solve)`,
    );
    if (ours.search) {
      const { units, settled, scans } = ours.search;
      console.log(
        `    search: ${group(units)} runs, ${(settled / units).toFixed(2)} people settled and ${(scans / units).toFixed(2)} passes over the mentors per run`,
      );
    }
    if (mentees === 5000 && mentors === 1250)
      verdicts.push(
        `peak memory at 5,000 × 1,250: ${ours.peakMb?.toFixed(0)} MB (target ≤ 256 MB): ${(ours.peakMb ?? 0) <= 256 ? 'met' : 'NOT met'}`,
      );

    if (python) {
      const scipy = spawnSync(
        python,
        [join(here, 'scipy_lsa.py'), file, `${mentees}`, `${mentors}`, `${capacity}`, values.repeats as string],
        {
          encoding: 'utf8',
        },
      );
      if (scipy.status !== 0) console.log(`  scipy failed: ${scipy.stderr.trim()}`);
      else {
        const run = JSON.parse(scipy.stdout) as Run;
        const equal = run.total === ours.total;
        console.log(
          `  scipy ${run.version} linear_sum_assignment ${ms(run.ms)}   total ${run.total}   ours/scipy ${ratio(ours.ms, run.ms)}   totals equal: ${equal ? 'yes' : 'NO'}`,
        );
        verdicts.push(
          `${size}: totals equal to scipy: ${equal ? 'yes' : 'NO'}; ours ≤ 1.5× scipy: ${ours.ms <= 1.5 * run.ms ? 'met' : 'NOT met'} (${ratio(ours.ms, run.ms)})`,
        );
      }
    }

    const munkres = child('munkres', file, mentees, mentors, Number(values['munkres-timeout']));
    if (typeof munkres === 'string') console.log(`  munkres                        ${munkres}`);
    else {
      const equal = munkres.total === ours.total;
      console.log(
        `  munkres ${munkres.version} (npm)           ${ms(munkres.ms)}   total ${munkres.total}   ours/munkres ${ratio(ours.ms, munkres.ms)}   totals equal: ${equal ? 'yes' : 'NO'}`,
      );
      verdicts.push(
        `${size}: faster than munkres: ${ours.ms < munkres.ms ? 'met' : 'NOT met'} (${ratio(ours.ms, munkres.ms)}); totals equal: ${equal ? 'yes' : 'NO'}`,
      );
    }
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
console.log(`\nTargets:\n  ${verdicts.join('\n  ')}`);
