// `npm run bench:dashboard` — the curator's dashboard in Chromium (issue 12):
//   - first meaningful paint of the home screen on the demo school (the seven stages and the KPI
//     tiles drawn with real data), median of 7 loads; target ≤ 1 s;
//   - the mentees' base with 2,000 pupils (the demo school plus generated pupils), scrolled from
//     top to bottom and back: long tasks (≥ 50 ms) while scrolling; target none;
//   - the page's own JavaScript: what home loads, and every screen's code, raw and gzipped.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { findChromium, launchWithExtension } from '../support/chromium.ts';
import { freshDatabase } from '../support/database.ts';
import { signIn } from '../support/extension-pages.ts';

const curator = 'a.korolev2@school17.example.ru';
const rows = 2000;
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('Chromium не найден / Chromium is missing (apt-get install chromium)');
  process.exit(2);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-bench-dashboard-'));
const database = await freshDatabase();
await database.db.close();
const server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
const extensionDir = await buildExtension(server.url, { outDir: '.output/bench-dashboard' });
const browser = await launchWithExtension(chromiumPath, extensionDir);
try {
  await signIn(browser, curator);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const base = `chrome-extension://${browser.extensionId}/dashboard.html`;
  const scripts = new Map<string, string[]>();
  let screen = 'home';
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.protocol === 'chrome-extension:' && url.pathname.endsWith('.js'))
      scripts.set(screen, [...(scripts.get(screen) ?? []), url.pathname]);
  });

  // Home: from navigation to the stages and the KPI tiles with the school's figures.
  const paints: number[] = [];
  for (let run = 0; run < 8; run++) {
    await page.goto('about:blank');
    await page.goto(`${base}#/home`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="home-stage-7"]') && document.querySelector('[data-testid="kpi-students"]'),
      null,
      {
        polling: 'raf',
        timeout: 15_000,
      },
    );
    const at = await page.evaluate(() => performance.now());
    if (run > 0) paints.push(at); // the first load warms the API's caches and the service worker
  }

  // The mentees' base of 2,000 pupils.
  await server.db.asService(async (db) => {
    const {
      rows: [school],
    } = await db.query<{ id: string; class_id: string }>(
      `select o.id, (select c.id from public.classes c where c.organisation_id = o.id order by c.grade desc limit 1) as class_id
       from public.organisations o where o.kind = 'school' limit 1`,
    );
    const {
      rows: [count],
    } = await db.query<{ n: number }>("select count(*)::int as n from public.people where kind = 'student'");
    await db.query(
      `insert into public.people (organisation_id, kind, last_name, first_name, class_id)
       select $1, 'student', 'Ученик' || n, 'Тест', $2 from generate_series(1, $3) n`,
      [school?.id, school?.class_id, rows - (count?.n ?? 0)],
    );
  });
  screen = 'stage-2';
  await page.goto(`${base}#/stage-2`);
  const table = page.getByTestId('base-table');
  await table.waitFor({ timeout: 30_000 });
  const shown = Number(await table.getAttribute('data-rows'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])) as Record<string, number>;
  /** Frames of the page with long tasks observed: scrolling the table by `step` px a frame, or idle (step 0). */
  const frames = (step: number, limit: number) =>
    page.evaluate(
      async ({ step, limit }) => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const scroller = document.querySelector('[data-testid="base-table-scroller"]') as HTMLElement;
        const durations: number[] = [];
        let last = performance.now();
        for (const direction of step ? [1, -1] : [1]) {
          for (let i = 0; i < limit; i++) {
            scroller.scrollTop += direction * step;
            await new Promise(requestAnimationFrame);
            const now = performance.now();
            durations.push(now - last);
            last = now;
            const end = direction > 0 ? scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight : scroller.scrollTop === 0;
            if (step && end) break;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        observer.disconnect();
        return { tasks, frames: durations, rowsInDom: document.querySelectorAll('[data-testid="base-table-row"]').length };
      },
      { step, limit },
    );
  // The machine's own noise first: the same page, idle, for as many frames.
  const idle = await frames(0, 300);
  // A fast wheel or trackpad: 200 px a frame (12,000 px/s), from the top to the bottom and back.
  const before = await metrics();
  const scroll = await frames(200, 1000);
  const after = await metrics();
  const spent = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000).toFixed(0);
  // What a frame of scrolling restyles and lays out, from Chrome's trace: counts of elements and
  // layout objects, which the machine's load does not change (the times above it does).
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReturnAsStream' });
  const traced = await frames(200, 100);
  const stream = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', async ({ stream }) => {
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream as string });
        text += chunk.data;
        if (chunk.eof) break;
      }
      resolve(text);
    }),
  );
  await cdp.send('Tracing.end');
  const trace = JSON.parse(await stream) as {
    traceEvents: { name: string; args?: { elementCount?: number; beginData?: { dirtyObjects?: number } } }[];
  };
  const restyled = trace.traceEvents.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount ?? 0);
  const relaid = trace.traceEvents.filter((e) => e.name === 'Layout').map((e) => e.args?.beginData?.dirtyObjects ?? 0);
  const perFrame = (counts: number[]) => (counts.reduce((sum, n) => sum + n, 0) / traced.frames.length).toFixed(0);

  // Every screen's code: open each stage once.
  for (const id of ['stage-1', 'stage-3', 'stage-4', 'stage-5']) {
    screen = id;
    await page.goto(`${base}#/${id}`);
    await page.getByTestId(`screen-${id}`).waitFor();
    await page.waitForTimeout(300);
  }
  const size = async (paths: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const path of new Set(paths)) {
      const bytes = await readFile(join(extensionDir, path));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    return { raw, gzip };
  };
  const home = await size(scripts.get('home') ?? []);
  const all = await size([...scripts.values()].flat());

  const paint = median(paints);
  const longest = Math.max(0, ...scroll.tasks);
  const worstFrame = Math.max(0, ...scroll.frames);
  console.log('\nПанель куратора / The curator dashboard');
  console.log(
    `  first meaningful paint of home (median of ${paints.length}): ${paint.toFixed(0)} ms  [${paints.map((p) => p.toFixed(0)).join(', ')}]  target ≤ 1000 ms: ${paint <= 1000 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  the same page idle for ${idle.frames.length} frames (the machine's own noise): ${idle.tasks.length} long tasks (longest ${Math.max(0, ...idle.tasks).toFixed(0)} ms)`,
  );
  console.log(
    `  base of ${shown} rows, scrolled top to bottom and back in ${scroll.frames.length} frames: ${scroll.tasks.length} long tasks (longest ${longest.toFixed(0)} ms), worst frame ${worstFrame.toFixed(0)} ms, ${scroll.rowsInDom} rows in the DOM; the page's main thread spent ${spent('ScriptDuration')} ms in script, ${spent('LayoutDuration')} ms in layout, ${spent('RecalcStyleDuration')} ms in style over ${spent('TaskDuration')} ms of tasks  target no long task: ${scroll.tasks.length === 0 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  per frame of that scrolling (Chrome's trace, ${traced.frames.length} frames): ${perFrame(restyled)} elements restyled, ${perFrame(relaid)} layout objects laid out again`,
  );
  console.log(
    `  the page's own JavaScript: home ${kb(home.raw)} (${kb(home.gzip)} gzipped); with every stage 1–5 screen ${kb(all.raw)} (${kb(all.gzip)} gzipped)`,
  );
} finally {
  await browser.close();
  await server.close();
  await database.dispose();
  await rm(dataDir, { recursive: true, force: true });
}
