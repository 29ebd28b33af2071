// Serves fixture pages for many sites over one HTTPS server: one throw-away certificate names
// every host, Chromium sends each host here through --host-resolver-rules, and the Host header
// picks the site. So one browser visits classroom.google.com, schools.dnevnik.ru, school.mos.ru…
// as if they were the real sites (and the extension's `matches` apply as there).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface FixtureSite {
  host: string;
  /** The first page whose path matches answers; a single-page app answers one document for many URLs. */
  pages: { path: RegExp; file: URL }[];
}

export interface FixtureSites {
  port: number;
  chromiumArgs: string[];
  close(): Promise<void>;
}

export async function serveSites(sites: readonly FixtureSite[]): Promise<FixtureSites> {
  const hosts = sites.map((site) => site.host);
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) }],
  });
  const files = new Map<string, Buffer>();
  for (const site of sites) for (const page of site.pages) files.set(page.file.href, await readFile(page.file));
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`);
    const site = sites.find((s) => s.host === url.hostname);
    const page = site?.pages.find((p) => p.path.test(url.pathname));
    if (request.method !== 'GET' || !page) {
      response.writeHead(request.method === 'GET' ? 404 : 405).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(files.get(page.file.href));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    chromiumArgs: [
      `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
