// Issue 12 (7) on servers that take no Observation from apps (the sandbox's epic-like and oracle-like profiles):
// the clinician's rupture note lands in a clinical note of its own (a US Core DocumentReference, its text in the
// clinician's language, the Observation attached), a second save finds it, and the next launch reads it back
// onto the rupture episode the alliance card lists. On a server that takes both, a note and an Observation of
// one rupture note count once; on one with batches only, the rupture note is sent in the batch stages.
import { describe, expect, it } from 'vitest';
import type { RuptureNote } from '../../src/core/model';
import { IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import { base64ToUtf8 } from '../../src/fhir/encoding/base64';
import { loadHistory } from '../../src/fhir/load';
import { planWrites } from '../../src/fhir/write/plan';
import { prepareRuptureNoteSave } from '../../src/fhir/write/rupture-note-save';
import { saveAdministration } from '../../src/fhir/write/save';
import { noteWords, ruptureNoteWords } from '../../src/ui/administer/note-words';
import { loadRecord } from '../../src/ui/app/load-record';
import { administration, writeSetFor } from './write-fixtures';
import { ALL_SCOPES, r4Problems, startTestServer, type TestServer } from './write-support';

const noWait = { sleep: async () => undefined, random: () => 0.5 };
const note: RuptureNote = { id: 'rn-7f3a', date: '2025-03-05T11:00:00+01:00', kind: 'withdrawal', addressed: false };

const ruptureSave = (recorded: string, language: 'en' | 'es' = 'es') =>
  prepareRuptureNoteSave({
    note,
    patientId: 'p1',
    encounterId: 'e1',
    fhirUser: 'Practitioner/c1',
    recorded,
    app: { name: 'Therapy Feedback', version: '0.1.0' },
    noteWords: ruptureNoteWords(language),
  });

const notesOf = async (server: TestServer) =>
  (await server.search(
    'DocumentReference',
    `identifier=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.clinicalNote}|${note.id}`)}`,
  )) as fhir4.DocumentReference[];
const attachmentText = (doc: fhir4.DocumentReference, i: number): string =>
  base64ToUtf8(doc.content[i]?.attachment.data ?? '') ?? '';

/** SRS sessions 1–4 (2–5 March) saved the app's way on this server: 38.4, 38, 38.4, then 32.8, a rupture. */
async function srsSessions(server: TestServer): Promise<void> {
  const plan = planWrites(await server.capabilities());
  for (const [n, mm] of [96, 95, 96, 82].entries()) {
    const writeSet = writeSetFor(administration('srs', n + 1, mm), { noteWords: noteWords('en') });
    await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
  }
}

describe.each(['epic-like', 'oracle-like'] as const)('a rupture note on %s', (vendor) => {
  it('lands as one clinical note (the Observation inside), and a second save is recognised', async () => {
    const server = await startTestServer({ vendor });
    const plan = planWrites(await server.capabilities());
    const report = await saveAdministration(await server.transport(), ruptureSave('2025-03-05T12:00:00Z'), plan, {
      retry: noWait,
    });
    const outcome = (kind: string) => report.entries.find((e) => e.kind === kind)?.outcome;
    expect(outcome('note')).toMatchObject({ status: 'saved' });
    expect(outcome('rupture-note')).toMatchObject({ status: 'saved', inNote: true });
    expect(report.refusedInteractions).toEqual([
      expect.objectContaining({ resourceType: 'Observation', interaction: 'create' }),
    ]);

    // Rebuilt after a reload (a later instant of saving): the server's copy is found by its identifier.
    const again = await saveAdministration(await server.transport(), ruptureSave('2025-03-05T12:07:00Z'), plan, {
      retry: noWait,
    });
    expect(again.entries.find((e) => e.kind === 'note')?.outcome).toMatchObject({
      status: 'saved',
      reference: (outcome('note') as { reference: string }).reference,
    });
    const notes = await notesOf(server);
    expect(notes).toHaveLength(1);
    const doc = notes[0]!;
    expect(r4Problems(doc)).toEqual([]);
    expect(doc).toMatchObject({
      status: 'current',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
      category: [{ coding: [{ code: 'clinical-note' }] }],
      subject: { reference: 'Patient/p1' },
      author: [{ reference: 'Practitioner/c1' }],
      context: { encounter: [{ reference: 'Encounter/e1' }], period: { start: note.date } },
    });
    expect(attachmentText(doc, 0).split('\n')).toEqual(
      expect.arrayContaining([
        'Ruptura de la alianza, registrada por el profesional tras la sesión',
        'Fecha: 2025-03-05 11:00',
        'Tipo de ruptura: retirada',
        'Hablada con el cliente en la sesión: todavía no',
      ]),
    );
    expect(JSON.parse(attachmentText(doc, 1))).toMatchObject({
      resourceType: 'Observation',
      identifier: [{ value: note.id }],
      effectiveDateTime: note.date,
    });
    // Counted past the profile (which would hide what it refuses): no Observation was stored.
    server.engine.settings.vendor = 'open';
    expect(await server.search('Observation', 'subject=Patient/p1')).toEqual([]);
  });

  it('comes back on the next launch and is shown on the rupture episode', async () => {
    const server = await startTestServer({ vendor });
    await server.engine.handle({
      method: 'PUT',
      path: 'Patient/p1',
      body: { resourceType: 'Patient', id: 'p1', birthDate: '1985-02-02' },
    });
    await srsSessions(server);
    await saveAdministration(
      await server.transport(),
      ruptureSave('2025-03-05T12:00:00Z', 'en'),
      planWrites(await server.capabilities()),
      { retry: noWait },
    );
    const launch = { patientId: 'p1', encounterId: undefined, fhirUser: undefined, grantedScopes: ALL_SCOPES };
    const loaded = await loadRecord(await server.transport(), {
      ...launch,
      needPatientBanner: false,
      smartStyleUrl: undefined,
      locale: undefined,
      intent: undefined,
    });
    if (!loaded.ok) throw new Error(`load failed: ${loaded.error.kind}`);
    const { history, assessment } = loaded.value;
    expect(history.unreadable).toEqual([]);
    expect(history.administrations).toHaveLength(4);
    expect(assessment.alliance.ruptures).toHaveLength(1);
    expect(assessment.alliance.ruptures[0]?.notes).toEqual([note]);
  });
});

describe('a rupture note on a server with batches but no transactions', () => {
  it('is sent in the batch stages, as an Observation with its Provenance', async () => {
    const server = await startTestServer({ transactions: false, batch: true, conditionalCreate: true });
    const plan = planWrites(await server.capabilities());
    expect(plan.mode).toBe('batch');
    const report = await saveAdministration(await server.transport(), ruptureSave('2025-03-05T12:00:00Z'), plan, {
      retry: noWait,
    });
    expect(report.status).toBe('saved');
    expect(report.entries.map((e) => [e.kind, e.outcome.status])).toEqual([
      ['rupture-note', 'saved'],
      ['provenance', 'saved'],
    ]);
    expect(await notesOf(server)).toEqual([]);
  });
});

describe('a rupture note both as an Observation and in a clinical note', () => {
  it('counts once when the history is read', async () => {
    const server = await startTestServer({ vendor: 'open' });
    const capabilities = await server.capabilities();
    // Where the plan writes the note always (here: responses refused by the scopes), the Observation lands too.
    const scopes =
      'patient/QuestionnaireResponse.rs patient/Observation.crs patient/Flag.rs patient/DocumentReference.crs patient/Patient.r';
    const plan = planWrites(await server.capabilities(scopes));
    expect(plan.note.when).toBe('always');
    const report = await saveAdministration(
      await server.transport({ scopes }),
      ruptureSave('2025-03-05T12:00:00Z'),
      plan,
      { retry: noWait },
    );
    expect(report.entries.find((e) => e.kind === 'rupture-note')?.outcome).toMatchObject({ status: 'saved' });
    expect(report.entries.find((e) => e.kind === 'rupture-note')?.outcome).not.toHaveProperty('inNote');
    expect(await notesOf(server)).toHaveLength(1);
    const history = await loadHistory(await server.transport(), { patientId: 'p1', capabilities });
    expect(history.observations.filter((o) => o.identifier?.[0]?.value === note.id)).toHaveLength(1);
    expect(history.observations[0]?.id).toBeDefined();
  });

  it('an Observation of another patient inside a note of this one is listed, not read', async () => {
    const server = await startTestServer({ vendor: 'epic-like' });
    const foreign = prepareRuptureNoteSave({
      note,
      patientId: 'p2',
      encounterId: undefined,
      fhirUser: undefined,
      recorded: '2025-03-05T12:00:00Z',
      app: { name: 'x', version: '1' },
      noteWords: ruptureNoteWords('en'),
    });
    const doc = foreign.entries.find((e) => e.kind === 'note')!.resource as fhir4.DocumentReference;
    await server.engine.handle({
      method: 'POST',
      path: 'DocumentReference',
      body: { ...doc, subject: { reference: 'Patient/p1' } },
    });
    const history = await loadHistory(await server.transport(), {
      patientId: 'p1',
      capabilities: await server.capabilities(),
    });
    expect(history.observations).toEqual([]);
    expect(history.unreadable).toEqual([
      expect.objectContaining({
        resourceType: 'DocumentReference',
        kind: 'other-client',
        reason: 'the note carries an Observation about another patient',
      }),
    ]);
  });
});
