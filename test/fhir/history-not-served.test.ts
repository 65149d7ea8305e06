// The history loads while the CapabilityStatement is still on its way (they load in parallel): a server that
// does not serve Flags answers the Flag search with 404, which means "none here", not a failure to show.
import { describe, expect, it } from 'vitest';
import type { FhirTransport } from '../../src/fhir/gateway/types';
import { loadHistory } from '../../src/fhir/load';
import { startTestServer } from './write-support';

const forbiddenFlags = (transport: FhirTransport): FhirTransport => ({
  baseUrl: transport.baseUrl,
  send: async (request) =>
    request.url.startsWith('Flag?')
      ? {
          status: 403,
          headers: { 'content-type': 'application/fhir+json' },
          body: {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Flags may not be read' } }],
          },
        }
      : transport.send(request),
});

describe('optional reads a server does not serve', () => {
  it('oracle-like: the Flag search (no Flag resource, 404) is no failure when read before the capabilities', async () => {
    const server = await startTestServer({ vendor: 'oracle-like' });
    const transport = await server.transport();
    expect((await transport.send({ method: 'GET', url: 'Flag?subject=Patient/p1' })).status).toBe(404);
    const history = await loadHistory(transport, { patientId: 'p1' });
    // The engine is not seeded: only the Patient read fails (a required read's 404 stays a failure).
    expect(history.failures.map((f) => [f.resourceType, f.status])).toEqual([['Patient', 404]]);
    expect(history.flags).toEqual([]);
  });

  it('a 403 on Flags stays an honest refused read', async () => {
    // One GET each (no batch), so that the Flag search's own answer is the one refused.
    const server = await startTestServer({ vendor: 'open', batch: false, transactions: false });
    const history = await loadHistory(forbiddenFlags(await server.transport()), {
      patientId: 'p1',
      capabilities: await server.capabilities(),
    });
    expect(history.failures).toContainEqual({ resourceType: 'Flag', status: 403, messages: ['Flags may not be read'] });
  });
});
