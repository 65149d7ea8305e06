import { setupServer } from 'msw/node';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import { arriveFromLaunch, authServer, ISS } from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';

// After a save the shell reloads the history; the administering panel must stay mounted through that
// refresh, or client mode's "hand the tablet back" screen would vanish under the client's hands.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => sessionStorage.clear());

// The clinician view is hidden and inert while the client holds the tablet: read it with `hidden`.
const responseRows = () =>
  within(screen.getByRole('table', { name: /Every response in the record/, hidden: true }))
    .getAllByRole('row', { hidden: true })
    .slice(1);

describe('a save in client mode, then the refresh', () => {
  it('keeps the hand-back screen while the clinician view behind it shows the new session', async () => {
    const engine = await freshEngine();
    await engine.handle({
      method: 'PUT',
      path: 'Patient/h1',
      body: { resourceType: 'Patient', id: 'h1', birthDate: '1990-06-06' },
    });
    const auth = authServer({ tokenContext: { patient: 'h1' } });
    // Every load of the record searches the client's responses (in a batch, or alone on servers without one);
    // the CapabilityStatement is read once per tab, so it does not count loads.
    let recordLoads = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && /\/QuestionnaireResponse\?/.test(request.url)) recordLoads += 1;
      if (request.method === 'POST') {
        void request
          .clone()
          .text()
          .then((text) => {
            if (/"type":"batch"/.test(text) && /"url":"QuestionnaireResponse\?/.test(text)) recordLoads += 1;
          });
      }
    });
    server.use(...auth.handlers, ...fhirHandlers(engine, ISS));
    await arriveFromLaunch(auth);
    await renderApp();
    await screen.findByText('No responses in the record yet.');
    const loadsBefore = recordLoads;

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hand ORS to the client' }));
    for (const slider of screen.getAllByRole('slider')) {
      slider.focus();
      await user.keyboard('{Home}{PageUp}{PageUp}');
    }
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    const handBack = await screen.findByRole('heading', { level: 1, name: 'Thank you!' });

    // The refresh has run: a new load of the record, and the new session in the (hidden) table.
    await waitFor(() =>
      expect(responseRows().map((tr) => tr.textContent)).toEqual([expect.stringMatching(/ORS.*1.*8\.0.*Saved/)]),
    );
    expect(recordLoads).toBeGreaterThan(loadsBefore);
    expect(handBack.isConnected).toBe(true);
    expect(screen.getByRole('heading', { level: 1, name: 'Thank you!' })).toBe(handBack);
    expect(document.activeElement).toBe(handBack);

    await user.click(screen.getByRole('button', { name: 'For your clinician' }));
    await user.click(screen.getByRole('button', { name: 'Yes, I am the clinician' }));
    const outcome = within(screen.getByRole('heading', { name: 'Outcome', level: 3 }).closest('article')!);
    expect(outcome.getByText(/^Latest ORS: 8\.0 \(session 1/)).toBeTruthy();
  });
});
