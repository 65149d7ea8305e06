// Runs in Chromium for the app bench: a generated weekly history scored by the real core and arranged
// by the app's own mapper, then the clinician view rendered as the app page renders it.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { assessClient } from '../../src/core/assess';
import { instruments, type InstrumentId } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { detectCapabilities } from '../../src/fhir/capabilities';
import type { History } from '../../src/fhir/load';
import { toDashboardModel } from '../../src/ui/app/to-dashboard-model';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import type { DashboardModel } from '../../src/ui/dashboard/view-model';
import { createI18n } from '../../src/ui/i18n/with-dashboard';
import { parseSmartLaunchConfig } from '../../src/fhir/smart-launch-config';
import smartLaunch from '../../smart-launch.json';

function administration(instrument: InstrumentId, week: number, value: (i: number) => number): Administration {
  const authored = new Date(Date.UTC(2015, 0, 5 + 7 * week, 9)).toISOString().replace('.000Z', '+00:00');
  const answers = Object.fromEntries(instruments[instrument].items.map((item, i) => [item.linkId, value(i)]));
  return { id: `${instrument}-${week}`, instrument, authored, status: 'completed', answers };
}

export function dashboardModelFor(sessions: number): DashboardModel {
  const administrations: Administration[] = [];
  for (let week = 0; week < sessions; week++) {
    administrations.push(administration('ors', week, (i) => 35 + ((week * 7 + i * 3) % 30)));
    administrations.push(administration('srs', week, (i) => 80 + ((week + i) % 20)));
    if (week % 4 === 3) administrations.push(administration('wai-sr', week, (i) => 3 + ((week + i) % 3)));
  }
  const history: History = {
    patientId: 'bench',
    patient: { resourceType: 'Patient', id: 'bench', birthDate: '1980-01-01' },
    administrations: administrations.map((a) => ({
      administration: a,
      patientId: 'bench',
      sourceId: a.id,
      questionnaire: undefined,
      versionMissing: false,
      foreign: false,
    })),
    observations: [],
    flags: [],
    questionnaires: [],
    unreadable: [],
    failures: [],
    stats: { roundTrips: 1, requests: 1, pages: 1, usedBatch: true },
  };
  const assessment = assessClient({ administrations, birthDate: '1980-01-01' });
  const config = parseSmartLaunchConfig(smartLaunch);
  if (!config.ok) throw new Error(config.error.join('; '));
  const launch = {
    patientId: 'bench',
    encounterId: undefined,
    fhirUser: undefined,
    grantedScopes: '',
    needPatientBanner: true,
    smartStyleUrl: undefined,
    locale: undefined,
    intent: undefined,
  };
  return toDashboardModel({ history, capabilities: detectCapabilities({}, ''), assessment }, launch, config.value);
}

export interface RenderTiming {
  /** Render call to committed DOM of the first screen: React and DOM building (scripting). */
  readonly scripting: number;
  /** Render call to the frame after the details below it (drawn in a second render) are in: the whole view. */
  readonly toFrame: number;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits, a frame at a time, until the view's details (its last section, the session table) are drawn. */
async function detailsDrawn(container: HTMLElement): Promise<void> {
  for (let frames = 0; !container.querySelector('section.sessions'); frames++) {
    if (frames > 600) throw new Error('app bench: the session table was never drawn');
    await nextFrame();
  }
}

/** One render of the clinician view into a fresh container. */
export async function renderDashboardOnce(model: DashboardModel): Promise<RenderTiming> {
  const i18n = await createI18n('en');
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const started = performance.now();
  flushSync(() => root.render(createElement(I18nextProvider, { i18n }, createElement(Dashboard, { model }))));
  const scripting = performance.now() - started;
  await detailsDrawn(container);
  await nextFrame();
  const toFrame = performance.now() - started;
  root.unmount();
  container.remove();
  return { scripting, toFrame };
}

/** The bench page's entry: a warm-up, then seven timed renders, published for the driver to read. */
export async function runRenderBench(sessions: number): Promise<RenderTiming[]> {
  const model = dashboardModelFor(sessions);
  await renderDashboardOnce(model);
  const timings: RenderTiming[] = [];
  for (let run = 0; run < 7; run++) timings.push(await renderDashboardOnce(model));
  return timings;
}

/** Scrolls the box down `pages` box heights a frame, until its last row (aria-rowindex = aria-rowcount) is drawn. */
async function scrollToLastRow(box: HTMLElement, table: HTMLElement, pages: number): Promise<void> {
  const lastIndex = table.getAttribute('aria-rowcount');
  const lastDrawn = () => table.querySelector(`tr[aria-rowindex="${lastIndex}"]`) !== null;
  while (!lastDrawn()) {
    const was = box.scrollTop;
    box.scrollTop += pages * box.clientHeight;
    await nextFrame();
    if (box.scrollTop === was && !lastDrawn())
      throw new Error(
        `app bench: the table stopped scrolling at ${was} px (box ${box.clientHeight} of ${box.scrollHeight} px) before its last row`,
      );
  }
}

/**
 * Tasks from pressing "Show all" on a `sessions`-session history through scrolling its table to the end: a box
 * height a frame (reading on), then back to the top and ten box heights a frame (dragging the scroll bar).
 * `allRowsMs`: from the press to the last row drawn the first time.
 */
export async function measureShowAll(
  sessions: number,
): Promise<{ rows: number; longestTaskMs: number; longTasks: number; allRowsMs: number }> {
  const model = dashboardModelFor(sessions);
  const i18n = await createI18n('en');
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(createElement(I18nextProvider, { i18n }, createElement(Dashboard, { model }))));
  await detailsDrawn(container);
  await nextFrame();
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  container.querySelector<HTMLButtonElement>('button.show-all')?.click();
  await nextFrame();
  const box = container.querySelector<HTMLElement>('.table-scroll')!;
  const table = container.querySelector<HTMLElement>('.session-table')!;
  await scrollToLastRow(box, table, 1);
  const allRowsMs = performance.now() - started;
  box.scrollTop = 0;
  await nextFrame();
  await scrollToLastRow(box, table, 10);
  await nextFrame();
  observer.disconnect();
  const rows = Number(table.getAttribute('aria-rowcount')) - 1;
  root.unmount();
  container.remove();
  return { rows, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.filter((ms) => ms > 100).length, allRowsMs };
}
