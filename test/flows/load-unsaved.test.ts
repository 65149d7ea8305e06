import { setupServer } from 'msw/node';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instruments, type InstrumentId } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { Outbox } from '../../src/fhir/write';
import { createEntry } from '../../src/fhir/write/write-set';
import { freshEngine, type TestEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import { arriveFromLaunch, authServer, ISS } from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';
import { dashboardDrawn } from '../support/dashboard-drawn';

// Answers the Outbox keeps in this tab (the EHR was down, or the session expired, before a reload of the
// iframe) are the client's real answers: the app shows and scores them as not saved until they are re-sent.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => sessionStorage.clear());

const NOT_SAVED = '⚠ Not saved — kept in this tab, will be re-sent';

function administration(instrument: InstrumentId, id: string, authored: string, mm: number): Administration {
  return {
    id,
    instrument,
    authored,
    status: 'completed',
    answers: Object.fromEntries(instruments[instrument].items.map((i) => [i.linkId, mm])),
  };
}

const response = (a: Administration, patient: string) =>
  buildQuestionnaireResponse(instruments[a.instrument], a, { subject: `Patient/${patient}`, identifierValue: a.id });

async function seedClient(engine: TestEngine): Promise<void> {
  await engine.handle({
    method: 'PUT',
    path: 'Patient/k1',
    body: { resourceType: 'Patient', id: 'k1', birthDate: '1979-04-04' },
  });
  for (const a of [
    administration('ors', 'ors-a', '2025-02-03T10:00:00+01:00', 40),
    administration('srs', 'srs-a', '2025-02-03T10:50:00+01:00', 95),
  ]) {
    await engine.handle({ method: 'POST', path: 'QuestionnaireResponse', body: response(a, 'k1') });
  }
}

/** What the Outbox holds after a failed save: the write set, its response first. */
function keep(a: Administration, patient: string): void {
  const resource = response(a, patient);
  new Outbox(sessionStorage).enqueue({
    key: a.id,
    entries: [createEntry('response', resource, 'the response')],
  });
}

async function open(engine: TestEngine, scope?: string): Promise<void> {
  const auth = authServer({ tokenContext: { patient: 'k1', ...(scope ? { scope } : {}) } });
  server.use(...auth.handlers, ...fhirHandlers(engine, ISS));
  await arriveFromLaunch(auth);
  await renderApp();
  await dashboardDrawn();
}

// Response rows only: an episode marker (a header cell across the table) is not a response.
const statusCells = () =>
  within(screen.getByRole('table', { name: /Every response in the record/ }))
    .getAllByRole('row')
    .slice(1)
    .filter((tr) => tr.querySelector('td') !== null)
    .map((tr) => [tr.querySelector('td:nth-child(2)')?.textContent, tr.querySelector('td:last-child')?.textContent]);

/** The seeded client's two responses and the kept one, all in the record. */
const allThreeSaved = () =>
  waitFor(() =>
    expect(statusCells()).toEqual([
      ['ORS', '✓ Saved'],
      ['SRS', '✓ Saved'],
      ['ORS', '✓ Saved'],
    ]),
  );

describe('responses kept in this tab after a failed save', () => {
  it("are listed as not saved and scored; another patient's are not; a re-send makes them saved", async () => {
    const engine = await freshEngine();
    await seedClient(engine);
    keep(administration('ors', 'ors-kept', '2025-02-10T10:00:00+01:00', 30), 'k1');
    keep(administration('srs', 'srs-other', '2025-02-10T10:00:00+01:00', 80), 'someone-else');
    await open(engine);

    expect(statusCells()).toEqual([
      ['ORS', NOT_SAVED],
      ['SRS', '✓ Saved'],
      ['ORS', '✓ Saved'],
    ]);
    const outcome = within(screen.getByRole('heading', { name: 'Outcome', level: 3 }).closest('article')!);
    expect(outcome.getByText(/^Latest ORS: 12\.0 \(session 2/)).toBeTruthy();
    expect(outcome.getByText('Includes answers not saved yet (kept in this tab).')).toBeTruthy();

    const user = userEvent.setup();
    // One kept save is this client's; the other patient's waits for that patient's launch.
    await screen.findByText(/One save from earlier is kept in this tab/);
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    await allThreeSaved();
    expect(outcome.queryByText('Includes answers not saved yet (kept in this tab).')).toBeNull();
    expect(new Outbox(sessionStorage).pending().saves.map((s) => s.key)).toEqual(['srs-other']);
  });

  it('a response the health record refuses stays on screen, scored, for this tab', async () => {
    const engine = await freshEngine();
    await seedClient(engine);
    // Responses may be read but not written: the app cannot store the SRS at all.
    await open(
      engine,
      'launch openid fhirUser patient/Patient.r patient/QuestionnaireResponse.rs patient/Observation.crs patient/Flag.crus patient/Provenance.c',
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Enter SRS from paper' }));
    for (const box of screen.getAllByLabelText(/points from the paper form/)) await user.type(box, '8');
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    await waitFor(() =>
      expect(statusCells()[0]).toEqual(['SRS', '⚠ Not saved — the health record refused it; kept in this tab only']),
    );
    const alliance = within(screen.getByRole('heading', { name: 'Alliance', level: 3 }).closest('article')!);
    expect(alliance.getByText(/^Latest SRS: 32\.0/)).toBeTruthy();
    expect(new Outbox(sessionStorage).pending().saves).toEqual([]);
  });

  it('a kept save whose response the record already holds (the server committed it before a reload) is not reported as kept', async () => {
    const engine = await freshEngine();
    await seedClient(engine);
    const committed = administration('ors', 'ors-committed', '2025-02-10T10:00:00+01:00', 30);
    await engine.handle({ method: 'POST', path: 'QuestionnaireResponse', body: response(committed, 'k1') });
    keep(committed, 'k1');
    await open(engine);
    await allThreeSaved();
    await screen.findByRole('button', { name: 'Enter ORS from paper' });
    expect(screen.queryByText(/save from earlier is kept in this tab/)).toBeNull();
    // Sending it again completes what may be missing, and stores no second copy.
    await waitFor(() => expect(new Outbox(sessionStorage).pending().saves).toEqual([]));
    const copies = await engine.handle({ method: 'GET', path: 'QuestionnaireResponse?identifier=ors-committed' });
    expect((copies.body as { total?: number }).total).toBe(1);
  });
});
