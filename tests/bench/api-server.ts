// The API for `npm run bench:api`, in a Node process of its own (its memory is its own, and the
// load generator does not share its event loop): `startLocalServer` on the database the bench made
// (migrations + the demo school), on 127.0.0.1 and a free port, and beside it the baseline
// (api-baseline.ts) verifying the same tokens. Prints one JSON line {"url", "baselineUrl", "pid"}
// on stdout when it serves; logs go to stderr; SIGTERM (or stdin closing) stops it.
//
//   node tests/bench/api-server.ts <database url> <data dir>
import { createVerifier } from '../../functions/auth/verifier.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { startBaseline } from './api-baseline.ts';

const [databaseUrl, dataDir] = process.argv.slice(2);
if (!databaseUrl || !dataDir) {
  console.error('usage: node tests/bench/api-server.ts <database url> <data dir>');
  process.exit(2);
}

const server = await startLocalServer({ port: 0, dataDir, databaseUrl, log: (line) => console.error(`[api-server] ${line}`) });
if (!server.signer) throw new Error('the bench runs the API in local mode');
const baseline = await startBaseline(
  databaseUrl,
  createVerifier({ mode: 'local', jwks: server.signer.jwks, issuer: server.signer.issuer }),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await baseline.close().catch((error: Error) => console.error(`[api-server] baseline close: ${error.message}`));
  await server.close().catch((error: Error) => console.error(`[api-server] close: ${error.message}`));
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The bench holds our stdin: if it dies without a word, we do not outlive it.
process.stdin.on('end', stop);
process.stdin.resume();

console.log(JSON.stringify({ url: server.url, baselineUrl: baseline.url, pid: process.pid, demoLoaded: server.demoLoaded }));
