// Resuming a form kept as in progress, end to end against the real sandbox engine (through the SMART guard):
// "Keep as in progress", the record is read again, "Continue" opens the form with its answers, and finishing
// it leaves one response in the record (updated in place) — or, where updates are not granted, says so and
// still counts one.
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assessClient } from '../../src/core/assess';
import { loadHistory } from '../../src/fhir/load';
import { AdministerWorkspace } from '../../src/ui/administer/administer-panel';
import { ALL_SCOPES, startTestServer, type TestServer } from '../fhir/write-support';
import { withI18n } from './administer-i18n.test-support';

const NO_UPDATE_SCOPES = 'launch openid fhirUser patient/*.crs user/*.crs';
let server: TestServer;

beforeEach(async () => {
  sessionStorage.clear();
  server = await startTestServer();
  await server.engine.handle({
    method: 'PUT',
    path: 'Patient/p1',
    body: { resourceType: 'Patient', id: 'p1', birthDate: '1985-02-02' },
  });
});

/** The workspace over the record as it now is (what the shell does after every save). */
async function openWorkspace(scopes: string) {
  cleanup();
  const capabilities = await server.capabilities(scopes);
  const history = await loadHistory(await server.transport({ scopes }), { patientId: 'p1', capabilities });
  const assessment = assessClient({
    administrations: history.administrations.map((a) => a.administration),
    birthDate: '1985-02-02',
  });
  render(
    await withI18n(
      <AdministerWorkspace
        transport={await server.transport({ scopes })}
        launch={{ patientId: 'p1', encounterId: undefined, fhirUser: 'Practitioner/9' }}
        record={{ history, capabilities, assessment }}
        app={{ name: 'Therapy Feedback', version: '0.1.0' }}
        onSaved={() => undefined}
        storage={sessionStorage}
      />,
    ),
  );
  return history;
}

const boxes = (): HTMLInputElement[] => screen.getAllByLabelText<HTMLInputElement>(/points from the paper form/);

async function keepHalfThenFinish(scopes: string) {
  const user = userEvent.setup();
  await openWorkspace(scopes);
  await user.click(screen.getByRole('button', { name: 'Enter ORS from paper' }));
  for (const box of boxes().slice(0, 2)) await user.type(box, '3');
  await user.click(screen.getByRole('button', { name: 'Review answers' }));
  await user.click(screen.getByRole('button', { name: 'Keep as in progress' }));
  await screen.findByText('The ORS is saved in the health record.');

  await openWorkspace(scopes);
  expect(screen.getByText(/ORS of .*: 2 of 4 answered/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Continue ORS from paper' }));
  expect(boxes().map((b) => b.value)).toEqual([
    expect.stringMatching(/^3(\.0)?$/),
    expect.stringMatching(/^3(\.0)?$/),
    '',
    '',
  ]);
  for (const box of boxes().slice(2)) await user.type(box, '6');
  await user.click(screen.getByRole('button', { name: 'Review answers' }));
  await user.click(screen.getByRole('button', { name: 'Save as complete' }));
  await screen.findByText('The ORS is saved in the health record.');
  return {
    responses: (await server.search('QuestionnaireResponse', 'subject=Patient/p1')) as fhir4.QuestionnaireResponse[],
    user,
  };
}

describe('resuming a form kept as in progress', () => {
  it('opens with its answers and, finished, updates the same response: one response, completed, one row', async () => {
    const { responses } = await keepHalfThenFinish(ALL_SCOPES);
    expect(responses.map((r) => [r.status, r.item?.map((i) => i.answer?.[0]?.valueInteger)])).toEqual([
      ['completed', [30, 30, 60, 60]],
    ]);
    expect(screen.getByText('Answers saved: the form kept as in progress is now complete.')).toBeTruthy();
    const history = await openWorkspace(ALL_SCOPES);
    expect(history.administrations.map((a) => a.administration.status)).toEqual(['completed']);
    expect(screen.queryByText('Kept as in progress')).toBeNull();
  });

  it('where updates are not granted, says the in-progress copy stays and still counts one response', async () => {
    const { responses } = await keepHalfThenFinish(NO_UPDATE_SCOPES);
    expect(responses.map((r) => r.status).sort()).toEqual(['completed', 'in-progress']);
    expect(
      screen.getByText(/the copy kept as in progress stays in the record and the completed form is saved as a new one/),
    ).toBeTruthy();
    const history = await openWorkspace(NO_UPDATE_SCOPES);
    expect(history.administrations.map((a) => a.administration.status)).toEqual(['completed']);
    expect(screen.queryByText('Kept as in progress')).toBeNull();
  });

  it('offers to continue answers kept in this tab, and opens the form with them', async () => {
    const user = userEvent.setup();
    await openWorkspace(ALL_SCOPES);
    await user.click(screen.getByRole('button', { name: 'Enter ORS from paper' }));
    for (const box of boxes().slice(0, 2)) await user.type(box, '4');
    await user.click(screen.getByRole('button', { name: /Close without saving/ }));
    expect(screen.getByText('ORS: answers kept in this tab, not saved yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue ORS from paper' }));
    expect(boxes().map((b) => b.value)).toEqual([
      expect.stringMatching(/^4(\.0)?$/),
      expect.stringMatching(/^4(\.0)?$/),
      '',
      '',
    ]);
    expect(await server.search('QuestionnaireResponse', 'subject=Patient/p1')).toHaveLength(0);
  });
});
