// `npm run fhir-server -- --open` is what an external SMART launcher proxies to for a provider launch with
// no patient: over plain HTTP (no authorization), it must answer the searches the caseload needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScoringConfig } from '../../src/core/config';
import type { CaseloadConfig } from '../../src/fhir/caseload-config';
import { fetchTransport } from '../../src/fhir/gateway';
import { SEED_TODAY } from '../../src/node/sandbox/seed';
import { startFhirHttpServer, type FhirHttpServer } from '../../src/node/sandbox/http';
import { loadCaseload } from '../../src/ui/caseload/load-caseload';
import { sharedSeededEngine } from '../support/engine';

let server: FhirHttpServer;
beforeAll(async () => {
  server = await startFhirHttpServer({ engine: await sharedSeededEngine(), port: 0 });
});
afterAll(async () => server.close());

describe('the open FHIR server and the caseload', () => {
  it("answers the Appointment and CareTeam searches of a clinician's caseload", async () => {
    const transport = fetchTransport({ baseUrl: server.baseUrl });
    for (const url of [
      `Appointment?practitioner=Practitioner/pr1&date=ge${SEED_TODAY}&_include=Appointment:patient`,
      'CareTeam?participant=Practitioner/pr1&status=active&_include=CareTeam:subject',
    ]) {
      const answer = await transport.send({ method: 'GET', url });
      expect(answer.status, url).toBe(200);
      expect(
        (answer.body as fhir4.Bundle).entry?.some((e) => e.resource?.resourceType === 'Patient'),
        url,
      ).toBe(true);
    }
  });

  it('lists the caseload of `Practitioner/pr1` (a relative fhirUser, as the SMART Health IT launcher gives it)', async () => {
    const caseload: CaseloadConfig = {
      scopes: 'launch',
      scopesV1: 'launch',
      myClients: ['appointments', 'care-team'],
      daysAhead: 7,
    };
    const result = await loadCaseload(fetchTransport({ baseUrl: server.baseUrl }), {
      fhirUser: 'Practitioner/pr1',
      caseload,
      scoring: defaultScoringConfig,
      today: SEED_TODAY,
    });
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.value.problems).toEqual([]);
    expect(result.value.entries.length).toBeGreaterThanOrEqual(30);
  });
});
