import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wxtBin = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));

/**
 * Builds the extension for the API at `apiUrl` with WXT, into `outDir/chrome-mv3` (or, for
 * `browser: 'firefox'`, `outDir/firefox-mv2`: Firefox's default manifest version).
 */
export async function buildExtension(apiUrl: string, options: { outDir?: string; browser?: 'chrome' | 'firefox' } = {}): Promise<string> {
  const outDir = options.outDir ?? '.output';
  const browser = options.browser ?? 'chrome';
  const output: Buffer[] = [];
  const child = spawn(process.execPath, [wxtBin, 'build', '-b', browser], {
    cwd: root,
    env: { ...process.env, WXT_API_URL: apiUrl, NASTAVNIK_EXTENSION_OUT: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`wxt build failed (exit ${code}):\n${Buffer.concat(output).toString()}`);
  return resolve(root, outDir, browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}
