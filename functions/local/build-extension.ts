import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wxtBin = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));

/** Builds the extension for the API at `apiUrl` into `outDir/chrome-mv3` with WXT. */
export async function buildExtension(apiUrl: string, options: { outDir?: string } = {}): Promise<string> {
  const outDir = options.outDir ?? '.output';
  const output: Buffer[] = [];
  const child = spawn(process.execPath, [wxtBin, 'build'], {
    cwd: root,
    env: { ...process.env, WXT_API_URL: apiUrl, NASTAVNIK_EXTENSION_OUT: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`wxt build failed (exit ${code}):\n${Buffer.concat(output).toString()}`);
  return join(root, outDir, 'chrome-mv3');
}
