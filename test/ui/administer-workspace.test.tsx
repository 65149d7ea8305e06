// The administer workspace end to end against the real sandbox engine (through the SMART guard): the
// clinician starts a form, the client or the clinician fills it in, and the save's outcome is shown.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assessClient } from '../../src/core/assess';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { loadHistory } from '../../src/fhir/load';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { instruments } from '../../src/core/instruments';
import { localDate } from '../../src/ui/administer/clock';
import { AdministerWorkspace } from '../../src/ui/administer/administer-panel';
import { ALL_SCOPES, startTestServer, type TestServer } from '../fhir/write-support';
import { withI18n } from './administer-i18n.test-support';

const NO_FLAG_SCOPES =
  'launch openid fhirUser patient/Patient.rs patient/QuestionnaireResponse.cruds patient/Observation.cruds patient/Provenance.cruds patient/Questionnaire.cruds';
let server: TestServer;
// Not the shipped name and version: the Provenance must carry what the configuration says.
const APP = { name: 'Feedback Test Build', version: '9.8.7' } as const;

beforeEach(async () => {
  server = await startTestServer();
  await server.engine.handle({
    method: 'PUT',
    path: 'Patient/p1',
    body: { resourceType: 'Patient', id: 'p1', birthDate: '1985-02-02' },
  });
});

async function renderWorkspace(transport: FhirTransport, scopes = ALL_SCOPES) {
  const capabilities = await server.capabilities(scopes);
  // Loaded over a clean connection, so faults meant for the save are not spent on the load.
  const history = await loadHistory(await server.transport({ scopes }), { patientId: 'p1', capabilities });
  const assessment = assessClient({
    administrations: history.administrations.map((a) => a.administration),
    birthDate: '1985-02-02',
  });
  const onSaved = vi.fn();
  const ui = (
    <>
      <section data-testid="chart">
        <h2>Chart of Jane Example</h2>
      </section>
      <AdministerWorkspace
        transport={transport}
        launch={{ patientId: 'p1', encounterId: undefined, fhirUser: 'Practitioner/9' }}
        record={{ history, capabilities, assessment }}
        app={APP}
        onSaved={onSaved}
        storage={sessionStorage}
      />
    </>
  );
  const view = render(await withI18n(ui));
  return { onSaved, view };
}

async function fillInAllAt(user: ReturnType<typeof userEvent.setup>, key: string) {
  for (const slider of screen.getAllByRole('slider')) {
    slider.focus();
    await user.keyboard(key);
  }
  await user.click(screen.getByRole('button', { name: 'Review answers' }));
  await user.click(screen.getByRole('button', { name: 'Save as complete' }));
}

const outboxKeys = (): string[] =>
  Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i) ?? '').filter((k) =>
    k.includes('outbox'),
  );

const daysAgo = (n: number): string => localDate(new Date(Date.now() - n * 86_400_000));

describe('AdministerWorkspace against the sandbox engine', () => {
  it('back-dates a paper entry to the day on the form, never after today nor before the episode', async () => {
    const intake = {
      id: 'ors-intake',
      instrument: 'ors' as const,
      authored: `${daysAgo(10)}T10:00:00+00:00`,
      status: 'completed' as const,
      answers: { 'ors-1': 40, 'ors-2': 40, 'ors-3': 40, 'ors-4': 40 },
    };
    await server.engine.handle({
      method: 'POST',
      path: 'QuestionnaireResponse',
      body: buildQuestionnaireResponse(instruments.ors, intake, { subject: 'Patient/p1', identifierValue: intake.id }),
    });
    const user = userEvent.setup();
    await renderWorkspace(await server.transport());
    await user.click(screen.getByRole('button', { name: 'Enter SRS from paper' }));
    const date = screen.getByLabelText('Date on the paper form');
    expect([date.getAttribute('value'), date.getAttribute('min'), date.getAttribute('max')]).toEqual([
      daysAgo(0),
      daysAgo(10),
      daysAgo(0),
    ]);
    fireEvent.change(date, { target: { value: daysAgo(11) } });
    expect(screen.getByRole('alert').textContent).toContain('Choose a day from the start of this episode up to today');
    fireEvent.change(date, { target: { value: daysAgo(3) } });
    expect(screen.queryByRole('alert')).toBeNull();
    for (const box of screen.getAllByLabelText(/points from the paper form/)) await user.type(box, '9');
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    await screen.findByText('The SRS is saved in the health record.');
    const responses = (await server.search(
      'QuestionnaireResponse',
      'subject=Patient/p1',
    )) as fhir4.QuestionnaireResponse[];
    const srs = responses.find((r) => r.questionnaire?.includes('/srs'));
    expect(srs?.authored?.slice(0, 10)).toBe(daysAgo(3));
  });

  it('runs an ORS in client mode and saves it once, with its score and provenance', async () => {
    const user = userEvent.setup();
    const { onSaved, view } = await renderWorkspace(await server.transport());
    await user.click(screen.getByRole('button', { name: 'Hand ORS to the client' }));
    expect(view.container.hidden).toBe(true);
    await fillInAllAt(user, '{End}');
    await user.click(screen.getByRole('button', { name: 'For your clinician' }));
    await user.click(screen.getByRole('button', { name: 'Yes, I am the clinician' }));
    await screen.findByText('The ORS is saved in the health record.');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(onSaved).toHaveBeenCalled();
    const responses = await server.search('QuestionnaireResponse', 'subject=Patient/p1');
    expect(responses).toHaveLength(1);
    const response = responses[0] as fhir4.QuestionnaireResponse;
    expect(response.status).toBe('completed');
    expect(response.source?.reference).toBe('Patient/p1');
    expect(response.item?.map((i) => i.answer?.[0]?.valueInteger)).toEqual([100, 100, 100, 100]);
    expect(await server.search('Observation', 'subject=Patient/p1')).not.toHaveLength(0);
    const [provenance] = (await server.search('Provenance', '_count=10')) as fhir4.Provenance[];
    const device = provenance?.contained?.find((c): c is fhir4.Device => c.resourceType === 'Device');
    expect(device?.deviceName?.[0]?.name).toBe(APP.name);
    expect(device?.version?.[0]?.value).toBe(APP.version);
    expect(outboxKeys()).toEqual([]);
  });

  it('saves a paper SRS where Flags may not be written and says what was not saved', async () => {
    const user = userEvent.setup();
    await renderWorkspace(await server.transport({ scopes: NO_FLAG_SCOPES }), NO_FLAG_SCOPES);
    await user.click(screen.getByRole('button', { name: 'Enter SRS from paper' }));
    for (const box of screen.getAllByLabelText(/points from the paper form/)) await user.type(box, '5');
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    await screen.findByText('The SRS is saved, except what this health record does not accept:');
    expect(
      screen.getByText(
        'Alerts could not be recorded in the chart: this health record does not allow it. They are shown here.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Answers saved.')).toBeTruthy();
    const response = (
      await server.search('QuestionnaireResponse', 'subject=Patient/p1')
    )[0] as fhir4.QuestionnaireResponse;
    expect(response.source?.reference).toBe('Practitioner/9');
    expect(await server.search('Flag', 'subject=Patient/p1')).toHaveLength(0);
  });

  it('keeps the answers when the session expired, and sends them once after a re-launch', async () => {
    const user = userEvent.setup();
    const first = await renderWorkspace(
      await server.transport({ faults: [{ kind: 'session-expired' }, { kind: 'session-expired' }] }),
    );
    await user.click(screen.getByRole('button', { name: 'Hand ORS to the client' }));
    await fillInAllAt(user, '{Home}{PageUp}');
    await user.click(screen.getByRole('button', { name: 'For your clinician' }));
    await user.click(screen.getByRole('button', { name: 'Yes, I am the clinician' }));
    await screen.findByText(/Re-launch the app from the chart; the answers are kept/);
    expect(outboxKeys()).toHaveLength(1);
    expect(await server.search('QuestionnaireResponse', 'subject=Patient/p1')).toHaveLength(0);

    first.view.unmount();
    await renderWorkspace(await server.transport());
    expect(screen.getByText(/One save from earlier is kept in this tab/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(outboxKeys()).toEqual([]));
    expect(screen.getByText('The ORS is saved in the health record.')).toBeTruthy();
    const responses = await server.search('QuestionnaireResponse', 'subject=Patient/p1');
    expect(responses.map((r) => (r as fhir4.QuestionnaireResponse).item?.[0]?.answer?.[0]?.valueInteger)).toEqual([10]);
  });
});
