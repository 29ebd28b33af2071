// The Cloud Function as one ES module with its dependencies inside (index.mjs + package.json),
// ready for `gcloud functions deploy --source=<outDir>`. One file to read instead of a hundred to
// resolve and type-strip: the cold start stays small. Local mode's parts (the demo signer, the demo
// loader, the dev sign-in) are not imported by functions/index.ts and so never reach it.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import packageJson from '../../package.json' with { type: 'json' };

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Packages the bundle imports rather than holds (see rollupOptions.external below). */
const external = ['@google-cloud/pubsub'];

export const defaultOutDir = fileURLToPath(new URL('../../dist/functions/', import.meta.url));

/** Builds the bundle into `outDir` (emptied first); answers the path of its entry module. */
export async function buildFunctions(outDir = defaultOutDir): Promise<string> {
  const dir = outDir.endsWith('/') ? outDir : `${outDir}/`;
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: 'functions/index.ts',
      outDir: dir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      // The Pub/Sub client (gRPC, google-gax) reads its protos from disk beside its own files: it stays
      // a package, installed on deploy from the bundle's package.json, and loads only when used.
      rollupOptions: {
        external: external,
        output: { entryFileNames: 'index.mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  await writeFile(
    `${dir}package.json`,
    `${JSON.stringify(
      {
        name: 'nastavnik-api',
        version: packageJson.version,
        private: true,
        type: 'module',
        main: 'index.mjs',
        engines: { node: '>=22' },
        dependencies: Object.fromEntries(
          external.map((name) => [name, packageJson.dependencies[name as keyof typeof packageJson.dependencies]]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  return `${dir}index.mjs`;
}
