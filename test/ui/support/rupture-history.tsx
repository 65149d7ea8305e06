// A client whose session rating fell and stayed down (a rupture, not repaired), stored on the real sandbox
// engine, the history as the app loads and assesses it (rupture notes read back the app's way), and the
// administer panel on it, saving in session storage.
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { assessClient } from '../../../src/core/assess';
import { instruments, type InstrumentId } from '../../../src/core/instruments';
import { loadHistory } from '../../../src/fhir/load';
import { buildQuestionnaireResponse } from '../../../src/fhir/resources/questionnaire-response';
import { ruptureNoteOf } from '../../../src/fhir/resources/rupture-note';
import { AdministerWorkspace } from '../../../src/ui/administer/administer-panel';
import { localDate } from '../../../src/ui/administer/clock';
import { ALL_SCOPES, type TestServer } from '../../fhir/write-support';
import { withI18n } from '../administer-i18n.test-support';

const daysAgo = (n: number): string => localDate(new Date(Date.now() - n * 86_400_000));

async function post(server: TestServer, instrument: InstrumentId, id: string, day: string, perItem: number) {
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

/** Patient p1 with weekly sessions; the SRS falls from 38 to 33 at the 4th and does not come back within three. */
export async function seedRuptureHistory(server: TestServer): Promise<void> {
  await server.engine.handle({
    method: 'PUT',
    path: 'Patient/p1',
    body: { resourceType: 'Patient', id: 'p1', birthDate: '1985-02-02' },
  });
  const srs = [38, 39, 38, 33, 34, 35, 36];
  for (const [i, total] of srs.entries()) {
    await post(server, 'ors', `ors-${i}`, daysAgo(42 - i * 7), 50);
    await post(server, 'srs', `srs-${i}`, daysAgo(42 - i * 7), total * 2.5);
  }
}

export async function loadAndAssess(server: TestServer) {
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

export async function renderWorkspace(server: TestServer, record: Awaited<ReturnType<typeof loadAndAssess>>) {
  render(
    await withI18n(
      <AdministerWorkspace
        transport={await server.transport()}
        launch={{ patientId: 'p1', encounterId: undefined, fhirUser: 'Practitioner/9' }}
        record={record}
        app={{ name: 'Feedback Test Build', version: '9.8.7' }}
        onSaved={vi.fn()}
        storage={sessionStorage}
      />,
    ),
  );
}
