// The launch bench's measuring side. In the browser, a probe in every document reports its time origin and,
// in the app page, the moment the first chart is drawn. In node, the app page's own Resource Timing
// entries (same clock as the chart mark, so no clock conversion) are cut at the token response and the chart.

/** The selector of a dashboard chart's drawing (ChartFrame: `<figure class="chart">` around `<svg class="chart-svg">`). */
export const FIRST_CHART_SELECTOR = 'figure.chart > svg.chart-svg';
export const PROBE_BINDING = '__launchBenchMark';

export type ProbeMark =
  | { readonly kind: 'document'; readonly path: string; readonly timeOrigin: number }
  /** `drawnAt`: performance.now() of the first animation frame with the chart attached and visible. */
  | { readonly kind: 'chart'; readonly path: string; readonly timeOrigin: number; readonly drawnAt: number };

/**
 * Runs in every document before its own scripts (Playwright init script). Watches the DOM of the app page
 * and marks the first frame in which a chart is attached and visible; no polling, so no polling delay.
 */
export function launchProbe(args: { readonly binding: string; readonly selector: string }): void {
  // No local function constants here: the bench runs under tsx, whose name-keeping wrapper does not exist in the page.
  const bindings = window as unknown as Record<string, ((m: ProbeMark) => void) | undefined>;
  bindings[args.binding]?.({ kind: 'document', path: location.pathname, timeOrigin: performance.timeOrigin });
  if (!location.pathname.endsWith('/index.html')) return;
  const observer = new MutationObserver(() => {
    const chart = document.querySelector(args.selector);
    if (!chart || !chart.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return;
    const box = chart.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    observer.disconnect();
    requestAnimationFrame(() =>
      bindings[args.binding]?.({
        kind: 'chart',
        path: location.pathname,
        timeOrigin: performance.timeOrigin,
        drawnAt: performance.now(),
      }),
    );
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** A Resource Timing entry of the app page, in its performance.now() clock. */
export interface TimedRequest {
  readonly path: string;
  readonly startTime: number;
  readonly responseEnd: number;
}

/** Collected inside the app page after the chart (a plain function: Playwright serialises it). */
export function resourceEntries(): TimedRequest[] {
  return performance.getEntriesByType('resource').map((e) => {
    const timing = e as PerformanceResourceTiming;
    return { path: new URL(timing.name).pathname, startTime: timing.startTime, responseEnd: timing.responseEnd };
  });
}

/**
 * Round trips = the longest chain of requests of which each starts only after the previous one has
 * answered. Requests in flight together share a round trip; a request that waits for an answer adds one.
 */
export function sequentialDepth(requests: readonly TimedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.startTime - b.startTime);
  const depths: number[] = [];
  sorted.forEach((request, i) => {
    const before = sorted.slice(0, i).map((earlier, j) => (earlier.responseEnd <= request.startTime ? depths[j]! : 0));
    depths.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depths);
}

export interface LaunchFigures {
  readonly tokenToChartMs: number;
  readonly fhirRoundTrips: number;
  readonly fhirRequests: number;
  /** Every request of the app page between the token and the chart (code chunks, configuration, FHIR). */
  readonly allRequests: number;
  readonly allRoundTrips: number;
  /** Every request of the app page up to the chart, times relative to the token response (for the diagnosis). */
  readonly waterfall: readonly TimedRequest[];
}

const isFhir = (r: TimedRequest): boolean => r.path === '/fhir' || r.path.startsWith('/fhir/');

/** Cuts the app page's requests at the token response (t0) and the chart mark. */
export function launchFigures(entries: readonly TimedRequest[], chartAt: number): LaunchFigures {
  const token = entries.find((e) => e.path.endsWith('/auth/token'));
  if (!token) throw new Error('launch bench: the app page made no token request (was the page reloaded?)');
  const t0 = token.responseEnd;
  const after = entries.filter((e) => e !== token && e.startTime >= t0 && e.startTime <= chartAt);
  const fhir = after.filter(isFhir);
  return {
    tokenToChartMs: chartAt - t0,
    fhirRoundTrips: sequentialDepth(fhir),
    fhirRequests: fhir.length,
    allRequests: after.length,
    allRoundTrips: sequentialDepth(after),
    waterfall: entries
      .filter((e) => e.startTime <= chartAt)
      .map((e) => ({ path: e.path, startTime: e.startTime - t0, responseEnd: e.responseEnd - t0 })),
  };
}
