import { beforeEach, describe, expect, it } from 'vitest';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { loadRecord } from '../../src/ui/app/load-record';
import { refreshServerCache } from '../../src/ui/app/server-cache';
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

/** Every URL read: plain GETs, and each entry of a batch Bundle; `headers` gets each plain GET's headers. */
function countingTransport(
  engine: TestEngine,
  seen: string[],
  headers: Record<string, string | undefined>[] = [],
): FhirTransport {
  return {
    baseUrl: 'https://ehr.example/fhir',
    send: async (request) => {
      if (request.method === 'GET') headers.push({ ...request.headers });
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

/**
 * As a foreign server may answer: every search page's first Questionnaire has a version that is not a string
 * (the sandbox's engine would refuse to store one, so the answer is altered on its way).
 */
function damagingOneQuestionnaire(transport: FhirTransport): FhirTransport {
  type Entry = { resource?: { resourceType?: string; version?: unknown; entry?: Entry[] } };
  const damage = (entries: Entry[] | undefined) => {
    const first = entries?.find((e) => e.resource?.resourceType === 'Questionnaire');
    if (first?.resource) first.resource.version = 7;
    for (const entry of entries ?? []) damage(entry.resource?.entry);
  };
  return {
    ...transport,
    send: async (request) => {
      const answer = await transport.send(request);
      const body = structuredClone(answer.body) as { entry?: Entry[] } | undefined;
      damage(body?.entry);
      return { ...answer, body };
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

  it('are not kept, nor replaced by a refresh, when one the server has is unreadable', async () => {
    const engine = await freshEngine();
    await engine.put([...seedQuestionnaires(), { resourceType: 'Patient', id: 'c1' }]);
    const seen: string[] = [];
    const transport = damagingOneQuestionnaire(countingTransport(engine, seen));
    await loadRecord(transport, launch, { storage: sessionStorage });
    await loadRecord(transport, launch, { storage: sessionStorage });
    expect(questionnaireReads(seen)).toHaveLength(2);

    const key = 'tf.questionnaires:https://ehr.example/fhir';
    const kept = JSON.stringify(seedQuestionnaires().filter((r) => r.resourceType === 'Questionnaire'));
    sessionStorage.setItem(key, kept);
    await refreshServerCache(transport, sessionStorage, { statement: false, questionnaires: true });
    expect(sessionStorage.getItem(key)).toBe(kept);
  });
});

describe("the tab's copy, asked for again once a launch that used it is up", () => {
  const statementKey = 'tf.capability-statement:https://ehr.example/fhir';
  const stored = () =>
    JSON.parse(sessionStorage.getItem(statementKey) ?? 'null') as { rest: { interaction?: { code: string }[] }[] };

  it('keeps the statement on 304 (If-None-Match with its ETag) and takes a changed one for the next launch', async () => {
    const engine = await freshEngine();
    await engine.put([{ resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' }]);
    const seen: string[] = [];
    const headers: Record<string, string | undefined>[] = [];
    const transport = countingTransport(engine, seen, headers);
    const first = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(first.ok && first.value.capabilities.transaction).toBe(true);
    const second = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(second.ok && second.value.fromTabCache).toEqual({ statement: true, questionnaires: false });

    await refreshServerCache(transport, sessionStorage, { statement: true, questionnaires: false });
    expect(headers.at(-1)?.['if-none-match']).toMatch(/^W\//);
    expect(stored().rest[0]!.interaction?.map((i) => i.code)).toContain('transaction');

    // The integrator switches transactions off on the server: the next launch in this tab sees it.
    engine.settings.transactions = false;
    await refreshServerCache(transport, sessionStorage, { statement: true, questionnaires: false });
    expect(stored().rest[0]!.interaction?.map((i) => i.code)).not.toContain('transaction');
    const third = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(third.ok && third.value.capabilities.transaction).toBe(false);
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(3);
  });

  it('takes a changed Questionnaire, and leaves the copy as it was when the server does not answer', async () => {
    const engine = await freshEngine();
    const questionnaires = seedQuestionnaires();
    await engine.put([...questionnaires, { resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' }]);
    const transport = countingTransport(engine, []);
    await loadRecord(transport, launch, { storage: sessionStorage });
    const kept = () =>
      JSON.parse(sessionStorage.getItem('tf.questionnaires:https://ehr.example/fhir') ?? '[]') as { title?: string }[];
    const before = kept();

    const down: FhirTransport = { ...transport, send: () => Promise.reject(new Error('no network')) };
    await refreshServerCache(down, sessionStorage, { statement: true, questionnaires: true });
    expect(kept()).toEqual(before);

    const retitled = (questionnaires as { resourceType: string }[]).find((r) => r.resourceType === 'Questionnaire');
    await engine.put([{ ...retitled, title: 'Renamed by the server' }]);
    await refreshServerCache(transport, sessionStorage, { statement: false, questionnaires: true });
    expect(kept().map((q) => q.title)).toContain('Renamed by the server');
    expect(kept()).toHaveLength(before.length);
  });
});
