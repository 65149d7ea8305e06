// The save on servers that behave like the large EHRs (the sandbox's vendor profiles): what the plan
// chooses, what lands on the server (only the clinical note where nothing else is taken), that a lost answer
// never makes two notes, and that the next launch reads the session back from the note.
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import { base64ToUtf8 } from '../../src/fhir/encoding/base64';
import { loadHistory } from '../../src/fhir/load';
import { planWrites } from '../../src/fhir/write/plan';
import { RefusalMemory } from '../../src/fhir/write/refusal-memory';
import { saveAdministration } from '../../src/fhir/write/save';
import { mapStorage } from '../support/map-storage';
import { noteWords } from '../../src/ui/administer/note-words';
import { administration, decision, writeSetFor } from './write-fixtures';
import { r4Problems, startTestServer, stored, type TestServer } from './write-support';

const noWait = { sleep: async () => undefined, random: () => 0.5 };
const notesOf = async (server: TestServer, key: string) =>
  (await server.search(
    'DocumentReference',
    `identifier=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.clinicalNote}|${key}`)}`,
  )) as fhir4.DocumentReference[];
const attachmentText = (note: fhir4.DocumentReference, i: number): string =>
  base64ToUtf8(note.content[i]?.attachment.data ?? '') ?? '';

function srsBelowCutoff(n: number, language: 'en' | 'es' = 'en') {
  const a = administration('srs', n, 60);
  return {
    a,
    writeSet: writeSetFor(a, {
      create: [decision('alliance-concern', [a.id])],
      publish: true,
      noteWords: noteWords(language),
    }),
  };
}

describe.each(['epic-like', 'oracle-like'] as const)('%s', (vendor) => {
  it('plans a clinical note for what the server will not take, and writes only the note: one, valid, readable', async () => {
    const server = await startTestServer({ vendor });
    const plan = planWrites(await server.capabilities());
    expect(plan).toMatchObject({ mode: 'individual', conditionalCreate: false, note: { when: 'always' } });
    expect(plan.refused.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['questionnaire', 'response', 'flag-create', 'provenance']),
    );
    const { a, writeSet } = srsBelowCutoff(1);
    const report = await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    const outcome = (kind: string) => report.entries.find((e) => e.kind === kind)?.outcome;
    expect(outcome('note')).toMatchObject({ status: 'saved' });
    for (const kind of ['response', 'observation', 'flag-create'])
      expect(outcome(kind)).toMatchObject({ status: 'saved', inNote: true });
    expect(outcome('provenance')?.status).toBe('refused');
    // Observation create is listed (vital signs): the server refuses the survey score, the note carries it.
    expect(report.roundTrips).toBe(4);
    const notes = await notesOf(server, writeSet.key);
    // Counted past the profile (which would hide what it refuses to read): nothing but the note was stored.
    server.engine.settings.vendor = 'open';
    expect(await stored(server, writeSet)).toEqual({ qr: 0, observations: 0, activeFlags: 0, provenance: 0 });
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(r4Problems(note)).toEqual([]);
    expect(note).toMatchObject({
      status: 'current',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
      subject: { reference: 'Patient/p1' },
    });
    expect(attachmentText(note, 0)).toContain('Session rated below the alliance cutoff');
    expect(attachmentText(note, 0)).toContain('Suggested next step: Invite the client');
    expect(JSON.parse(attachmentText(note, 1))).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      identifier: { value: a.id },
    });
  });

  it('remembers for the tab what the server refused: later saves go straight to the note', async () => {
    const server = await startTestServer({ vendor });
    const capabilities = await server.capabilities();
    const transport = await server.transport();
    const tab = new Map<string, string>();
    const memory = new RefusalMemory(mapStorage(tab), transport.baseUrl);
    const first = await saveAdministration(
      transport,
      srsBelowCutoff(4).writeSet,
      planWrites(capabilities, memory.recall()),
      { retry: noWait },
    );
    memory.learn(first);
    expect(first.refusedInteractions).toEqual([
      expect.objectContaining({ resourceType: 'Observation', interaction: 'create' }),
    ]);
    // A new launch in the same tab reads the memory back from storage (checked with zod).
    const later = new RefusalMemory(mapStorage(tab), transport.baseUrl);
    const plan = planWrites(capabilities, later.recall());
    expect(plan.refused.find((r) => r.kind === 'observation')?.reason).toMatch(/refused Observation creates earlier/);
    const { writeSet } = srsBelowCutoff(5);
    const second = await saveAdministration(transport, writeSet, plan, { retry: noWait });
    expect({ first: first.roundTrips, second: second.roundTrips }).toEqual({ first: 4, second: 2 });
    expect(second.entries.find((e) => e.kind === 'observation')?.outcome).toMatchObject({
      status: 'saved',
      inNote: true,
    });
    expect(await notesOf(server, writeSet.key)).toHaveLength(1);
    // Another server, or an edited entry, is not taken on trust.
    expect(new RefusalMemory(mapStorage(tab), 'https://other.example/fhir').recall()).toEqual([]);
    const key = [...tab.keys()][0]!;
    tab.set(key, JSON.stringify({ resourceType: 'QuestionnaireResponse', interaction: 'create', reason: 'x' }));
    expect(later.recall()).toEqual([]);
    expect(tab.size).toBe(0);
  });

  it('never makes two notes: an answer lost after the server stored the note, then a re-send after a reload', async () => {
    const server = await startTestServer({ vendor });
    const plan = planWrites(await server.capabilities());
    const { writeSet } = srsBelowCutoff(2, 'es');
    // Look-ups of the score and the note pass, the score is refused, the note's answer is lost after commit.
    const faults = [{ kind: 'pass' }, { kind: 'pass' }, { kind: 'pass' }, { kind: 'drop-after-commit' }] as const;
    const first = await saveAdministration(await server.transport({ faults: [...faults] }), writeSet, plan, {
      retry: noWait,
    });
    expect(first.entries.find((e) => e.kind === 'note')?.outcome.status).toBe('saved');
    await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    const notes = await notesOf(server, writeSet.key);
    expect(notes).toHaveLength(1);
    expect(attachmentText(notes[0]!, 0)).toContain('Siguiente paso sugerido');
  });

  it('the next launch finds the session in the note, scored like a response read directly', async () => {
    const server = await startTestServer({ vendor });
    const capabilities = await server.capabilities();
    const { a, writeSet } = srsBelowCutoff(3);
    await saveAdministration(await server.transport(), writeSet, planWrites(capabilities), { retry: noWait });
    const history = await loadHistory(await server.transport(), { patientId: 'p1', capabilities });
    // The engine is not seeded: only the Patient read fails.
    expect(history.failures.map((f) => f.resourceType)).toEqual(['Patient']);
    expect(history.administrations.map((x) => x.administration)).toEqual([a]);
  });
});

describe('open', () => {
  it('writes no note where the response, scores and alerts are taken as such', async () => {
    const server = await startTestServer({ vendor: 'open' });
    const plan = planWrites(await server.capabilities());
    expect(plan.note.when).toBe('if-refused');
    const { writeSet } = srsBelowCutoff(4);
    const report = await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    expect(report).toMatchObject({ status: 'saved', roundTrips: 1 });
    expect(report.entries.map((e) => e.kind)).not.toContain('note');
    expect(await notesOf(server, writeSet.key)).toEqual([]);
  });

  it('writes the note when the scopes refuse scores and alerts, and the history counts the session once', async () => {
    const server = await startTestServer({ vendor: 'open' });
    const scopes =
      'patient/QuestionnaireResponse.crs patient/Observation.rs patient/Flag.rs patient/DocumentReference.cs patient/Patient.r user/Questionnaire.rs';
    const capabilities = await server.capabilities(scopes);
    const plan = planWrites(capabilities);
    expect(plan.note).toMatchObject({ when: 'always' });
    expect(plan.note.reason).toContain('Observation');
    const { a, writeSet } = srsBelowCutoff(5);
    const report = await saveAdministration(await server.transport({ scopes }), writeSet, plan, { retry: noWait });
    expect(report.entries.find((e) => e.kind === 'response')?.outcome).toMatchObject({ status: 'saved' });
    expect(await notesOf(server, writeSet.key)).toHaveLength(1);
    const history = await loadHistory(await server.transport({ scopes }), { patientId: 'p1', capabilities });
    expect(history.administrations.map((x) => x.administration.id)).toEqual([a.id]);
    expect(history.administrations[0]?.sourceId).toBeDefined();
  });
});
