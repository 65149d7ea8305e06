import type { Page } from 'playwright-core';

// Privacy gate: the app may talk to its own origin and the FHIR server, nothing else (no fonts, analytics
// or CDNs). Every request of the page and its frames is recorded; data: and blob: URLs are not requests
// to a host.

export interface RequestLog {
  /** Requests to any other origin, as `METHOD url`. */
  readonly foreign: string[];
  readonly count: () => number;
}

export function recordRequests(page: Page, allowedOrigins: readonly string[]): RequestLog {
  const foreign: string[] = [];
  let count = 0;
  page.on('request', (request) => {
    count++;
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!allowedOrigins.includes(url.origin)) foreign.push(`${request.method()} ${url.origin}${url.pathname}`);
  });
  return { foreign, count: () => count };
}
