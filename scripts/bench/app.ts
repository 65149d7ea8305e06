// The app page's budgets (DESIGN.md §5):
// - initial JavaScript: a production build with Vite; every script the page loads before it runs (entry and
//   modulepreloads named in the built index.html), gzipped with zlib at level 9, per chunk and in total;
// - rendering a 500-session history: in headless Chromium (Debian's), a production build of a bench page
//   renders the clinician view (real core, real mapper, real components) for a generated weekly history;
//   scripting = render call to committed DOM (flushSync), plus render call to the next frame (style and
//   layout included); median of 7 runs after a warm-up.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { launchChromium, median } from '../chromium';
import { build } from 'vite';
import type { BenchRow } from '../bench';

const BUDGET_KB = 150;
const SESSIONS = 500;
/** About 4,500 rows (an ORS and an SRS a session, a WAI-SR every fourth). */
const SHOW_ALL_SESSIONS = 2_000;
const LONG_TASK_BUDGET_MS = 100;

async function initialChunks(): Promise<BenchRow[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'tf-build-'));
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const scripts = [
      ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    const rows = scripts.map((file): BenchRow => ({
      name: `initial chunk ${file.replace(/-[\w-]{8}\.js$/, '.js')}`,
      value: gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024,
      unit: 'KB gz',
    }));
    const total = rows.reduce((sum, r) => sum + r.value, 0);
    return [
      ...rows,
      {
        name: 'initial JavaScript of the app page',
        value: total,
        unit: 'KB gz',
        target: `≤ ${BUDGET_KB}`,
        meets: total <= BUDGET_KB,
      },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const BENCH_ORIGIN = 'http://bench.invalid';

/** Builds the bench page (its entry imports app-render.ts) into a temporary directory. */
async function buildBenchPage(dir: string): Promise<void> {
  const renderModule = join(import.meta.dirname, 'app-render.ts');
  // The app page's own styles: the table's scroll box and layout decide what a slice of rows costs to draw.
  const styles = ['base.css', 'app.css', 'print.css']
    .map((file) => `import ${JSON.stringify(join(import.meta.dirname, '../../src/ui/styles', file))};\n`)
    .join('');
  writeFileSync(
    join(dir, 'main.ts'),
    `${styles}import { measureShowAll, runRenderBench } from ${JSON.stringify(renderModule)};\nrunRenderBench(${SESSIONS}).then((t) => { (window as unknown as { benchResult: unknown }).benchResult = t; })` +
      `.then(() => measureShowAll(${SHOW_ALL_SESSIONS})).then((r) => { (window as unknown as { showAllResult: unknown }).showAllResult = r; })` +
      `.catch((e: unknown) => { (window as unknown as { showAllResult: unknown }).showAllResult = { error: String(e) }; });\n`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><body><script type="module" src="./main.ts"></script></body></html>',
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: join(dir, 'dist'), emptyOutDir: true },
  });
}

async function renderTime(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-render-'));
  const browser = await launchChromium();
  try {
    await buildBenchPage(dir);
    const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
    // Served from memory: no server, no port.
    await page.route(`${BENCH_ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(dir, 'dist', path === '/' ? 'index.html' : path);
      return route.fulfill({
        body: readFileSync(file),
        // A stylesheet served as anything but text/css is ignored: the page would be drawn without the app's styles.
        contentType: file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html',
      });
    });
    await page.goto(`${BENCH_ORIGIN}/`);
    const timings = await page.waitForFunction(
      () => (window as unknown as { benchResult?: { scripting: number; toFrame: number }[] }).benchResult,
      undefined,
      { timeout: 120_000 },
    );
    const runs = (await timings.jsonValue()) ?? [];
    const scripting = median(runs.map((r) => r.scripting));
    const showAll = await page.waitForFunction(
      () =>
        (
          window as unknown as {
            showAllResult?: {
              rows: number;
              longestTaskMs: number;
              longTasks: number;
              allRowsMs: number;
              error?: string;
            };
          }
        ).showAllResult,
      undefined,
      { timeout: 300_000 },
    );
    const shown = (await showAll.jsonValue())!;
    if (shown.error) throw new Error(shown.error);
    return [
      {
        name: `"Show all" on ${shown.rows.toLocaleString('en-US')} rows, longest task (Chromium)`,
        value: shown.longestTaskMs,
        unit: 'ms',
        target: `≤ ${LONG_TASK_BUDGET_MS}`,
        meets: shown.longestTaskMs <= LONG_TASK_BUDGET_MS,
      },
      {
        name: `"Show all" on ${shown.rows.toLocaleString('en-US')} rows, tasks over ${LONG_TASK_BUDGET_MS} ms`,
        value: shown.longTasks,
        unit: 'tasks',
      },
      {
        name: `"Show all" on ${shown.rows.toLocaleString('en-US')} rows, until the last row is drawn (read a box height a frame)`,
        value: shown.allRowsMs,
        unit: 'ms',
      },
      {
        name: `render ${SESSIONS}-session history, first screen, scripting (Chromium, median)`,
        value: scripting,
        unit: 'ms',
        target: '< 50',
        meets: scripting < 50,
      },
      {
        name: `render ${SESSIONS}-session history, whole view (details in a second render), to the frame after (Chromium, median)`,
        value: median(runs.map((r) => r.toFrame)),
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function appBench(): Promise<readonly BenchRow[]> {
  const started = performance.now();
  const rows = [...(await initialChunks()), ...(await renderTime())];
  console.error(`app bench took ${Math.round(performance.now() - started)} ms`);
  return rows;
}
