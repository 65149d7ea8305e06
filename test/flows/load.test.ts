import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import { questionnaireUrl } from '../../src/fhir/codes';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { freshEngine, sharedSeededEngine, type TestEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import {
  epicOrsDecimal,
  foreignWaiSr,
  smartFormsServerQuestionnaire,
  smartFormsSrs,
} from '../fhir/fixtures/vendor-responses';
import { arriveFromLaunch, authServer, ISS, repoSmartLaunch } from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';
import type { Language } from '../../src/core/instruments/types';
import { dashboardDrawn } from '../support/dashboard-drawn';

// From the token to the clinician view over the real sandbox engine: seeded stories, vendor shapes and
// unreadable resources all reach the screen.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function open(
  engine: TestEngine,
  patient: string,
  language: Language = 'en',
  config?: Record<string, unknown>,
): Promise<void> {
  const auth = authServer({ tokenContext: { patient }, ...(config ? { config } : {}) });
  server.use(...auth.handlers, ...fhirHandlers(engine, ISS));
  await arriveFromLaunch(auth);
  await renderApp(language);
  await dashboardDrawn(language);
}

const responsesTable = () => within(screen.getByRole('table', { name: /Every response in the record/ }));

/** Keeps a plain id (references to it must resolve); a full-URL id (Epic) cannot be stored, so it is posted without. */
async function create(engine: TestEngine, resource: Record<string, unknown>): Promise<void> {
  const { id, ...body } = resource;
  const type = String(resource['resourceType']);
  const keep = typeof id === 'string' && /^[A-Za-z0-9.-]+$/.test(id);
  const request = keep
    ? { method: 'PUT', path: `${type}/${id}`, body: resource }
    : { method: 'POST', path: type, body };
  const answer = await engine.handle({ ...request, headers: { 'content-type': 'application/fhir+json' } });
  if (answer.status >= 300) throw new Error(`seed failed: ${answer.status}`);
}

describe('the clinician view of a loaded history', () => {
  it('a client who is not on track: status, change since intake and the flag with its evidence and next step', async () => {
    await open(await sharedSeededEngine(), 'p03');
    const outcome = within(screen.getByRole('heading', { name: 'Outcome', level: 3 }).closest('article')!);
    expect(outcome.getByText('Not on track')).toBeTruthy();
    expect(outcome.getByText(/^Change since intake: \+\d/)).toBeTruthy();
    const alert = screen.getByRole('heading', { name: 'Still not on track' }).closest('li.alert')!;
    expect(within(alert as HTMLElement).getByText('Will be recorded in the chart when you save')).toBeTruthy();
    expect(alert.textContent).toMatch(/Evidence:.*ORS session 1, .*ORS session 8/);
    expect(alert.textContent).toMatch(/Suggested next step: Review the goals with the client/);
  });

  it('renders in Spanish with Spanish number and date formats', async () => {
    await open(await sharedSeededEngine(), 'p04', 'es');
    expect(screen.getByText('Empeorando')).toBeTruthy();
    expect(screen.getByText(/^Cambio desde la admisión: -\d+,\d puntos/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Las puntuaciones han bajado desde la admisión' })).toBeTruthy();
  });

  it('the outcome chart’s table alternative lists exactly the plotted sessions', async () => {
    await open(await sharedSeededEngine(), 'p03');
    const figure = screen.getByRole('figure', { name: 'Outcome (ORS) per session' });
    await userEvent.click(within(figure).getByText('Show the data as a table'));
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1);
    const points = within(figure).getAllByRole('img');
    expect(rows).toHaveLength(points.length);
    const latestRow = rows.at(-1)!;
    const latestScore = latestRow.querySelectorAll('td')[1]?.textContent ?? '';
    expect(points.at(-1)?.getAttribute('aria-label')).toContain(`: ${latestScore}`);
    expect(screen.getByText(new RegExp(`^Latest ORS: ${latestScore.replace('.', '\\.')} `))).toBeTruthy();
  });

  it('an incomplete response is listed as incomplete and not scored', async () => {
    await open(await sharedSeededEngine(), 'p10');
    const incomplete = responsesTable().getAllByText('Incomplete');
    expect(incomplete.length).toBeGreaterThan(0);
    const row = incomplete[0]!.closest('tr')!;
    expect(within(row).getAllByRole('cell')[3]?.textContent).toBe('—');
  });
});

describe('vendor shapes and unreadable resources', () => {
  it('every vendor-shaped response reaches the table; a broken one is listed under "could not read"', async () => {
    const engine = await freshEngine();
    await engine.handle({
      method: 'PUT',
      path: 'Patient/v1',
      body: { resourceType: 'Patient', id: 'v1', birthDate: '1980-02-03', name: [{ text: 'Vera Vendor' }] },
    });
    const subject = { reference: 'Patient/v1' };
    await create(engine, smartFormsServerQuestionnaire);
    await create(engine, { ...epicOrsDecimal, subject });
    await create(engine, { ...smartFormsSrs, subject });
    // Another system's WAI-SR on our canonical: read in our declared option values.
    await create(engine, {
      ...(foreignWaiSr() as Record<string, unknown>),
      questionnaire: questionnaireUrl('wai-sr'),
      subject,
    });
    const ors = instruments.ors;
    const broken = buildQuestionnaireResponse(
      ors,
      {
        id: 'b1',
        instrument: 'ors',
        authored: '2024-03-12T09:00:00+01:00',
        status: 'completed',
        answers: { 'ors-1': 50, 'ors-2': 50, 'ors-3': 50, 'ors-4': 50 },
      },
      { subject: 'Patient/v1', identifierValue: 'b1' },
    );
    const firstItem = broken.item?.[0];
    if (firstItem) firstItem.answer = [{ valueString: 'five' }];
    await create(engine, { ...broken });
    expect(broken.questionnaire).toContain(questionnaireUrl('ors'));

    // The deployment declares Epic's form: its decimals are points on a 0–10 line.
    const repo = repoSmartLaunch();
    const epicMapping = {
      questionnaire: epicOrsDecimal.questionnaire,
      instrument: 'ors',
      linkIds: { 'ors-1': 'ors-1', 'ors-2': 'ors-2', 'ors-3': 'ors-3', 'ors-4': 'ors-4' },
      unit: 'points',
      scale: { min: 0, max: 10 },
    };
    await open(engine, 'v1', 'en', {
      ...repo,
      instrumentMappings: [...(repo['instrumentMappings'] as unknown[]), epicMapping],
    });
    const table = responsesTable();
    const savedRow = (instrument: string) =>
      table
        .getAllByText(instrument)
        .map((cell) => cell.closest('tr')!)
        .find((tr) => within(tr).queryByText('Saved'));
    // 4.25 + 5 + 6 + 7.3 = 22.55 points = 225.5 mm, summed exactly and rounded once: 22.6.
    expect(within(savedRow('ORS')!).getAllByRole('cell')[3]?.textContent).toBe('22.6');
    expect(within(savedRow('SRS')!).getAllByRole('cell')[3]?.textContent).toBe('36.4');
    expect(savedRow('WAI-SR')).toBeDefined();
    const unreadable = within(screen.getByRole('region', { name: 'Could not read (1)' }));
    const row = unreadable.getAllByRole('row')[1]!;
    expect(within(row).getByText('A client’s answers (ORS)')).toBeTruthy();
    expect(within(row).getByText(/^Some answers cannot be read/)).toBeTruthy();
    expect(
      unreadable.getByText(/QuestionnaireResponse\/\S+: item\[0\]\.answer\[0\]/).closest('details'),
    ).not.toBeNull();
    expect(table.getByText('Unreadable')).toBeTruthy();
  });
});
