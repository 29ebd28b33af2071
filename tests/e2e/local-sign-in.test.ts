// Local mode's sign-in is for this machine only (issue #9, part 5). In real Chromium, a web page
// tries to mint the head's token from the local API two ways: by DNS rebinding (its own domain
// resolved to 127.0.0.1, so its requests are same-origin and carry its own Host), and by calling
// 127.0.0.1 directly from another origin. Both are refused by the server itself, not only by CORS.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/local/server.ts';
import { chromiumArgs, findChromium } from '../support/chromium.ts';
import { type ServerStack, startServerStack } from '../support/e2e-stack.ts';

const chromiumPath = findChromium();
const head = 'v.voronina@school17.example.ru';

describe.skipIf(!chromiumPath)('local sign-in and other web pages', () => {
  let stack: ServerStack;
  let server: LocalServer;
  let attacker: Server;
  let attackerPort: number;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startServerStack({ name: 'local-sign-in' });
    ({ server } = stack);
    // The attacker's own site: a blank page on another origin of this machine.
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Чужой сайт</title><p>Ничего интересного</p>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerPort = (attacker.address() as AddressInfo).port;
    browser = await chromium.launch({
      executablePath: chromiumPath as string,
      headless: true,
      args: [
        ...chromiumArgs,
        // Both names resolve to this machine: what a rebinding attacker's DNS answers.
        '--host-resolver-rules=MAP rebind.example 127.0.0.1, MAP attacker.example 127.0.0.1',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await stack?.close();
  });

  it('the demo sign-in works from this machine (curl-like, no Origin)', async () => {
    const response = await fetch(`${server.url}/auth/v1/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: head }),
    });
    expect(response.status).toBe(200);
  });

  it('a page that rebinds its own domain to 127.0.0.1 gets no list of people and no token', async () => {
    const port = new URL(server.url).port;
    const page = await browser.newPage();
    await page.goto(`http://rebind.example:${port}/health`);
    const answers = await page.evaluate(async (email) => {
      const users = await fetch('/auth/v1/dev/users');
      const token = await fetch('/auth/v1/dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return { users: users.status, token: token.status, body: await token.text() };
    }, head);
    expect(answers.users).toBe(403);
    expect(answers.token).toBe(403);
    expect(answers.body).not.toContain('access_token');
    await page.close();
  });

  it('a page of another origin calling 127.0.0.1 directly is refused by the server', async () => {
    const page = await browser.newPage();
    const seen: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/auth/v1/dev/')) seen.push(response.status());
    });
    await page.goto(`http://attacker.example:${attackerPort}/`);
    const read = await page.evaluate(
      async ({ api, email }) => {
        // A "simple" request (text/plain) goes out without a preflight; its answer is opaque to the page.
        await fetch(`${api}/auth/v1/dev/token`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ email }) });
        await fetch(`${api}/auth/v1/dev/users`, { mode: 'no-cors' });
        try {
          const response = await fetch(`${api}/auth/v1/dev/users`);
          return await response.text();
        } catch {
          return 'blocked';
        }
      },
      { api: server.url, email: head },
    );
    expect(read).toBe('blocked');
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(seen, JSON.stringify(seen)).toEqual(seen.map(() => 403));
    await page.close();
  });
});
