// Real Firefox with the built extension, driven over WebDriver BiDi: Firefox's own remote agent
// (`--remote-debugging-port`), spoken over Node 22's WebSocket — no driver, nothing downloaded.
// The extension goes in as a temporary add-on (webExtension.install: unsigned is fine so), under
// an internal UUID fixed in the profile, so its pages are moz-extension://<uuid>/popup.html….
// The fixture sites keep their real host names as in Chromium: Firefox sends every https:// request
// through a small CONNECT proxy that tunnels it to the fixture server (tests/support/fixture-sites.ts),
// and the API on http://127.0.0.1 stays direct (Firefox never proxies loopback).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';

const candidates = process.env.NASTAVNIK_FIREFOX
  ? [process.env.NASTAVNIK_FIREFOX]
  : ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/** The Firefox binary to use, or null. */
export function findFirefox(): string | null {
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

/** The add-on id the Firefox build declares (wxt.config.ts: browser_specific_settings.gecko.id). */
export const addonId = 'nastavnik@nastavnik.school';

export interface BiDi {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export interface FirefoxWithExtension {
  bidi: BiDi;
  /** moz-extension://<uuid>: the extension's pages. */
  extensionBase: string;
  /** Opens a new tab; answers its browsing context id. */
  newTab(): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Runs `expression` (an async function's body, returning JSON-able data) in the page; answers it. */
  evaluate<T>(context: string, body: string): Promise<T>;
  /** Polls `body` until it answers something truthy; answers that. */
  waitFor<T>(context: string, body: string, what: string, timeoutMs?: number): Promise<T>;
  screenshot(context: string, path: string, width?: number, height?: number): Promise<void>;
  /** A real (trusted) click in the middle of the first element `selector` finds. */
  click(context: string, selector: string): Promise<void>;
  /** The console's last lines (pages, content scripts, the background). */
  logs: string[];
  /** The frames inside a tab, with their URLs. */
  frames(context: string): Promise<{ context: string; url: string }[]>;
  close(): Promise<void>;
}

/** Tunnels every CONNECT to the fixture server, whatever host it names. */
async function startTunnel(targetPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((_request, response) => response.writeHead(405).end());
  // A tunnel's sockets leave the HTTP server's hands: closing it must end them itself.
  const open = new Set<Duplex>();
  server.on('connect', (_request, client, head) => {
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function connectBiDi(
  url: string,
  onEvent: (method: string, params: Record<string, unknown>) => void,
): Promise<{ bidi: BiDi; socket: WebSocket }> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot reach Firefox's remote agent at ${url}`)), { once: true });
  });
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      type: string;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.type === 'event') return onEvent(message.method ?? '', message.params ?? {});
    if (message.id === undefined) return;
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'success') call?.resolve(message.result);
    else call?.reject(new Error(`${message.error}: ${message.message}`));
  });
  socket.addEventListener('close', () => {
    for (const call of waiting.values()) call.reject(new Error('Firefox closed the connection'));
    waiting.clear();
  });
  const bidi: BiDi = {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
  };
  return { bidi, socket };
}

/**
 * Starts headless Firefox on a fresh profile (Russian first, the fixture sites through the tunnel
 * to `sitesPort`), installs the unpacked extension at `extensionDir` and answers a way to drive it.
 */
export async function launchFirefoxWithExtension(
  executablePath: string,
  extensionDir: string,
  sitesPort: number,
  /** The browser's time zone (its TZ): the machine's unless given. */
  timezone?: string,
): Promise<FirefoxWithExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'nastavnik-firefox-'));
  const tunnel = await startTunnel(sitesPort);
  const uuid = crypto.randomUUID();
  const prefs: Record<string, string | number | boolean> = {
    'intl.accept_languages': 'ru-RU, ru, en',
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': tunnel.port,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
  };
  await writeFile(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    executablePath,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port',
      '0',
      // BiDi refuses to navigate to moz-extension:// pages without it: the popup and options are such pages.
      '--remote-allow-system-access',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', ...(timezone ? { TZ: timezone } : {}) },
    },
  );
  let said = '';
  const agent = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent in 60 s:\n${said}`)), 60_000);
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(said);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    };
    child.stderr?.on('data', listen);
    child.stdout?.on('data', listen);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before its remote agent started:\n${said}`));
    });
  });
  // What the pages, content scripts and the background said to the console: for a failure's message.
  const logs: string[] = [];
  const { bidi, socket } = await connectBiDi(`${agent}/session`, (method, params) => {
    if (method !== 'log.entryAdded') return;
    const source = (params.source as { context?: string } | undefined)?.context ?? 'background';
    logs.push(`[${params.level}] ${source}: ${params.text}`);
    if (logs.length > 200) logs.shift();
  });
  const close = async () => {
    await bidi.send('browser.close').catch(() => undefined);
    socket.close();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      await exited;
    }
    await tunnel.close();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    const installed = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    if (installed.extension !== addonId) throw new Error(`installed ${installed.extension}, expected ${addonId}`);
  } catch (error) {
    await close();
    throw error;
  }

  const evaluate = async <T>(context: string, body: string): Promise<T> => {
    const answer = await bidi.send<EvaluateResult>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (answer.type === 'exception') throw new Error(`in the page: ${answer.exceptionDetails?.text}`);
    return JSON.parse(String(answer.result?.value)) as T;
  };
  return {
    bidi,
    extensionBase: `moz-extension://${uuid}`,
    newTab: async () => (await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context,
    navigate: async (context, url) => {
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    evaluate,
    waitFor: async <T>(context: string, body: string, what: string, timeoutMs = 20_000): Promise<T> => {
      const until = Date.now() + timeoutMs;
      let last: unknown;
      for (;;) {
        try {
          const value = await evaluate<T>(context, body);
          if (value) return value;
          last = value;
        } catch (error) {
          last = error;
        }
        if (Date.now() > until)
          throw new Error(
            `Firefox: ${what} did not come in ${timeoutMs / 1000} s (last: ${String(last)}); the console said:\n${logs.slice(-30).join('\n')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    screenshot: async (context, path, width = 1280, height = 800) => {
      await bidi.send('browsingContext.setViewport', { context, viewport: { width, height } });
      const shot = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
      await writeFile(path, Buffer.from(shot.data, 'base64'));
    },
    logs,
    click: async (context, selector) => {
      const at = await evaluate<{ x: number; y: number } | null>(
        context,
        `const element = document.querySelector(${JSON.stringify(selector)});
         if (!element) return null;
         element.scrollIntoView({ block: 'center' });
         const box = element.getBoundingClientRect();
         return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };`,
      );
      if (!at) throw new Error(`Firefox: nothing to click at ${selector}`);
      await bidi.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            actions: [
              { type: 'pointerMove', x: at.x, y: at.y },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    frames: async (context) => {
      type Node = { context: string; url: string; children?: Node[] | null };
      const { contexts } = await bidi.send<{ contexts: Node[] }>('browsingContext.getTree', { root: context });
      const all: { context: string; url: string }[] = [];
      const walk = (nodes: Node[] | null | undefined) => {
        for (const node of nodes ?? []) {
          all.push({ context: node.context, url: node.url });
          walk(node.children);
        }
      };
      walk(contexts[0]?.children);
      return all;
    },
    close,
  };
}
