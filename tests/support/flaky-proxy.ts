// A proxy in front of the local API that misbehaves as school Wi-Fi does: `down` (every
// connection dropped at once), `flaky` (a share of requests answered 503 without reaching the
// API, and a share of writes forwarded, committed by the API, and then their answer dropped — the
// worst moment to lose the network), or `up`. Deterministic: a seeded generator decides.
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'flaky';

export interface FlakyProxy {
  url: string;
  mode: ProxyMode;
  /** What the proxy did, for the test to show that the failures really happened. */
  stats: { forwarded: number; failed5xx: number; droppedAfterCommit: number; refusedConnections: number };
  close(): Promise<void>;
}

/** mulberry32: small, seeded, good enough to decide which request fails. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFlakyProxy(
  target: string,
  options: { failRate?: number; dropRate?: number; seed?: number } = {},
): Promise<FlakyProxy> {
  const { failRate = 0.3, dropRate = 0.15, seed = 14 } = options;
  const random = seeded(seed);
  const upstream = new URL(target);
  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  const proxy: FlakyProxy = {
    url: '',
    mode: 'up',
    stats: { forwarded: 0, failed5xx: 0, droppedAfterCommit: 0, refusedConnections: 0 },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (proxy.mode === 'down') {
      proxy.stats.refusedConnections += 1;
      req.socket.destroy();
      return;
    }
    const writes = req.method === 'POST' || req.method === 'DELETE' || req.method === 'PUT' || req.method === 'PATCH';
    const roll = random();
    // Only the queue's own writes are made flaky: the sign-in and reads answer, so that what is measured is the queue.
    const flaky = proxy.mode === 'flaky' && writes && !req.url?.startsWith('/auth/');
    if (flaky && roll < failRate) {
      proxy.stats.failed5xx += 1;
      await body(req);
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'Сервис недоступен', message_en: 'Service unavailable' } }));
      return;
    }
    const drop = flaky && roll < failRate + dropRate;
    const sent = await body(req);
    // The API's local sign-in answers only requests addressed to its own host and port.
    const headers = { ...req.headers, host: upstream.host };
    const out = forward({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        proxy.stats.forwarded += 1;
        if (drop) {
          // The API committed; its answer never reaches the browser.
          proxy.stats.droppedAfterCommit += 1;
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    out.on('error', () => req.socket.destroy());
    out.end(sent);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
