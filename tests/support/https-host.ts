// Serves fixture pages over HTTPS with a throw-away certificate for a site's real host name;
// Chromium reaches it through --host-resolver-rules, so the extension's `matches` apply as on the
// real site.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface FixtureHost {
  port: number;
  /** The Chromium flags that send `hostName` to this server and accept its certificate. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/** Every GET answers `page` (the site is a single-page app: one document, many URLs). */
export async function serveFixture(hostName: string, page: URL): Promise<FixtureHost> {
  const pems = await generate([{ name: 'commonName', value: hostName }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: hostName }] }],
  });
  const html = await readFile(page);
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    chromiumArgs: [`--host-resolver-rules=MAP ${hostName} 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
