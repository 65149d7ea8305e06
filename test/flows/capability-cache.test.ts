import { beforeEach, describe, expect, it } from 'vitest';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { loadRecord } from '../../src/ui/app/load-record';
import type { LaunchContext } from '../../src/ui/app/launch-context';
import { freshEngine, type TestEngine } from '../support/engine';

// A relaunch in the same tab reads the CapabilityStatement from session storage, not from the server; a
// stored entry that is not a CapabilityStatement (storage is outside the app's control) is fetched again.

const launch: LaunchContext = {
  patientId: 'c1', encounterId: undefined, fhirUser: undefined, grantedScopes: 'launch patient/*.rs', needPatientBanner: false,
  smartStyleUrl: undefined, locale: undefined, intent: undefined,
};

function countingTransport(engine: TestEngine, seen: string[]): FhirTransport {
  return {
    baseUrl: 'https://ehr.example/fhir',
    send: async (request) => {
      seen.push(request.url);
      const answer = await engine.handle({ method: request.method, path: request.url, body: request.body, headers: { ...request.headers, 'content-type': 'application/fhir+json' } });
      return { status: answer.status, headers: answer.headers, body: answer.body };
    },
  };
}

beforeEach(() => sessionStorage.clear());

describe('the CapabilityStatement kept for the tab', () => {
  it('is fetched on the first launch only, and a tampered entry is fetched again', async () => {
    const engine = await freshEngine();
    await engine.handle({ method: 'PUT', path: 'Patient/c1', body: { resourceType: 'Patient', id: 'c1', birthDate: '1980-01-01' } });
    const seen: string[] = [];
    const transport = countingTransport(engine, seen);
    const first = await loadRecord(transport, launch, { storage: sessionStorage });
    const second = await loadRecord(transport, launch, { storage: sessionStorage });
    expect(first.ok && second.ok).toBe(true);
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(1);
    if (first.ok && second.ok) expect(second.value.capabilities).toEqual(first.value.capabilities);

    sessionStorage.setItem('tf.capability-statement:https://ehr.example/fhir', JSON.stringify({ resourceType: 'Patient' }));
    expect((await loadRecord(transport, launch, { storage: sessionStorage })).ok).toBe(true);
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(2);
    // Another server in the same tab has its own entry.
    await loadRecord({ ...transport, baseUrl: 'https://other.example/fhir' }, launch, { storage: sessionStorage });
    expect(seen.filter((url) => url === 'metadata')).toHaveLength(3);
  }, 60_000);
});
