// A response kept in progress, resumed and completed, against the real sandbox engine (through the SMART
// guard): where the scopes and the CapabilityStatement allow update, the completion is a PUT of the same
// QuestionnaireResponse with If-Match, so the record holds one response and the history one row.
import { beforeEach, describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration } from '../../src/core/model';
import { loadHistory } from '../../src/fhir/load';
import { Outbox, planWrites, prepareSave, updatesResponses } from '../../src/fhir/write';
import { ALL_SCOPES, startTestServer, type TestServer } from '../fhir/write-support';

let server: TestServer;
const APP = { name: 'Therapy Feedback', version: '0.1.0' } as const;
const PARTIES = { patientId: 'p1', encounterId: undefined, fhirUser: 'Practitioner/9', clientRated: false } as const;
const ID = 'resume-ors-1';
const partly: Administration = {
  id: ID,
  instrument: 'ors',
  authored: '2025-05-01T09:00:00+02:00',
  status: 'in-progress',
  answers: { 'ors-1': 30, 'ors-2': 40 },
};
const finished: Administration = {
  ...partly,
  authored: '2025-05-01T09:20:00+02:00',
  status: 'completed',
  answers: { 'ors-1': 30, 'ors-2': 40, 'ors-3': 50, 'ors-4': 60 },
};

beforeEach(async () => {
  server = await startTestServer();
  await server.engine.handle({
    method: 'PUT',
    path: 'Patient/p1',
    body: { resourceType: 'Patient', id: 'p1', birthDate: '1985-02-02' },
  });
});

async function saveWith(scopes: string, administration: Administration, recorded: string) {
  const capabilities = await server.capabilities(scopes);
  const plan = planWrites(capabilities);
  const transport = await server.transport({ scopes });
  const history = await loadHistory(transport, { patientId: 'p1', capabilities });
  const assessment = assessClient({
    administrations: history.administrations.map((a) => a.administration),
    birthDate: '1985-02-02',
  });
  const writeSet = prepareSave({
    administration,
    history,
    assessment,
    parties: PARTIES,
    recorded,
    app: APP,
    updateInPlace: updatesResponses(capabilities),
  });
  const report = await new Outbox(sessionStorage).save(transport, writeSet, plan);
  return { writeSet, report, transport, plan };
}

describe('completing a response kept in progress', () => {
  it('updates the same response (PUT with If-Match): one response on the server, completed, one row', async () => {
    const kept = await saveWith(ALL_SCOPES, partly, '2025-05-01T09:05:00Z');
    expect(kept.report.status).toBe('saved');

    const done = await saveWith(ALL_SCOPES, finished, '2025-05-01T09:21:00Z');
    expect(done.report.status).toBe('saved');
    const put = done.transport.sent.flatMap((r) => (r.method === 'PUT' ? [r] : []));
    const bundled = done.transport.sent.flatMap((r) =>
      ((r.body as fhir4.Bundle | undefined)?.entry ?? []).map((e) => e.request),
    );
    const update = [
      ...put.map((r) => ({ method: r.method, url: r.url, ifMatch: r.headers?.['if-match'] })),
      ...bundled.filter((r) => r?.method === 'PUT'),
    ];
    expect(update).toEqual([
      expect.objectContaining({
        method: 'PUT',
        url: expect.stringMatching(/^QuestionnaireResponse\/[^/]+$/),
        ifMatch: 'W/"1"',
      }),
    ]);

    const responses = await server.search('QuestionnaireResponse', 'subject=Patient/p1');
    expect(responses.map((r) => (r as fhir4.QuestionnaireResponse).status)).toEqual(['completed']);
    const after = await loadHistory(await server.transport(), { patientId: 'p1' });
    expect(after.administrations.map((a) => [a.administration.id, a.administration.status])).toEqual([
      [ID, 'completed'],
    ]);
    // The completion's score and its own Provenance, besides the in-progress save's.
    expect((await server.search('Observation', 'subject=Patient/p1')).length).toBeGreaterThan(0);
    expect((await server.search('Provenance', '_count=50')).length).toBe(2);
    expect(done.report.earlierCopyKept).toBeUndefined();

    // Sent again as after a reload that lost the answer: the stale If-Match is settled by reading it back.
    const again = await new Outbox(sessionStorage).save(done.transport, done.writeSet, done.plan);
    expect(again).toMatchObject({ status: 'saved' });
    expect(done.transport.sent.some((r) => r.method === 'GET' && /^QuestionnaireResponse\/[^/?]+$/.test(r.url))).toBe(
      true,
    );
    expect((await server.search('QuestionnaireResponse', 'subject=Patient/p1')).length).toBe(1);
  });

  it('without update granted, saves a new completed copy, says the in-progress copy stays, and counts one response', async () => {
    const noUpdate = 'launch openid fhirUser patient/*.crs user/*.crs';
    await saveWith(noUpdate, partly, '2025-05-01T09:05:00Z');
    const done = await saveWith(noUpdate, finished, '2025-05-01T09:21:00Z');
    expect(done.report.status).toBe('saved');
    expect(done.report.earlierCopyKept).toBe(true);
    expect(done.transport.sent.some((r) => r.method === 'PUT')).toBe(false);

    const responses = (await server.search(
      'QuestionnaireResponse',
      'subject=Patient/p1',
    )) as fhir4.QuestionnaireResponse[];
    expect(responses.map((r) => r.status).sort()).toEqual(['completed', 'in-progress']);
    const after = await loadHistory(await server.transport(), { patientId: 'p1' });
    const assessment = assessClient({
      administrations: after.administrations.map((a) => a.administration),
      birthDate: '1985-02-02',
    });
    // Both copies read as versions of one administration: the completed one counts, the other is replaced.
    expect(after.administrations.map((a) => [a.administration.id, a.administration.status])).toEqual([
      [ID, 'completed'],
    ]);
    expect(assessment.outcome.points.map((p) => p.administrationId)).toEqual([ID]);
  });
});
