// Issue 12 item 7 in the app: after a session the clinician records a rupture's kind and whether it was
// addressed; it is written as an Observation through the save path of the real sandbox engine and read back
// onto the rupture episode the alliance card lists.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assessClient } from '../../src/core/assess';
import { instruments, type InstrumentId } from '../../src/core/instruments';
import { loadHistory } from '../../src/fhir/load';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { ruptureNoteOf } from '../../src/fhir/resources/rupture-note';
import { localDate } from '../../src/ui/administer/clock';
import { AdministerWorkspace } from '../../src/ui/administer/administer-panel';
import { ALL_SCOPES, startTestServer, type TestServer } from '../fhir/write-support';
import { withI18n } from './administer-i18n.test-support';

let server: TestServer;
const daysAgo = (n: number): string => localDate(new Date(Date.now() - n * 86_400_000));

async function post(instrument: InstrumentId, id: string, day: string, perItem: number) {
  const answers = Object.fromEntries(instruments[instrument].items.map((item) => [item.linkId, perItem]));
  const administration = { id, instrument, authored: `${day}T10:00:00+00:00`, status: 'completed' as const, answers };
  await server.engine.handle({
    method: 'POST',
    path: 'QuestionnaireResponse',
    body: buildQuestionnaireResponse(instruments[instrument], administration, {
      subject: 'Patient/p1',
      identifierValue: id,
    }),
  });
}

async function loadAndAssess() {
  const capabilities = await server.capabilities(ALL_SCOPES);
  const history = await loadHistory(await server.transport({ scopes: ALL_SCOPES }), { patientId: 'p1', capabilities });
  const ruptureNotes = history.observations.flatMap((o) => ruptureNoteOf(o) ?? []);
  const assessment = assessClient({
    administrations: history.administrations.map((a) => a.administration),
    birthDate: '1985-02-02',
    ruptureNotes,
  });
  return { history, capabilities, assessment };
}

beforeEach(async () => {
  server = await startTestServer();
  await server.engine.handle({
    method: 'PUT',
    path: 'Patient/p1',
    body: { resourceType: 'Patient', id: 'p1', birthDate: '1985-02-02' },
  });
  // Weekly sessions; the SRS falls from 38 to 33 at the 4th and does not come back within three ratings.
  const srs = [38, 39, 38, 33, 34, 35, 36];
  for (const [i, total] of srs.entries()) {
    await post('ors', `ors-${i}`, daysAgo(42 - i * 7), 50);
    await post('srs', `srs-${i}`, daysAgo(42 - i * 7), total * 2.5);
  }
});

describe('the rupture note', () => {
  it('is offered where a rupture was seen, saved as an Observation and shown on the rupture episode', async () => {
    const before = await loadAndAssess();
    expect(before.assessment.alliance.ruptures).toHaveLength(1);
    const user = userEvent.setup();
    render(
      await withI18n(
        <AdministerWorkspace
          transport={await server.transport()}
          launch={{ patientId: 'p1', encounterId: undefined, fhirUser: 'Practitioner/9' }}
          record={before}
          app={{ name: 'Feedback Test Build', version: '9.8.7' }}
          onSaved={vi.fn()}
          storage={sessionStorage}
        />,
      ),
    );
    const save = screen.getByRole('button', { name: 'Save rupture note' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('radio', { name: /^Confrontation/ }));
    await user.click(screen.getByRole('checkbox', { name: 'We talked about it in the session' }));
    await user.click(save);
    await screen.findByText('The rupture note is saved in the health record.');
    expect(screen.getByText('Rupture note saved in the chart.')).toBeTruthy();

    const after = await loadAndAssess();
    expect(after.assessment.alliance.ruptures[0]?.notes.map((n) => [n.kind, n.addressed])).toEqual([
      ['confrontation', true],
    ]);
    const provenance = (await server.search('Provenance', '')) as fhir4.Provenance[];
    expect(provenance.some((p) => p.target.some((t) => t.reference?.startsWith('Observation/')))).toBe(true);
  });

  it('is not offered when there is no rupture', async () => {
    const { history, capabilities } = await loadAndAssess();
    render(
      await withI18n(
        <AdministerWorkspace
          transport={await server.transport()}
          launch={{ patientId: 'p1', encounterId: undefined, fhirUser: undefined }}
          record={{ history, capabilities, assessment: assessClient({ administrations: [] }) }}
          app={{ name: 'x', version: '1' }}
          onSaved={vi.fn()}
          storage={sessionStorage}
        />,
      ),
    );
    expect(screen.queryByRole('group', { name: 'Record a rupture in this session' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Hand ORS to the client' })).toBeTruthy();
  });
});
