// Issue 12 item 7 where the EHR takes no Observation from apps (the sandbox's epic-like profile): the rupture
// note saved from the administer panel goes into a clinical note and the report says so; one kept in the tab
// from before a reload is counted in the "kept" line beside the responses' and sent by "Send now".
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuptureNote } from '../../src/core/model';
import { IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import { Outbox, prepareRuptureNoteSave } from '../../src/fhir/write';
import { localDate } from '../../src/ui/administer/clock';
import { ruptureNoteWords } from '../../src/ui/administer/note-words';
import { startTestServer, type TestServer } from '../fhir/write-support';
import { keepUnsavedOrs } from '../support/kept-response';
import { loadAndAssess, renderWorkspace, seedRuptureHistory } from './support/rupture-history';

let server: TestServer;

beforeEach(async () => {
  sessionStorage.clear();
  server = await startTestServer();
  await seedRuptureHistory(server);
  server.engine.settings.vendor = 'epic-like';
});

const notesIn = async (id: string) =>
  server.search('DocumentReference', `identifier=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.clinicalNote}|${id}`)}`);

/** A rupture note of `patientId` the Outbox kept when its save could not be sent (the page was then reloaded). */
function keepRuptureNote(patientId: string, id: string): RuptureNote {
  const note: RuptureNote = { id, date: '2025-03-05T11:00:00+01:00', kind: 'confrontation', addressed: true };
  new Outbox(sessionStorage).enqueue(
    prepareRuptureNoteSave({
      note,
      patientId,
      encounterId: undefined,
      fhirUser: 'Practitioner/9',
      recorded: '2025-03-05T12:00:00Z',
      app: { name: 'Feedback Test Build', version: '9.8.7' },
      noteWords: ruptureNoteWords('en'),
    }),
  );
  return note;
}

describe('the rupture note on an EHR that takes no Observation from apps', () => {
  it('is saved in the clinical note, said so, and shown on the rupture episode after a reload', async () => {
    await renderWorkspace(server, await loadAndAssess(server));
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: /^Withdrawal/ }));
    await user.click(screen.getByRole('button', { name: 'Save rupture note' }));
    await screen.findByText(
      'Rupture note saved in the clinical note (this health record takes no rupture records from apps).',
      {},
      { timeout: 10_000 },
    );
    expect(screen.getByText('Clinical note saved in the chart.')).toBeTruthy();
    const after = await loadAndAssess(server);
    expect(after.assessment.alliance.ruptures[0]?.notes.map((n) => [n.kind, n.addressed])).toEqual([
      ['withdrawal', false],
    ]);
  });

  it('kept unsent in the tab, is counted with the kept responses and sent by "Send now"', async () => {
    const note = keepRuptureNote('p1', 'rn-kept-1');
    keepRuptureNote('p2', 'rn-other-patient');
    await renderWorkspace(server, await loadAndAssess(server));
    // Only this patient's are counted: the rupture note, not another patient's.
    expect(
      screen.getByText('One save from earlier is kept in this tab and has not reached the health record yet.'),
    ).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send now' }));
    await screen.findByText('Rupture note saved in the clinical note', { exact: false }, { timeout: 10_000 });
    expect(await notesIn(note.id)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull());
    const after = await loadAndAssess(server);
    expect(after.history.observations.filter((o) => o.identifier?.[0]?.value === note.id)).toHaveLength(1);
    expect(await notesIn('rn-other-patient')).toEqual([]);
  });

  it('kept beside a kept response of the same client, both are counted', async () => {
    keepRuptureNote('p1', 'rn-kept-2');
    keepUnsavedOrs(sessionStorage, { patientId: 'p1', day: localDate(new Date()), mm: 40 });
    await renderWorkspace(server, await loadAndAssess(server));
    expect(
      screen.getByText('2 saves from earlier are kept in this tab and have not reached the health record yet.'),
    ).toBeTruthy();
  });
});
