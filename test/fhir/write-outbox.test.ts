// The Outbox keeps unsaved work across a reload of the iframe and re-sends it without duplicates.
import { beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../src/fhir/write/outbox';
import { planWrites } from '../../src/fhir/write/plan';
import { withFreshFlags } from '../../src/fhir/write/refresh-flags';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { noteWords } from '../../src/ui/administer/note-words';
import { administration, decision, writeSetFor } from './write-fixtures';
import { startTestServer, stored, type TestServer } from './write-support';
import { mapStorage } from '../support/map-storage';

const retry = { sleep: async () => undefined, random: () => 0, maxAttempts: 2 };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

describe('Outbox', () => {
  it("hands back this patient's pending and refused saves, parsed; a response carried by a clinical note is not kept", async () => {
    sessionStorage.clear();
    const outbox = new Outbox(sessionStorage);
    const noResponses = 'patient/QuestionnaireResponse.rs patient/Observation.crs patient/Flag.crus';
    const refusedAnswers = writeSetFor(administration('ors', 11, 40));
    await outbox.save(
      await server.transport({ scopes: noResponses }),
      refusedAnswers,
      planWrites(await server.capabilities(noResponses)),
      retry,
    );
    const stillPending = writeSetFor(administration('srs', 12, 40));
    await outbox.save(
      await server.transport({ faults: [{ kind: 'network' }, { kind: 'network' }] }),
      stillPending,
      planWrites(await server.capabilities()),
      retry,
    );
    const otherPatient = writeSetFor(administration('ors', 13, 40), { patient: 'Patient/p2' });
    outbox.enqueue(otherPatient);
    const kept = outbox.kept('p1').map((k) => [k.state, k.response.administration.id, k.writeSet !== undefined]);
    expect(kept.sort()).toEqual([
      ['pending', 'resp-srs-12', true],
      ['refused', 'resp-ors-11', false],
    ]);

    sessionStorage.clear();
    const inNote = writeSetFor(administration('ors', 14, 40), { noteWords: noteWords('en') });
    const withNotes = `${noResponses} patient/DocumentReference.cs`;
    const report = await outbox.save(
      await server.transport({ scopes: withNotes }),
      inNote,
      planWrites(await server.capabilities(withNotes)),
      retry,
    );
    expect(report.entries.find((e) => e.kind === 'response')?.outcome).toMatchObject({ status: 'saved', inNote: true });
    expect(outbox.kept('p1')).toEqual([]);
  });

  it('holds the write set before the first request goes out, and clears it once saved', async () => {
    const outbox = new Outbox(sessionStorage);
    const writeSet = writeSetFor(administration('ors', 1, 40));
    const inner = await server.transport();
    let keptDuringSend = 0;
    const watching: FhirTransport = {
      baseUrl: inner.baseUrl,
      send: (request) => {
        keptDuringSend = outbox.pending().saves.length;
        return inner.send(request);
      },
    };
    const report = await outbox.save(watching, writeSet, planWrites(await server.capabilities()), retry);
    expect(report.status).toBe('saved');
    expect(keptDuringSend).toBe(1);
    expect(outbox.pending().saves).toEqual([]);
  });

  it('survives a reload and re-sends without duplicating what had already reached the server', async () => {
    const a = administration('srs', 2, 50);
    const writeSet = writeSetFor(a, { create: [decision('alliance-concern', [a.id])] });
    const plan = planWrites(await server.capabilities());
    // The answer is lost after the server committed, and the tab is closed before any retry succeeds.
    const failing = await server.transport({ faults: [{ kind: 'drop-after-commit' }, { kind: 'network' }] });
    const first = await new Outbox(sessionStorage).save(failing, writeSet, plan, retry);
    expect(first.status).toBe('pending');

    const afterReload = new Outbox(sessionStorage);
    expect(afterReload.pending().saves.map((p) => p.key)).toEqual([writeSet.key]);
    const [resent] = await afterReload.resendAll(await server.transport(), {
      patientId: 'p1',
      plan: () => plan,
      retry,
    });
    expect(resent?.status).toBe('saved');
    expect(afterReload.pending().saves).toEqual([]);
    expect(await stored(server, writeSet)).toEqual({ qr: 1, observations: 1, activeFlags: 1, provenance: 1 });
  });

  it("re-sends only this patient's saves, each rebuilt and planned afresh first, reporting each as it comes", async () => {
    sessionStorage.clear();
    const outbox = new Outbox(sessionStorage);
    const plan = planWrites(await server.capabilities());
    const mine = [administration('srs', 21, 50), administration('srs', 22, 51)];
    for (const a of mine) outbox.enqueue(writeSetFor(a));
    const otherPatient = writeSetFor(administration('ors', 23, 40), { patient: 'Patient/p2' });
    outbox.enqueue(otherPatient);
    const flagsBefore = (await stored(server, otherPatient)).activeFlags ?? 0;
    let plans = 0;
    const rebuilt: string[] = [];
    const reported: string[] = [];
    const reports = await outbox.resendAll(await server.transport(), {
      patientId: 'p1',
      plan: () => {
        plans++;
        return plan;
      },
      // The newest load says each save raises an alliance Flag, which the kept write set (built before) lacks.
      refresh: (kept, a) => {
        rebuilt.push(a.id);
        return withFreshFlags(kept, writeSetFor(a, { create: [decision('alliance-concern', [a.id])] }));
      },
      retry,
      onReport: (save, report) => reported.push(`${save.key}:${report.status}`),
    });
    expect(reports.map((r) => r.status)).toEqual(['saved', 'saved']);
    expect(plans).toBe(2);
    expect(rebuilt.sort()).toEqual(mine.map((a) => a.id));
    expect(reported.sort()).toEqual(mine.map((a) => `${a.id}:saved`));
    for (const a of mine)
      expect(await stored(server, writeSetFor(a))).toEqual({
        qr: 1,
        observations: 1,
        activeFlags: flagsBefore + 2,
        provenance: 1,
      });
    expect(outbox.pending().saves.map((p) => p.key)).toEqual([otherPatient.key]);
  });

  it('keeps a save pending while the session is expired, and stops re-sending at the first expiry', async () => {
    const outbox = new Outbox(sessionStorage);
    const plan = planWrites(await server.capabilities());
    const sets = [writeSetFor(administration('ors', 3, 60)), writeSetFor(administration('ors', 4, 61))];
    for (const ws of sets) outbox.enqueue(ws);
    const expired = await server.transport({ faults: [{ kind: 'session-expired' }, { kind: 'session-expired' }] });
    const reports = await outbox.resendAll(expired, { patientId: 'p1', plan: () => plan, retry });
    expect(reports.map((r) => r.status)).toEqual(['session-expired']);
    expect(outbox.pending().saves).toHaveLength(2);
  });

  it('stores nothing but the write set: no token, nothing outside its own keys', async () => {
    const storage = new Map<string, string>();
    const outbox = new Outbox(mapStorage(storage));
    const writeSet = writeSetFor(administration('ors', 5, 70));
    outbox.enqueue(writeSet);
    expect([...storage.values()]).toEqual([JSON.stringify(writeSet)]);
    expect([...storage.values()].join('')).not.toMatch(/Bearer|access_token/);
  });

  it('makes again the match of a create read back without it, so a re-send stores no second copy', async () => {
    sessionStorage.clear();
    const a = administration('ors', 21, 18);
    // A patient of its own: the other tests' Flags are not counted.
    const writeSet = writeSetFor(a, { patient: 'Patient/p9', create: [decision('outcome-deterioration', [a.id])] });
    const plan = planWrites(await server.capabilities());
    const held = () => stored(server, writeSet, 'Patient/p9');
    await new Outbox(sessionStorage).save(await server.transport(), writeSet, plan, retry);
    expect(await held()).toEqual({ qr: 1, observations: 1, activeFlags: 1, provenance: 1 });

    // The same save kept again without its matches (storage edited, or kept by another version of the app).
    const bare = { ...writeSet, entries: writeSet.entries.map(({ match: _match, ...entry }) => entry) };
    sessionStorage.setItem(`therapy-feedback.outbox.${writeSet.key}`, JSON.stringify(bare));
    const outbox = new Outbox(sessionStorage);
    const [kept] = outbox.pending().saves;
    expect(kept?.writeSet.entries.filter((e) => e.fullUrl.startsWith('urn:uuid:')).map((e) => e.match)).toEqual(
      writeSet.entries.filter((e) => e.fullUrl.startsWith('urn:uuid:')).map((e) => e.match),
    );
    const [resent] = await outbox.resendAll(await server.transport(), { patientId: 'p9', plan: () => plan, retry });
    expect(resent?.status).toBe('saved');
    expect(await held()).toEqual({ qr: 1, observations: 1, activeFlags: 1, provenance: 1 });

    // A create with nothing to find its earlier copy by is not sent again, and says why.
    const blind = {
      ...bare,
      entries: bare.entries.map(({ identifier: _identifier, ...entry }) =>
        entry.kind === 'response' ? entry : { ...entry, match: 'kept' },
      ),
    };
    sessionStorage.setItem(`therapy-feedback.outbox.${writeSet.key}`, JSON.stringify(blind));
    const { saves, unreadable } = new Outbox(sessionStorage).pending();
    expect(saves).toEqual([]);
    expect(unreadable).toEqual([expect.stringMatching(/could store it twice/)]);
  });

  it('lists and removes an entry that no longer reads as a write set instead of failing', () => {
    const storage = new Map<string, string>([
      ['therapy-feedback.outbox.broken', '{"key":"broken","entries":[{"kind":"nope"}]}'],
      ['other-app', 'x'],
    ]);
    const outbox = new Outbox(mapStorage(storage));
    const { saves, unreadable } = outbox.pending();
    expect(saves).toEqual([]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatch(/^broken: /);
    expect([...storage.keys()]).toEqual(['other-app']);
  });
});
