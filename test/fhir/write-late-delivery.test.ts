import { beforeAll, describe, expect, it } from 'vitest';
import { planWrites } from '../../src/fhir/write/plan';
import { saveAdministration } from '../../src/fhir/write/save';
import type { FhirRequest } from '../../src/fhir/gateway/types';
import { administration, writeSetFor } from './write-fixtures';
import { startTestServer, stored, type Fault, type TestServer } from './write-support';

// Late delivery on a server without conditional create: the first write request times out for the app and
// reaches the server 20 s later, after the app would have retried. The retry waits out the landing window
// before its look-up, so it finds the late copy instead of writing a second one (before: 2 responses).

let server: TestServer;
let serial = 0;

beforeAll(async () => {
  server = await startTestServer();
});

const isWrite = (request: FhirRequest): boolean => {
  if (request.method !== 'POST') return request.method === 'PUT';
  if (request.url !== '') return true;
  const entries = (request.body as fhir4.Bundle).entry ?? [];
  return entries.some((e) => e.request?.method !== 'GET');
};

const PLANS = [
  { name: 'transaction', settings: { transactions: true, batch: true } },
  { name: 'batch', settings: { transactions: false, batch: true } },
  { name: 'single requests', settings: { transactions: false, batch: false } },
];

describe('a write that lands after its timeout, without conditional create', () => {
  for (const { name, settings } of PLANS) {
    it(`is not written twice (${name})`, async () => {
      await server.reset({ ...settings, conditionalCreate: false });
      const plan = planWrites(await server.capabilities());
      expect(plan.conditionalCreate).toBe(false);
      const probe = await server.transport();
      await saveAdministration(probe, writeSetFor(administration('ors', ++serial, 20)), plan, {
        retry: { sleep: async () => undefined },
      });
      const firstWrite = probe.sent.findIndex(isWrite);
      const faults: Fault[] = [
        ...Array.from({ length: firstWrite }, (): Fault => ({ kind: 'pass' })),
        { kind: 'late', afterMs: 20_000 },
      ];
      const writeSet = writeSetFor(administration('ors', ++serial, 22));
      const retry = { sleep: (ms: number) => server.advance(ms), random: () => 0.5 };
      const report = await saveAdministration(await server.transport({ faults }), writeSet, plan, { retry });
      await server.landAll();
      expect(report.status).toBe('saved');
      expect(await stored(server, writeSet)).toMatchObject({ qr: 1, observations: 1, provenance: 1 });
    });
  }
});
