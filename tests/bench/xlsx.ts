// `npm run bench:xlsx`: the roster import's XLSX reader (functions/services/roster-import/xlsx.ts,
// fflate + a small XML scanner) against exceljs and read-excel-file, on the roster fixtures
// (tests/fixtures/rosters/*.xlsx) and a generated sheet of 2,000 pupils. For each reader:
// - bundle: what it adds to the functions bundle (built as functions/local/bundle.ts builds it:
//   Vite SSR, everything inlined, not minified), raw and gzipped;
// - import: the cold import of the bundled module (what a Cloud Function's cold start pays);
// - parse: the first sheet to rows of strings: the first (cold) parse, then the median of --runs,
//   wall-clock and CPU time (on a shared machine the CPU time is the figure to compare);
// - memory: the peak RSS the first parse adds (each reader and file in its own process);
// - agrees: every non-empty cell the same as ours (dates as YYYY-MM-DD, numbers as written).
// A library that is not installed is reported as such (`npm i --no-save read-excel-file@9.3.17`).
// Options: --runs N (default 15), --rows N (the generated sheet, default 2000).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/rosters/', import.meta.url));

type Grid = string[][];
type ReaderName = 'ours' | 'exceljs' | 'read-excel-file';
const readers: ReaderName[] = ['ours', 'exceljs', 'read-excel-file'];

/** Each reader's entry, bundled on its own: one function from bytes to the first sheet's rows of strings. */
const entries: Record<ReaderName, string> = {
  ours: `import { openXlsx } from ${JSON.stringify(join(root, 'functions/services/roster-import/xlsx.ts'))};
export async function read(bytes) {
  const opened = openXlsx(bytes);
  if (!opened.ok) throw new Error(opened.detail);
  const grid = [];
  for (const row of opened.book.readSheet(0, 1e7).rows) grid[row.line - 1] = row.cells;
  return grid;
}`,
  exceljs: `import ExcelJS from 'exceljs';
const text = (value) => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return text(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
};
export async function read(bytes) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const grid = [];
  book.worksheets[0].eachRow({ includeEmpty: false }, (row, line) => {
    grid[line - 1] = (row.values ?? []).slice(1).map(text);
  });
  return grid;
}`,
  'read-excel-file': `import readExcelFile from 'read-excel-file/node';
const text = (value) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
export async function read(bytes) {
  const [first] = await readExcelFile(Buffer.from(bytes));
  return first.data.map((row) => row.map(text));
}`,
};

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    rows: { type: 'string', default: '2000' },
    // Internal: one reader's bundle on one file, printed as JSON.
    child: { type: 'string' },
    file: { type: 'string' },
    'show-differences': { type: 'boolean', default: false },
  },
});

interface ChildResult {
  importMs: number;
  firstMs: number;
  medianMs: number;
  /** CPU time (user + system) of the parse: what a busy machine's other work does not inflate. */
  medianCpuMs: number;
  peakMb: number;
  grid: Grid;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function statusKb(field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(match?.[1] ?? Number.NaN);
}

async function child(bundle: string, file: string, runs: number): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const importStart = performance.now();
  const { read } = (await import(pathToFileURL(bundle).href)) as { read: (bytes: Uint8Array) => Promise<Grid> };
  const importMs = performance.now() - importStart;
  globalThis.gc?.();
  // Linux: «5» into clear_refs resets the peak RSS (VmHWM) to the current RSS, so the peak read after
  // the parse is the parse's own.
  writeFileSync('/proc/self/clear_refs', '5');
  const before = statusKb('VmRSS');
  const firstStart = performance.now();
  const grid = await read(bytes);
  const firstMs = performance.now() - firstStart;
  const peakMb = (statusKb('VmHWM') - before) / 1024;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await read(bytes);
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  process.stdout.write(
    JSON.stringify({ importMs, firstMs, medianMs: median(times), medianCpuMs: median(cpuTimes), peakMb, grid } satisfies ChildResult),
  );
}

function installed(name: ReaderName): boolean {
  if (name === 'ours') return true;
  try {
    createRequire(import.meta.url).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/** The reader's entry bundled as the functions are; its size raw and gzipped. */
async function bundle(name: ReaderName, dir: string): Promise<{ path: string; bytes: number; gzipBytes: number }> {
  const out = join(dir, name);
  const entry = join(dir, `${name}-entry.mjs`);
  writeFileSync(entry, entries[name]);
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: entry,
      outDir: out,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: { output: { entryFileNames: 'index.mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  const files = readdirSync(out).filter((file) => file.endsWith('.mjs'));
  const bytes = files.reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(out, file))).length, 0);
  return { path: join(out, 'index.mjs'), bytes, gzipBytes };
}

/** A class list of `count` pupils as an e-journal exports it: ФИО, class, date of birth, sex, e-mail. */
async function generatedSheet(count: number, dir: string): Promise<string> {
  const { writeXlsx } = await import('../fixtures/rosters/xlsx-writer.ts');
  const lasts = ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Васильев', 'Петрова', 'Соколов', 'Михайлова', 'Новиков', 'Фёдорова'];
  const firsts = ['Александр', 'Мария', 'Дмитрий', 'Анна', 'Максим', 'Елена', 'Иван', 'Софья', 'Артём', 'Алиса'];
  const rows = Array.from({ length: count }, (_, i) => [
    i + 1,
    `${lasts[i % 10]} ${firsts[(i * 7) % 10]} ${i % 2 ? 'Ивановна' : 'Петрович'}`,
    `${1 + (i % 11)}${'АБВГ'[i % 4]}`,
    { date: `20${String(10 + (i % 8)).padStart(2, '0')}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}` },
    i % 2 ? 'Ж' : 'М',
    `pupil${i}@school17.example.ru`,
  ]);
  const path = join(dir, `generated-${count}.xlsx`);
  writeFileSync(path, writeXlsx([{ name: 'Список', rows: [['№', 'ФИО', 'Класс', 'Дата рождения', 'Пол', 'E-mail'], ...rows] }]));
  return path;
}

/** Cells that differ from ours, trailing empties and blank rows ignored. */
function differences(ours: Grid, theirs: Grid, show = false): number {
  const trim = (row: string[] | undefined) => {
    const cells = (row ?? []).map((cell) => cell.trim());
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    return cells;
  };
  let differ = 0;
  for (let line = 0; line < Math.max(ours.length, theirs.length); line++) {
    const a = trim(ours[line]);
    const b = trim(theirs[line]);
    for (let column = 0; column < Math.max(a.length, b.length); column++) {
      if ((a[column] ?? '') === (b[column] ?? '')) continue;
      differ++;
      if (show && differ <= 5)
        console.log(
          `    line ${line + 1}, column ${column + 1}: ours ${JSON.stringify(a[column] ?? '')}, theirs ${JSON.stringify(b[column] ?? '')}`,
        );
    }
  }
  return differ;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const runs = Number(values.runs);
  // Inside the project, so the entries resolve its node_modules.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/bench-xlsx-'));
  try {
    const files = readdirSync(fixtures)
      .filter((file) => file.endsWith('.xlsx'))
      .map((file) => join(fixtures, file));
    files.push(await generatedSheet(Number(values.rows), dir));
    const available = readers.filter(installed);
    for (const name of readers.filter((reader) => !available.includes(reader)))
      console.log(
        `${name}: not installed — npm i --no-save ${name === 'exceljs' ? 'exceljs@4.4.0' : 'read-excel-file@9.3.17'} to measure it`,
      );

    const bundles = new Map<ReaderName, Awaited<ReturnType<typeof bundle>>>();
    for (const name of available) bundles.set(name, await bundle(name, dir));
    console.log('\nbundle added to the functions bundle (Vite SSR, not minified) and cold import of it');
    console.log('| reader | bundle | gzipped | cold import |');
    console.log('| --- | --- | --- | --- |');

    const results = new Map<string, ChildResult>();
    for (const name of available) {
      for (const file of files) {
        const run = spawnSync(
          process.execPath,
          ['--expose-gc', fileURLToPath(import.meta.url), '--child', bundles.get(name)?.path ?? '', '--file', file, '--runs', String(runs)],
          { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
        );
        if (run.status !== 0) throw new Error(`${name} on ${file}: ${run.stderr}`);
        results.set(`${name} ${file}`, JSON.parse(run.stdout) as ChildResult);
      }
    }
    for (const name of available) {
      const built = bundles.get(name);
      const imports = files.map((file) => results.get(`${name} ${file}`)?.importMs ?? Number.NaN);
      if (built) console.log(`| ${name} | ${kb(built.bytes)} | ${kb(built.gzipBytes)} | ${ms(median(imports))} |`);
    }

    console.log(`\nparse (first sheet to rows of strings): median of ${runs} after a first, cold parse; peak RSS the first parse added`);
    console.log('| file | reader | cold | median | median CPU time | peak memory | cells unlike ours |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const file of files) {
      const ours = results.get(`ours ${file}`);
      for (const name of available) {
        const result = results.get(`${name} ${file}`);
        if (!result || !ours) continue;
        const label = file.startsWith(fixtures) ? file.slice(fixtures.length) : `generated, ${values.rows} rows`;
        console.log(
          `| ${label} | ${name} | ${ms(result.firstMs)} | ${ms(result.medianMs)} | ${ms(result.medianCpuMs)} | ${result.peakMb.toFixed(1)} MB | ${differences(ours.grid, result.grid)} |`,
        );
        if (values['show-differences']) differences(ours.grid, result.grid, true);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.child) await child(values.child, values.file ?? '', Number(values.runs));
else await main();
