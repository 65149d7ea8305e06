import { beforeAll, describe, expect, it } from 'vitest';
import { endFlag } from '../../src/fhir/resources/flag';
import { planWrites } from '../../src/fhir/write/plan';
import { saveAdministration } from '../../src/fhir/write/save';
import type { WriteSet } from '../../src/fhir/write/types';
import { startTestServer, type Fault, type TestServer } from './write-support';

// Ending a Flag applies to the version read (If-Match): a re-send after a lost answer adds no version, and
// a Flag re-activated meanwhile by someone else is left as they left it. Before, each re-send added a
// version (raised v1, ended v2, re-sent v3) and a change made in between was overwritten.

let server: TestServer;
const retry = { sleep: async () => undefined, random: () => 0.5, maxAttempts: 3 };

beforeAll(async () => {
  server = await startTestServer();
});

async function raisedFlag(): Promise<fhir4.Flag> {
  const created = await server.engine.handle({
    method: 'POST',
    path: 'Flag',
    body: {
      resourceType: 'Flag',
      status: 'active',
      code: { text: 'alliance concern' },
      subject: { reference: 'Patient/p1' },
    },
  });
  return created.body as fhir4.Flag;
}

const endSet = (flag: fhir4.Flag): WriteSet => ({
  key: `end-${flag.id}`,
  entries: [
    {
      fullUrl: `Flag/${flag.id}`,
      kind: 'flag-end',
      resource: endFlag(flag, '2025-03-01T10:00:00Z'),
      label: 'ending the flag',
    },
  ],
});

async function versions(flag: fhir4.Flag): Promise<number> {
  const history = await server.engine.handle({ method: 'GET', path: `Flag/${flag.id}/_history` });
  return (history.body as fhir4.Bundle).entry?.length ?? 0;
}

async function current(flag: fhir4.Flag): Promise<fhir4.Flag> {
  return (await server.engine.handle({ method: 'GET', path: `Flag/${flag.id}` })).body as fhir4.Flag;
}

describe('ending a Flag', () => {
  for (const transactions of [true, false]) {
    it(`adds one version however often it is re-sent after a lost answer (${transactions ? 'transaction' : 'no transactions'})`, async () => {
      await server.reset({ transactions });
      const flag = await raisedFlag();
      const faults: Fault[] = [{ kind: 'drop-after-commit' }, { kind: 'drop-after-commit' }];
      const plan = planWrites(await server.capabilities());
      const report = await saveAdministration(await server.transport({ faults }), endSet(flag), plan, { retry });
      expect(report.status).toBe('saved');
      expect(await versions(flag)).toBe(2);
      expect((await current(flag)).status).toBe('inactive');
    });
  }

  it('leaves a Flag that someone re-activated after it was read as they left it', async () => {
    await server.reset();
    const flag = await raisedFlag();
    const asRead = structuredClone(flag);
    await server.engine.handle({ method: 'PUT', path: `Flag/${flag.id}`, body: { ...flag, status: 'inactive' } });
    await server.engine.handle({
      method: 'PUT',
      path: `Flag/${flag.id}`,
      body: { ...flag, status: 'active', code: { text: 're-activated by a colleague' } },
    });
    const report = await saveAdministration(
      await server.transport(),
      endSet(asRead),
      planWrites(await server.capabilities()),
      { retry },
    );
    expect(report.entries[0]?.outcome).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/changed on the server since it was read/),
    });
    expect(await current(flag)).toMatchObject({ status: 'active', code: { text: 're-activated by a colleague' } });
  });
});
