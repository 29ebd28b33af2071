// `npm run build:functions`: the Cloud Function as one ES module with its dependencies inside
// (dist/functions/index.mjs + package.json), ready for `gcloud functions deploy --source=dist/functions`.
// One file to read instead of a hundred to resolve and type-strip: the cold start stays small.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import packageJson from '../../package.json' with { type: 'json' };

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/functions/', import.meta.url));

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'functions/index.ts',
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'index.mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
await writeFile(
  `${outDir}package.json`,
  `${JSON.stringify({ name: 'nastavnik-api', version: packageJson.version, private: true, type: 'module', main: 'index.mjs', engines: { node: '>=22' } }, null, 2)}\n`,
);
console.log(`Built ${outDir}index.mjs (deploy with --source=dist/functions --entry-point=api)`);
