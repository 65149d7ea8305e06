import { cleanup, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDrawn } from '../support/dashboard-drawn';
import { freshEngine, type TestEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import { renderApp } from '../ui/support/render-app';
import { arriveFromLaunch, authServer, ISS } from '../ui/support/smart';

// A relaunch in the same tab takes the server's CapabilityStatement from the tab's copy, and asks the server
// again once the clinician view is up, so that a server changed meanwhile shows from the next launch.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Each `metadata` request the app sends, with its If-None-Match. */
function metadataRequests(): (string | null)[] {
  const seen: (string | null)[] = [];
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/metadata')) seen.push(request.headers.get('if-none-match'));
  });
  return seen;
}

async function launch(engine: TestEngine): Promise<void> {
  const auth = authServer({ tokenContext: { patient: 'c1' } });
  server.use(...auth.handlers, ...fhirHandlers(engine, ISS));
  await arriveFromLaunch(auth);
  await renderApp();
  await dashboardDrawn();
}

describe('a relaunch in the same tab', () => {
  it('asks for the kept statement again with its ETag once the view is up, and keeps it on 304', async () => {
    sessionStorage.clear();
    const engine = await freshEngine();
    await engine.put([{ resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' }]);
    const seen = metadataRequests();
    await launch(engine);
    expect(seen).toEqual([null]);
    const kept = sessionStorage.getItem(`tf.capability-statement:${ISS}`);
    expect(kept).toContain('CapabilityStatement');

    cleanup();
    await launch(engine);
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toMatch(/^W\//);
    expect(sessionStorage.getItem(`tf.capability-statement:${ISS}`)).toBe(kept);
  });
});
