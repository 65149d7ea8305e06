// Bench section: a launch without patient in headless Chromium against the local sandbox holding one clinician
// with 50, then 200 clients of 20 sessions each: the EHR page's "Launch without patient", then the app's
// launch → authorize → token → caseload inside the EHR frame. Measured as the launch bench measures the chart
// (launch-probe.ts): t0 is the token response, the end is the first animation frame with the list's first row
// attached and visible; round trips are the longest chain of FHIR requests each waiting for the previous.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { build } from 'vite';
import { localDate } from '../../src/ui/administer/clock';
import { createFhirEngine } from '../../src/node/sandbox/engine';
import { REPO_ROOT, startSandbox, type Sandbox } from '../../src/node/sandbox/sandbox';
import type { BenchRow } from '../bench';
import { launchChromium, median } from '../chromium';
import { CASELOAD_SIZES, caseloadFixture } from './caseload';
import {
  launchFigures,
  launchProbe,
  PROBE_BINDING,
  resourceEntries,
  type LaunchFigures,
  type ProbeMark,
} from './launch-probe';

const RUNS = 3;
const FIRST_ROW_SELECTOR = 'table.caseload-table tbody tr';
const LIST_TIMEOUT_MS = 120_000;

async function launchOnce(browser: Browser, sandbox: Sandbox): Promise<LaunchFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    let listed: (frame: Frame, mark: ProbeMark) => void = () => undefined;
    const painted = new Promise<[Frame, ProbeMark]>((resolve) => (listed = (frame, mark) => resolve([frame, mark])));
    await context.exposeBinding(PROBE_BINDING, ({ frame }, mark: ProbeMark) => {
      if (mark.kind === 'chart') listed(frame, mark);
    });
    await context.addInitScript(launchProbe, { binding: PROBE_BINDING, selector: FIRST_ROW_SELECTOR });
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/ehr/`);
    await page.getByRole('button', { name: 'Launch without patient' }).click();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error('caseload bench: no list in time')), LIST_TIMEOUT_MS)),
    );
    const [frame, mark] = await Promise.race([painted, timeout]).finally(() => clearTimeout(timer));
    if (mark.kind !== 'chart') throw new Error('caseload bench: the list was not marked');
    return launchFigures(await frame.evaluate(resourceEntries), mark.drawnAt);
  } finally {
    await context.close();
  }
}

async function withCaseload<T>(clients: number, dir: string, run: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const dataFile = join(dir, `caseload-${clients}.json`);
  const today = localDate(new Date());
  const engine = await createFhirEngine({ dataFile });
  await engine.put(caseloadFixture(clients, today));
  await engine.close();
  const sandbox = await startSandbox({
    port: 0,
    app: { kind: 'static', dir: join(dir, 'app') },
    seed: false,
    dataFile,
    today,
  });
  try {
    return await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

export async function caseloadBrowserBench(): Promise<readonly BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-caseload-'));
  let browser: Browser | undefined;
  try {
    await build({
      root: REPO_ROOT,
      logLevel: 'silent',
      build: { outDir: join(dir, 'app'), emptyOutDir: true, sourcemap: false },
    });
    browser = await launchChromium();
    const rows: BenchRow[] = [];
    for (const clients of CASELOAD_SIZES) {
      const runs = await withCaseload(clients, dir, async (sandbox) => {
        await launchOnce(browser!, sandbox); // warm-up: the sandbox's first searches pay for JIT compilation
        const measured: LaunchFigures[] = [];
        for (let i = 0; i < RUNS; i++) measured.push(await launchOnce(browser!, sandbox));
        return measured;
      });
      rows.push(
        {
          name: `caseload in Chromium, ${clients} clients × 20 sessions: FHIR round trips after token, worst of ${RUNS}`,
          value: Math.max(...runs.map((r) => r.fhirRoundTrips)),
          unit: 'round trips',
        },
        {
          name: `caseload in Chromium, ${clients} clients: token → first painted list, median of ${RUNS}`,
          value: median(runs.map((r) => r.tokenToChartMs)),
          unit: 'ms',
        },
      );
    }
    return rows;
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
