import { beforeEach, describe, expect, it } from 'vitest';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { loadRecord } from '../../src/ui/app/load-record';
import type { LaunchContext } from '../../src/ui/app/launch-context';
import { seedQuestionnaires } from '../../src/node/sandbox/seed';
import { freshEngine, type TestEngine } from '../support/engine';

// A relaunch in the same tab reads the CapabilityStatement and our Questionnaires from session storage, not
// from the server; a stored entry that is not what it should be (storage is outside the app's control) is
// fetched again.

const launch: LaunchContext = {
  patientId: 'c1',
  encounterId: undefined,
  fhirUser: undefined,
  grantedScopes: 'launch patient/*.rs',
  needPatientBanner: false,
  smartStyleUrl: undefined,
  locale: undefined,
  intent: undefined,
};

/** Every URL read: plain GETs, and each entry of a batch Bundle. */
function countingTransport(engine: TestEngine, seen: string[]): FhirTransport {
  return {
    baseUrl: 'https://ehr.example/fhir',
    send: async (request) => {
      const entries = (request.body as { entry?: { request: { url: string } }[] } | undefined)?.entry;
      seen.push(...(entries ? entries.map((e) => e.request.url) : [request.url]));
      const answer = await engine.handle({
        method: request.method,
        path: request.url,
        body: request.body,
        headers: { ...request.headers, 'content-type': 'application/fhir+json' },
      });
      return { status: answer.status, headers: answer.headers, body: answer.body };
    },
  };
}

beforeEach(() => sessionStorage.clear());

describe('the CapabilityStatement kept for the tab', () => {
  it('is fetched on the first launch only, and a tampered entry is fetched again', async () => {
    const engine = await freshEngine();
    await engine.handle({
      method: 'PUT',
      path: 'Patient/c1',
      body: { resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' },
    });
    const seen: string[] = [];
    const transport = countingTransport(engine, seen);
    const first = await loadRecord(transport, launch, { storage: sessionStorage });
    const second = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(first.ok && second.ok).toBe(true);
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(1);
    if (first.ok && second.ok) expect(second.value.capabilities).toEqual(first.value.capabilities);

    sessionStorage.setItem(
      'tf.capability-statement:https://ehr.example/fhir',
      JSON.stringify({ resourceType: 'Patient' }),
    );
    expect((await loadRecord(transport, launch, { storage: sessionStorage })).ok).toBe(true);
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(2);
    // Another server in the same tab has its own entry.
    await loadRecord({ ...transport, baseUrl: 'https://other.example/fhir' }, launch, { storage: sessionStorage });
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(3);
  });
});

describe('our Questionnaires kept for the tab', () => {
  const questionnaireReads = (seen: readonly string[]) => seen.filter((url) => url.startsWith('Questionnaire?'));

  it('are searched on the first launch only and read back the same; a tampered entry is searched again', async () => {
    const engine = await freshEngine();
    await engine.put([...seedQuestionnaires(), { resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' }]);
    const seen: string[] = [];
    const transport = countingTransport(engine, seen);
    const first = await loadRecord(transport, launch, { storage: sessionStorage });
    const second = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(questionnaireReads(seen)).toHaveLength(1);
    if (!first.ok || !second.ok) throw new Error('a launch failed');
    expect(first.value.history.questionnaires.length).toBeGreaterThanOrEqual(5);
    expect(second.value.history.questionnaires).toEqual(first.value.history.questionnaires);

    sessionStorage.setItem(
      'tf.questionnaires:https://ehr.example/fhir',
      JSON.stringify([{ resourceType: 'Patient', id: 'x' }]),
    );
    const third = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(questionnaireReads(seen)).toHaveLength(2);
    expect(third.ok && third.value.history.questionnaires).toEqual(first.value.history.questionnaires);
  });

  it('are not kept when the server has none of them (a later launch asks again)', async () => {
    const engine = await freshEngine();
    await engine.put([{ resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' }]);
    const seen: string[] = [];
    const transport = countingTransport(engine, seen);
    await loadRecord(transport, launch, { storage: sessionStorage });
    await loadRecord(transport, launch, { storage: sessionStorage });
    expect(questionnaireReads(seen)).toHaveLength(2);
  });
});
