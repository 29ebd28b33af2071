// One cold start for `npm run bench:api`, in a fresh Node process: import a module, answer its
// first request, print {"imported", "answered", "status"} in milliseconds since this process began
// (performance.now(), so Node's own boot is included, the same for every variant).
//
//   node tests/bench/api-cold.ts bare        Hono + one route, app.request('/')
//   node tests/bench/api-cold.ts app         functions/app.ts: createApp on a Postgres pool, app.request('/health')
//   node tests/bench/api-cold.ts bare-http   Hono + @hono/node-server on node:http, one GET / over 127.0.0.1
//   node tests/bench/api-cold.ts entry       functions/index.ts from source (the app built on the first request) on node:http, GET /health
//   node tests/bench/api-cold.ts bundle      dist/functions/index.mjs, what is deployed (npm run build:functions), on node:http, GET /health
//
// `app` and `entry` need DATABASE_URL (/health reads the database); `entry` also SUPABASE_URL (any
// URL: /health verifies no token). Every dynamic import below is the variant's own cost.
import { createServer, get, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

const variant = process.argv[2];

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Serves `listener` on a free port of 127.0.0.1 and GETs `path` once; resolves with the status. */
async function overHttp(listener: RequestListener, path: string): Promise<number> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

let imported = 0;
let status = 0;
if (variant === 'bare') {
  const { Hono } = await import('hono');
  imported = performance.now();
  const app = new Hono().get('/', (c) => c.json({ ok: true }));
  const res = await app.request('/');
  await res.text();
  status = res.status;
} else if (variant === 'app') {
  const { createApp } = await import('../../functions/app.ts');
  const { openPostgres } = await import('../../functions/db/postgres.ts');
  const { createVerifier } = await import('../../functions/auth/verifier.ts');
  const { noAccounts } = await import('../../functions/auth/accounts.ts');
  const { version } = await import('../../functions/settings.ts');
  imported = performance.now();
  const db = openPostgres(requireEnv('DATABASE_URL'), { max: 3 });
  const app = createApp({
    db,
    verifier: createVerifier({ mode: 'supabase', supabaseUrl: requireEnv('SUPABASE_URL') }),
    accounts: noAccounts,
    version,
  });
  const res = await app.request('/health');
  await res.text();
  status = res.status;
} else if (variant === 'bare-http') {
  const { Hono } = await import('hono');
  const { getRequestListener } = await import('@hono/node-server');
  imported = performance.now();
  const app = new Hono().get('/', (c) => c.json({ ok: true }));
  status = await overHttp(getRequestListener(app.fetch), '/');
} else if (variant === 'entry') {
  const { api } = await import('../../functions/index.ts');
  imported = performance.now();
  status = await overHttp(api as RequestListener, '/health');
} else if (variant === 'bundle') {
  const bundle = new URL('../../dist/functions/index.mjs', import.meta.url).href;
  const { api } = (await import(bundle)) as { api: RequestListener };
  imported = performance.now();
  status = await overHttp(api, '/health');
} else {
  console.error('usage: node tests/bench/api-cold.ts bare|app|bare-http|entry|bundle');
  process.exit(2);
}
const answered = performance.now();
console.log(JSON.stringify({ imported, answered, status }));
// Pools and servers stay open: a cold start ends at the first answer.
process.exit(0);
