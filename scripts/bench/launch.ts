// Bench section: an EHR launch of the seed's long-history client, in headless Chromium against the local
// sandbox (DESIGN.md §5: after the token, at most 2 FHIR round trips and the first chart within 1.5 s).
//
// How: the sandbox serves a production build of the app. Each run gets a fresh browser context (empty cache
// and sessionStorage), opens the EHR page, picks the client and presses "Launch app", so the app goes
// launch.html → authorize → index.html → token → FHIR inside the EHR's iframe. One warm-up launch first
// (the sandbox's first searches pay for JIT compilation, which a running server has long paid), then RUNS.
// - t0: the token response fully received (POST /auth/token, sent by the app page itself).
// - First chart: the first animation frame in which a dashboard chart's SVG is attached with a visible,
//   non-empty box (a MutationObserver in the page: no polling delay).
// - Both are read from the app page's own clock (Resource Timing and performance.now()).
// - A round trip: one link of the longest chain of FHIR requests in which each request starts only after
//   the previous one has answered. Requests in flight together share one round trip; a batch Bundle is one
//   request. Only requests started between t0 and the first chart count.
// - Launch URL → first chart: from the launch page's time origin (navigation to the launch URL) to the chart,
//   across the two documents through their performance.timeOrigin (both on the browser's wall clock).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { build } from 'vite';
import { startSandbox, REPO_ROOT, type Sandbox } from '../../src/node/sandbox/sandbox';
import { CLIENT_STORIES, sandboxClients } from '../../src/node/sandbox/seed';
import type { BenchRow } from '../bench';
import { launchChromium, median } from '../chromium';
import { FIRST_CHART_SELECTOR, launchFigures, launchProbe, PROBE_BINDING, resourceEntries, type LaunchFigures, type ProbeMark } from './launch-probe';

const RUNS = 5;
const ROUND_TRIP_BUDGET = 2;
const TOKEN_TO_CHART_BUDGET_MS = 1500;
const CHART_TIMEOUT_MS = 60_000;

interface LaunchRun extends LaunchFigures {
  readonly launchToChartMs: number;
}

/** The seeded client with the most sessions (the "more than 200 weekly sessions" story). */
function longHistoryClient(): { readonly patientId: string; readonly name: string; readonly sessions: number } {
  const story = [...CLIENT_STORIES].sort((a, b) => b.sessions.length - a.sessions.length)[0];
  const client = sandboxClients().find((c) => c.patientId === story?.id);
  if (!story || !client) throw new Error('launch bench: the seed has no clients');
  return { patientId: client.patientId, name: client.name, sessions: story.sessions.length };
}

async function responseCount(sandbox: Sandbox, patientId: string): Promise<number> {
  const answer = await sandbox.engine.handle({ method: 'GET', path: `QuestionnaireResponse?subject=Patient/${patientId}&_summary=count` });
  const total = (answer.body as { total?: unknown } | undefined)?.total;
  if (typeof total !== 'number') throw new Error(`launch bench: no response count (status ${answer.status})`);
  return total;
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Resolves once no request of the page is in flight (the chart may come before late requests end). */
function trackInFlight(page: Page): { settled(): Promise<void> } {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  return {
    async settled() {
      for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function launchOnce(browser: Browser, sandbox: Sandbox, patientId: string): Promise<LaunchRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const marks: ProbeMark[] = [];
    let chartFrame: (frame: Frame) => void = () => undefined;
    const charted = new Promise<Frame>((resolve) => (chartFrame = resolve));
    await context.exposeBinding(PROBE_BINDING, ({ frame }, mark: ProbeMark) => {
      marks.push(mark);
      if (mark.kind === 'chart') chartFrame(frame);
    });
    await context.addInitScript(launchProbe, { binding: PROBE_BINDING, selector: FIRST_CHART_SELECTOR });
    const page = await context.newPage();
    const requests = trackInFlight(page);
    await page.goto(`${sandbox.url}/ehr/`);
    await page.locator(`input[name="patient"][value="${patientId}"]`).check();
    await page.getByRole('button', { name: 'Launch app' }).click();
    const frame = await withTimeout(charted, CHART_TIMEOUT_MS, `launch bench: no chart within ${CHART_TIMEOUT_MS} ms of "Launch app"`);
    await requests.settled();
    const chart = marks.find((m) => m.kind === 'chart');
    const launchPage = marks.find((m) => m.kind === 'document' && m.path === '/launch.html');
    if (chart?.kind !== 'chart' || !launchPage) throw new Error('launch bench: the launch page or the chart was not marked');
    const figures = launchFigures(await frame.evaluate(resourceEntries), chart.drawnAt);
    return { ...figures, launchToChartMs: chart.timeOrigin + chart.drawnAt - launchPage.timeOrigin };
  } finally {
    await context.close();
  }
}

function logWaterfall(run: LaunchRun): void {
  console.error('launch bench, median launch: requests of the app page (ms from the token response):');
  const ms = (t: number) => String(Math.round(t) || 0).padStart(6);
  for (const r of run.waterfall) console.error(`  ${ms(r.startTime)} → ${ms(r.responseEnd)}  ${r.path}`);
  console.error(`  first chart drawn at ${ms(run.tokenToChartMs)}`);
}

function rows(runs: readonly LaunchRun[], client: ReturnType<typeof longHistoryClient>, responses: number): BenchRow[] {
  const worst = (pick: (r: LaunchRun) => number) => Math.max(...runs.map(pick));
  const roundTrips = worst((r) => r.fhirRoundTrips);
  const tokenToChart = median(runs.map((r) => r.tokenToChartMs));
  const of = `${runs.length} launches`;
  return [
    { name: `history launched: sessions (${responses} responses)`, value: client.sessions, unit: 'sessions' },
    { name: `FHIR round trips after token to first chart, worst of ${of}`, value: roundTrips, unit: 'round trips', target: `≤ ${ROUND_TRIP_BUDGET}`, meets: roundTrips <= ROUND_TRIP_BUDGET },
    { name: `FHIR requests after token to first chart, worst of ${of}`, value: worst((r) => r.fhirRequests), unit: 'requests' },
    { name: `all requests after token to first chart (code, config, FHIR), worst`, value: worst((r) => r.allRequests), unit: 'requests' },
    { name: `token → first chart, median of ${of}`, value: tokenToChart, unit: 'ms', target: `≤ ${TOKEN_TO_CHART_BUDGET_MS}`, meets: tokenToChart <= TOKEN_TO_CHART_BUDGET_MS },
    { name: `token → first chart, max of ${of}`, value: worst((r) => r.tokenToChartMs), unit: 'ms' },
    { name: `launch URL → first chart, median of ${of}`, value: median(runs.map((r) => r.launchToChartMs)), unit: 'ms' },
    { name: `launch URL → first chart, max of ${of}`, value: worst((r) => r.launchToChartMs), unit: 'ms' },
  ];
}

export async function launchBench(): Promise<readonly BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-launch-'));
  let sandbox: Sandbox | undefined;
  let browser: Browser | undefined;
  try {
    await build({ root: REPO_ROOT, logLevel: 'silent', build: { outDir: dir, emptyOutDir: true, sourcemap: false } });
    sandbox = await startSandbox({ port: 0, app: { kind: 'static', dir }, seed: true, today: localDate(new Date()) });
    browser = await launchChromium();
    const client = longHistoryClient();
    await launchOnce(browser, sandbox, client.patientId);
    const runs: LaunchRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await launchOnce(browser, sandbox, client.patientId));
    const middle = [...runs].sort((a, b) => a.tokenToChartMs - b.tokenToChartMs)[Math.floor(runs.length / 2)]!;
    logWaterfall(middle);
    return rows(runs, client, await responseCount(sandbox, client.patientId));
  } finally {
    await browser?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
