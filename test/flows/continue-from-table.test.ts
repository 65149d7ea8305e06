import { setupServer } from 'msw/node';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { ALL_SCOPES } from '../fhir/write-support';
import { freshEngine, type TestEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import { arriveFromLaunch, authServer, ISS } from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';
import { dashboardDrawn } from '../support/dashboard-drawn';

// "Continue" on the session table's row of a response kept in progress, through the whole app against the
// sandbox engine: the administer panel opens on that response with its answers, and finishing it completes
// that same response (the row becomes a saved one and offers nothing more).
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => sessionStorage.clear());

const kept: Administration = {
  id: 'ors-kept',
  instrument: 'ors',
  authored: '2025-02-10T10:00:00+01:00',
  status: 'in-progress',
  answers: { 'ors-1': 30, 'ors-2': 40 },
};
const earlier: Administration = {
  id: 'ors-first',
  instrument: 'ors',
  authored: '2025-02-03T10:00:00+01:00',
  status: 'completed',
  answers: { 'ors-1': 50, 'ors-2': 50, 'ors-3': 50, 'ors-4': 50 },
};

async function seedClient(engine: TestEngine): Promise<void> {
  await engine.handle({
    method: 'PUT',
    path: 'Patient/k1',
    body: { resourceType: 'Patient', id: 'k1', birthDate: '1979-04-04' },
  });
  for (const a of [earlier, kept]) {
    const body = buildQuestionnaireResponse(instruments.ors, a, { subject: 'Patient/k1', identifierValue: a.id });
    await engine.handle({ method: 'POST', path: 'QuestionnaireResponse', body });
  }
}

const table = () => within(screen.getByRole('table', { name: /Every response in the record/ }));
const boxes = () => screen.getAllByLabelText<HTMLInputElement>(/points from the paper form/);

describe('"Continue" in the session table', () => {
  it('opens the response kept in progress with its answers; finished, it is the same response, completed', async () => {
    const engine = await freshEngine();
    await seedClient(engine);
    // Updates granted: finishing the response replaces it in place.
    const auth = authServer({ tokenContext: { patient: 'k1', scope: ALL_SCOPES } });
    server.use(...auth.handlers, ...fhirHandlers(engine, ISS));
    await arriveFromLaunch(auth);
    await renderApp();
    await dashboardDrawn('en', 20_000);
    // The administer panel is its own chunk: "Continue" works once it is there.
    await screen.findByRole('button', { name: 'Enter ORS from paper' }, { timeout: 10_000 });

    const user = userEvent.setup();
    expect(table().getAllByRole('button', { name: /^Continue/ })).toHaveLength(1);
    await user.click(table().getByRole('button', { name: 'Continue ORS' }));
    expect(boxes().map((b) => b.value)).toEqual([
      expect.stringMatching(/^3(\.0)?$/),
      expect.stringMatching(/^4(\.0)?$/),
      '',
      '',
    ]);
    expect(document.activeElement?.closest('.administer')).not.toBeNull();

    for (const box of boxes().slice(2)) await user.type(box, '6');
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    await screen.findByText('The ORS is saved in the health record.', {}, { timeout: 10_000 });
    await waitFor(() => expect(table().queryByRole('button', { name: /^Continue/ })).toBeNull(), { timeout: 10_000 });

    const stored = (await engine.handle({ method: 'GET', path: 'QuestionnaireResponse?subject=Patient/k1' }))
      .body as fhir4.Bundle<fhir4.QuestionnaireResponse>;
    const responses = (stored.entry ?? []).map((e) => e.resource!);
    expect(responses.map((r) => r.status)).toEqual(['completed', 'completed']);
    expect(responses.filter((r) => r.identifier?.value === kept.id)).toHaveLength(1);
    const finished = responses.find((r) => r.identifier?.value === kept.id);
    expect(finished?.item?.map((i) => i.answer?.[0]?.valueInteger)).toEqual([30, 40, 60, 60]);
  });
});
