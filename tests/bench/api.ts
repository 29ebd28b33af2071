// `npm run bench:api`: the API under load on the local Postgres, and its cold start.
//
// A fresh database (created and dropped here); the API in a Node process of its own
// (tests/bench/api-server.ts: startLocalServer, migrations + the demo school); 200 virtual clients,
// each signed in as one of the demo school's mentors (tokens from POST /auth/v1/dev/token), each
// reading GET /me/groups once, then for 20 s logging meetings (POST /meetings, a fresh client id
// each) into its groups and re-sending an earlier one 10% of the time (a retry: must answer 200
// and create nothing), then reading GET /me/groups again. Printed:
//   - requests/s, p50/p99 per operation, errors by status; where the time goes (CPU of the server
//     and of this load generator, how many of the server's Postgres connections are busy);
//   - rows in public.meetings carrying this run's topic against acknowledged creates (201), and
//     the ids on both sides: nothing lost, nothing doubled;
//   - the server's peak resident memory (VmHWM) while serving (target: 256 MB, a Cloud Functions
//     instance), and at start-up (migrations + demo load, which a deployed function does not do);
//   - cold start, medians of 5 fresh processes (tests/bench/api-cold.ts): our app (import +
//     first /health) against a bare Hono app (import + first request), and the Cloud Functions
//     entry (functions-framework + app) on node:http against a bare Hono app on node:http. Target ≤ 2×.
// Timings are figures only (the machine is shared); the run exits 1 when rows and acknowledged
// creates disagree, 2 when no Postgres answers.
// Options: --clients N (200), --seconds S (20), --retry P (0.1), --cold-runs N (5).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { meetingKinds } from '../../shared/catalog.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    retry: { type: 'string', default: '0.1' },
    'cold-runs': { type: 'string', default: '5' },
  },
});
const clientCount = Number(values.clients);
const seconds = Number(values.seconds);
const retryShare = Number(values.retry);
const coldRuns = Number(values['cold-runs']);
const memoryTargetMb = 256;
const coldTargetRatio = 2;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const run = randomBytes(4).toString('hex');
const databaseName = `nastavnik_bench_api_${run}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
const topicPrefix = `bench-api-${run}`;

// ---------------------------------------------------------------------------------------------
// Clean-up: the database, the data folder and the server go, however the run ends.
let server: ChildProcess | undefined;
let dataDir: string | undefined;
let databaseCreated = false;

async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function cleanUp(): Promise<void> {
  await stopServer();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
  if (databaseCreated) {
    databaseCreated = false;
    await adminQuery(`drop database if exists ${databaseName} with (force)`).catch((error: Error) =>
      console.error(`could not drop ${databaseName}: ${error.message}`),
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with a keep-alive agent, a socket per client.
const agent = new Agent({ keepAlive: true, maxSockets: clientCount + 10 });
let apiUrl = new URL('http://127.0.0.1');

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function call(method: string, path: string, token: string | null, payload?: unknown, base: URL = apiUrl): Promise<Answer> {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: base.hostname, port: base.port, path, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
      );
      res.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - started }));
    });
    // No response at all (status 0): the request is neither acknowledged nor known to have failed.
    req.on('error', (error) => resolve({ status: 0, body: error.message, ms: performance.now() - started }));
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// Figures.
class Operation {
  readonly latencies: number[] = [];
  readonly statuses = new Map<number, number>();
  record(answer: Answer): void {
    this.latencies.push(answer.ms);
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
  }
  count(status?: number): number {
    return status === undefined ? this.latencies.length : (this.statuses.get(status) ?? 0);
  }
  percentile(q: number): number {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  }
  unexpected(expected: readonly number[]): number {
    return [...this.statuses].filter(([status]) => !expected.includes(status)).reduce((sum, [, n]) => sum + n, 0);
  }
  /** Every answer but the expected one, by status ("0" = no answer). */
  errors(expected: readonly number[]): string {
    const rest = [...this.statuses].filter(([status]) => !expected.includes(status));
    return rest.length === 0 ? 'none' : rest.map(([status, n]) => `${status}×${n}`).join(', ');
  }
}

const mb = (kb: number) => kb / 1024;

function readStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** CPU seconds (user + system) a process has used so far: /proc/<pid>/stat fields 14 and 15, in clock ticks. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;

// ---------------------------------------------------------------------------------------------
// 1. A fresh database on the local Postgres, and the API on it.
try {
  await adminQuery('select 1');
} catch (error) {
  console.error(`bench:api needs a Postgres (DATABASE_URL or 127.0.0.1:5432): ${(error as Error).message}`);
  process.exit(2);
}

let exitCode = 0;
try {
  await adminQuery(`create database ${databaseName}`);
  databaseCreated = true;
  dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-bench-api-'));

  console.log(`bench:api — ${clientCount} clients × ${seconds} s on ${new URL(adminUrl).host}/${databaseName}, Node ${process.version}`);
  const startedServer = performance.now();
  const child = spawn(process.execPath, [here('./api-server.ts'), databaseUrl, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  server = child;
  const serverLog: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    serverLog.push(line);
  });
  const ready = await new Promise<{ url: string; baselineUrl: string; pid: number; demoLoaded: boolean }>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the API server exited (${code}) before serving:\n${serverLog.join('\n')}`)));
  });
  if (!ready.demoLoaded) throw new Error('the demo school was not loaded into the fresh database');
  apiUrl = new URL(ready.url);
  const baselineUrl = new URL(ready.baselineUrl);
  const pid = child.pid ?? ready.pid;
  console.log(
    `API at ${ready.url} (pid ${pid}), migrated and demo school loaded in ${((performance.now() - startedServer) / 1000).toFixed(1)} s`,
  );

  // Start-up (migrations, demo load) is not what a deployed function does: note its peak, then
  // reset the high-water mark (writing 5 to clear_refs) so VmHWM from here on is the serving peak.
  const startupPeakKb = readStatusKb(pid, 'VmHWM');
  let hwmReset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    hwmReset = false;
  }
  let sampledPeakKb = readStatusKb(pid, 'VmRSS');
  const sampler = setInterval(() => {
    try {
      sampledPeakKb = Math.max(sampledPeakKb, readStatusKb(pid, 'VmRSS'));
    } catch {
      // the server is gone; the run reports it
    }
  }, 100);

  // -------------------------------------------------------------------------------------------
  // 2. Sign in the demo mentors (of active groups), distribute the clients over them.
  const demo = JSON.parse(await readFile(here('../../supabase/demo/school.json'), 'utf8')) as {
    people: { id: string; email?: string }[];
    programme: { groups: { mentors: string[]; status: string }[] };
  };
  const emailOf = new Map(demo.people.map((person) => [person.id, person.email]));
  const mentorEmails = [
    ...new Set(demo.programme.groups.filter((g) => g.status === 'active').flatMap((g) => g.mentors.map((id) => emailOf.get(id)))),
  ].filter((email): email is string => Boolean(email));
  const tokens = new Map<string, string>();
  await Promise.all(
    mentorEmails.map(async (email) => {
      const answer = await call('POST', '/auth/v1/dev/token', null, { email });
      if (answer.status !== 200) throw new Error(`POST /auth/v1/dev/token ${email}: ${answer.status} ${answer.body}`);
      tokens.set(email, (JSON.parse(answer.body) as { access_token: string }).access_token);
    }),
  );

  const groupsBefore = new Operation();
  const groupsAfter = new Operation();

  interface Client {
    token: string;
    groupIds: string[];
    /** Kinds this client logged per group: GET /me/groups must show them afterwards. */
    kindsLogged: Map<string, Set<string>>;
  }
  interface GroupSummary {
    id: string;
    my_role: string;
    meeting_kinds_held: string[];
  }
  const clients: Client[] = await Promise.all(
    Array.from({ length: clientCount }, async (_, index) => {
      const email = mentorEmails[index % mentorEmails.length] ?? '';
      const token = tokens.get(email) ?? '';
      const answer = await call('GET', '/me/groups', token);
      groupsBefore.record(answer);
      if (answer.status !== 200) throw new Error(`GET /me/groups as ${email}: ${answer.status} ${answer.body}`);
      const groupIds = (JSON.parse(answer.body) as GroupSummary[]).filter((g) => g.my_role === 'mentor').map((g) => g.id);
      if (groupIds.length === 0) throw new Error(`${email} mentors no active group`);
      return { token, groupIds, kindsLogged: new Map() };
    }),
  );
  console.log(
    `${clientCount} clients signed in as ${Math.min(clientCount, mentorEmails.length)} of the ${mentorEmails.length} demo mentors of active groups; logging meetings for ${seconds} s…`,
  );

  // -------------------------------------------------------------------------------------------
  // 3. The load: each client logs meetings for `seconds`, retrying an acknowledged one now and then;
  // first against the baseline (api-baseline.ts: token check and one round trip), then the app.
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

  interface Phase {
    creates: Operation;
    replays: Operation;
    /** Ids answered 201 (to a create or, anomalously, to a retry). */
    acknowledgedIds: Set<string>;
    seconds: number;
  }
  const drive = async (base: URL, prefix: string): Promise<Phase> => {
    const phase: Phase = { creates: new Operation(), replays: new Operation(), acknowledgedIds: new Set(), seconds: 0 };
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      clients.map(async (client, index) => {
        /** Requests answered 201: what a retry sends again. */
        const acknowledged: Record<string, unknown>[] = [];
        let n = 0;
        while (performance.now() < deadline) {
          if (acknowledged.length > 0 && Math.random() < retryShare) {
            const again = pick(acknowledged);
            const answer = await call('POST', '/meetings', client.token, again, base);
            phase.replays.record(answer);
            // A retry that creates is an anomaly (its first send was acknowledged), but it is a create.
            if (answer.status === 201) phase.acknowledgedIds.add(String(again.id));
            continue;
          }
          const groupId = pick(client.groupIds);
          const kind = pick(meetingKinds);
          const meeting = {
            id: randomUUID(),
            group_id: groupId,
            kind,
            held_on: daysAgo(Math.floor(Math.random() * 30)),
            duration_minutes: 30 + Math.floor(Math.random() * 61),
            topic: `${prefix} client ${index} #${n++}`,
          };
          const answer = await call('POST', '/meetings', client.token, meeting, base);
          phase.creates.record(answer);
          if (answer.status === 201) {
            phase.acknowledgedIds.add(meeting.id);
            acknowledged.push(meeting);
            const kinds = client.kindsLogged.get(groupId) ?? new Set<string>();
            kinds.add(kind);
            client.kindsLogged.set(groupId, kinds);
          }
        }
      }),
    );
    phase.seconds = (performance.now() - started) / 1000;
    return phase;
  };

  const baselinePrefix = `${topicPrefix}-baseline`;
  const baseline = await drive(baselineUrl, baselinePrefix);

  // How busy the API's Postgres pool is: its connections to this database, sampled 4 times a second.
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  const poolSamples: { active: number; busy: number; open: number }[] = [];
  let watching = true;
  const watching$ = (async () => {
    while (watching) {
      const { rows } = await watcher.query<{ active: number; busy: number; open: number }>(
        `select (count(*) filter (where state = 'active'))::int as active,
           (count(*) filter (where state in ('active', 'idle in transaction')))::int as busy, count(*)::int as open
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
           and application_name <> 'nastavnik-bench-baseline'`,
      );
      if (rows[0]) poolSamples.push(rows[0]);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();

  const serverCpuBefore = cpuSeconds(pid);
  const benchCpuBefore = ownCpuSeconds();
  const { creates, replays, acknowledgedIds, seconds: loadSeconds } = await drive(apiUrl, topicPrefix);
  const serverCpu = cpuSeconds(pid) - serverCpuBefore;
  const benchCpu = ownCpuSeconds() - benchCpuBefore;
  watching = false;
  await watching$;
  await watcher.end();
  const averageActive = poolSamples.reduce((sum, sample) => sum + sample.active, 0) / Math.max(1, poolSamples.length);
  const averageBusy = poolSamples.reduce((sum, sample) => sum + sample.busy, 0) / Math.max(1, poolSamples.length);
  const maxOpen = Math.max(0, ...poolSamples.map((sample) => sample.open));

  // Then each client reads its groups: every kind it logged must be there.
  let staleReads = 0;
  await Promise.all(
    clients.map(async (client) => {
      const answer = await call('GET', '/me/groups', client.token);
      groupsAfter.record(answer);
      if (answer.status !== 200) return;
      const seen = new Map((JSON.parse(answer.body) as GroupSummary[]).map((g) => [g.id, new Set(g.meeting_kinds_held)]));
      for (const [groupId, kinds] of client.kindsLogged) {
        if (![...kinds].every((kind) => seen.get(groupId)?.has(kind))) {
          staleReads += 1;
          break;
        }
      }
    }),
  );
  clearInterval(sampler);
  const servingPeakKb = hwmReset ? readStatusKb(pid, 'VmHWM') : Math.max(sampledPeakKb, readStatusKb(pid, 'VmHWM'));
  sampledPeakKb = Math.max(sampledPeakKb, readStatusKb(pid, 'VmRSS'));
  await stopServer();
  agent.destroy();

  // -------------------------------------------------------------------------------------------
  // 4. What the database holds: rows of this run against acknowledged creates, id by id.
  const storedIds$ = async (prefix: string) => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string }>('select id from public.meetings where topic like $1', [`${prefix} %`]);
      return rows.map((row) => row.id);
    } finally {
      await db.end();
    }
  };
  const stored = await storedIds$(topicPrefix);
  const baselineStored = await storedIds$(baselinePrefix);
  const storedIds = new Set(stored);
  const lost = [...acknowledgedIds].filter((id) => !storedIds.has(id)).length;
  const unacknowledged = stored.filter((id) => !acknowledgedIds.has(id)).length;
  const created201 = creates.count(201) + replays.count(201);
  const equal = stored.length === created201 && created201 === acknowledgedIds.size && lost === 0 && unacknowledged === 0;
  const baselineEqual =
    baselineStored.length === baseline.acknowledgedIds.size && baselineStored.every((id) => baseline.acknowledgedIds.has(id));
  if (!equal || !baselineEqual) exitCode = 1;

  // -------------------------------------------------------------------------------------------
  // 5. Cold starts, each in a fresh Node process (the same Node as this bench), with the server stopped.
  const execFileAsync = promisify(execFile);
  const coldEnv = { ...process.env, DATABASE_URL: databaseUrl, SUPABASE_URL: 'http://127.0.0.1:9' };
  type ColdVariant = 'bare' | 'app' | 'bare-http' | 'entry' | 'bundle';
  const variants: ColdVariant[] = ['bare', 'app', 'bare-http', 'entry', 'bundle'];
  // The deployed function is the bundle (one module, dependencies inside): build it as a deploy would.
  await execFileAsync(process.execPath, [here('../../functions/local/build-functions.ts')]);
  const coldSamples = new Map<ColdVariant, { imported: number; answered: number }[]>(variants.map((v) => [v, []]));
  // Round by round, every variant once per round, so that the machine's noise falls on all alike;
  // round 0 is discarded (it warms the file cache, as for every later cold start).
  for (let round = 0; round <= coldRuns; round += 1) {
    for (const variant of variants) {
      const { stdout } = await execFileAsync(process.execPath, [here('./api-cold.ts'), variant], { env: coldEnv });
      const sample = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { imported: number; answered: number; status: number };
      if (sample.status !== 200) throw new Error(`cold start ${variant}: first request answered ${sample.status}`);
      if (round > 0) coldSamples.get(variant)?.push(sample);
    }
  }
  const coldMedian = (variant: ColdVariant) => {
    const samples = coldSamples.get(variant) ?? [];
    return { imported: median(samples.map((s) => s.imported)), answered: median(samples.map((s) => s.answered)) };
  };
  const cold = {
    bare: coldMedian('bare'),
    app: coldMedian('app'),
    bareHttp: coldMedian('bare-http'),
    entry: coldMedian('entry'),
    bundle: coldMedian('bundle'),
  };

  // -------------------------------------------------------------------------------------------
  // 6. The table.
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const total = creates.count() + replays.count();
  const throughput = total / loadSeconds;
  const baselineTotal = baseline.creates.count() + baseline.replays.count();
  const baselineThroughput = baselineTotal / baseline.seconds;
  console.log(
    `\nBaseline (a bare Hono handler: the same token check, then one round trip — begin, role and claims, insert under RLS, commit)`,
  );
  console.log(
    `  requests/s ${baselineThroughput.toFixed(0)}; p50 ${ms(baseline.creates.percentile(0.5))}, p99 ${ms(baseline.creates.percentile(0.99))} (new ids); errors ${baseline.creates.errors([201])}, retries ${baseline.replays.errors([200])}; rows = acknowledged creates: ${baselineStored.length}/${baseline.acknowledgedIds.size}`,
  );
  console.log(`\nLoad: ${clientCount} clients, ${loadSeconds.toFixed(1)} s, ${total} POST /meetings`);
  console.log(`  requests/s (POST /meetings)   ${throughput.toFixed(0)} (${(throughput / baselineThroughput).toFixed(2)}× the baseline)`);
  console.log(
    `  CPU during the load            API server ${serverCpu.toFixed(1)} s (${((serverCpu / loadSeconds) * 100).toFixed(0)}% of a core), this load generator ${benchCpu.toFixed(1)} s (${((benchCpu / loadSeconds) * 100).toFixed(0)}%); ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `  Postgres connections of the API  ${maxOpen} open; on average ${averageBusy.toFixed(1)} in a transaction, ${averageActive.toFixed(1)} running a statement`,
  );
  console.log('  operation                      count      p50        p99      errors');
  for (const [label, op, expected] of [
    ['POST /meetings (new id)', creates, [201]],
    ['POST /meetings (retry)', replays, [200]],
    ['GET /me/groups (before)', groupsBefore, [200]],
    ['GET /me/groups (after)', groupsAfter, [200]],
  ] as const) {
    console.log(
      `  ${label.padEnd(28)} ${String(op.count()).padStart(7)} ${ms(op.percentile(0.5)).padStart(10)} ${ms(op.percentile(0.99)).padStart(10)}   ${op.errors(expected)}`,
    );
  }
  console.log(`  reads after the run missing a kind the client logged: ${staleReads} of ${clients.length}`);

  console.log('\nIntegrity (rows of this run in public.meetings against acknowledged creates)');
  console.log(
    `  acknowledged creates (201)     ${created201}${replays.count(201) > 0 ? ` (${replays.count(201)} of them answered to a retry)` : ''}`,
  );
  console.log(`  acknowledged retries (200)     ${replays.count(200)}`);
  console.log(`  rows in the database           ${stored.length}`);
  console.log(`  acknowledged but missing       ${lost}`);
  console.log(
    `  stored but never acknowledged  ${unacknowledged}${unacknowledged > 0 ? ' (requests without an answer may explain these)' : ''}`,
  );
  console.log(`  equal: ${equal ? 'yes' : 'no'}`);

  console.log('\nServer memory (resident, /proc/<pid>/status)');
  console.log(`  start-up peak (migrations + demo load)   ${mb(startupPeakKb).toFixed(0)} MB`);
  console.log(
    `  peak while serving                       ${mb(servingPeakKb).toFixed(0)} MB${hwmReset ? ' (VmHWM after reset)' : ' (VmHWM could not be reset: includes start-up)'}; sampled every 100 ms: ${mb(sampledPeakKb).toFixed(0)} MB`,
  );

  const ratioApp = cold.app.answered / cold.bare.answered;
  const ratioEntry = cold.entry.answered / cold.bareHttp.answered;
  const ratioBundle = cold.bundle.answered / cold.bareHttp.answered;
  console.log(
    `\nCold start (median of ${coldRuns} fresh Node ${process.version} processes; from process start: Node's boot and type stripping of the .ts files included)`,
  );
  console.log('  module                                                 imported   1st answer');
  const coldRow = (label: string, c: { imported: number; answered: number }) =>
    console.log(`  ${label.padEnd(53)} ${ms(c.imported).padStart(9)} ${ms(c.answered).padStart(11)}`);
  coldRow('bare Hono app, app.request(/)', cold.bare);
  coldRow('functions/app.ts, createApp + app.request(/health)', cold.app);
  coldRow('bare Hono on node:http, GET / over 127.0.0.1', cold.bareHttp);
  coldRow('functions/index.ts from source on node:http, /health', cold.entry);
  coldRow('dist/functions/index.mjs (deployed) on node:http, /health', cold.bundle);

  console.log('\nfigure                                        measured     target        verdict');
  const row = (label: string, value: string, target: string, ok: boolean) =>
    console.log(`${label.padEnd(45)} ${value.padStart(9)}    ${target.padEnd(13)} ${verdict(ok)}`);
  row('rows = acknowledged creates', `${stored.length}/${created201}`, 'equal', equal);
  row(
    'throughput ÷ the one-round-trip baseline',
    `${(throughput / baselineThroughput).toFixed(2)}×`,
    '≥ 0.7×',
    throughput / baselineThroughput >= 0.7,
  );
  row('p99 of a new meeting', ms(creates.percentile(0.99)), 'printed', true);
  const unexpected = creates.unexpected([201]) + replays.unexpected([200]) + groupsAfter.unexpected([200]);
  row('errors (unexpected statuses, no answer)', String(unexpected), '0', unexpected === 0);
  row(
    'server peak memory while serving',
    `${mb(servingPeakKb).toFixed(0)} MB`,
    `≤ ${memoryTargetMb} MB`,
    mb(servingPeakKb) <= memoryTargetMb,
  );
  row('cold start: deployed bundle ÷ bare Hono', `${ratioBundle.toFixed(2)}×`, `≤ ${coldTargetRatio}×`, ratioBundle <= coldTargetRatio);
  console.log(
    `  (from source, type-stripped file by file: app.ts ${ratioApp.toFixed(2)}×, index.ts ${ratioEntry.toFixed(2)}× — what \`npm start\` runs, not what is deployed)`,
  );
  if (serverLog.some((line) => line.includes('failed'))) {
    console.log('\nServer errors (first 5):');
    for (const line of serverLog.filter((l) => l.includes('failed')).slice(0, 5)) console.log(`  ${line}`);
  }
} catch (error) {
  console.error(`bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
