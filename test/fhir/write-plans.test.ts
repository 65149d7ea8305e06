// Every write plan against the real sandbox engine: what lands on the server, how many round trips it
// takes, and that a second save of the same write set adds nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { planWrites } from '../../src/fhir/write/plan';
import { saveAdministration } from '../../src/fhir/write/save';
import { administration, decision, writeSetFor } from './write-fixtures';
import { r4Problems, startTestServer, stored, type TestServer } from './write-support';

const noWait = { sleep: async () => undefined, random: () => 0.5 };

const settingsCases = [
  {
    name: 'transaction + conditional create',
    settings: { transactions: true, batch: true, conditionalCreate: true },
    trips: 1,
  },
  {
    name: 'transaction, no conditional create',
    settings: { transactions: true, batch: true, conditionalCreate: false },
    trips: 2,
  },
  {
    name: 'batch + conditional create',
    settings: { transactions: false, batch: true, conditionalCreate: true },
    trips: 3,
  },
  {
    name: 'batch, no conditional create',
    settings: { transactions: false, batch: true, conditionalCreate: false },
    trips: 4,
  }, // one batch of look-ups, then the three stages
  {
    name: 'individual + conditional create',
    settings: { transactions: false, batch: false, conditionalCreate: true },
    trips: 5,
  },
  {
    name: 'individual, no conditional create',
    settings: { transactions: false, batch: false, conditionalCreate: false },
    trips: 10,
  }, // a GET then a POST for each of the five
] as const;

describe.each(settingsCases)('plan: $name', ({ settings, trips }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(settings);
  });

  it('writes the response, its score, the flag and a provenance once, in the expected round trips, and a re-send adds nothing', async () => {
    const a = administration('srs', 1, 80);
    const writeSet = writeSetFor(a, { create: [decision('alliance-concern', [a.id])], publish: true });
    const plan = planWrites(await server.capabilities());
    const transport = await server.transport();
    const report = await saveAdministration(transport, writeSet, plan, { retry: noWait });
    expect(report.entries.filter((e) => e.outcome.status !== 'saved')).toEqual([]);
    expect(report.status).toBe('saved');
    expect(report.roundTrips).toBe(trips);
    expect(await stored(server, writeSet)).toEqual({ qr: 1, observations: 1, activeFlags: 1, provenance: 1 });

    const again = await saveAdministration(await server.transport(), writeSet, plan, { retry: noWait });
    expect(again.status).toBe('saved');
    // The same resources; a look-up that finds one may not learn its version, so compare the references.
    const references = (r: typeof report): string[] =>
      r.entries.map((e) => (e.outcome.status === 'saved' ? e.outcome.reference : e.outcome.status));
    expect(references(again)).toEqual(references(report));
    expect(await stored(server, writeSet)).toEqual({ qr: 1, observations: 1, activeFlags: 1, provenance: 1 });
  });

  it('links the written resources to each other by server id and keeps them valid R4', async () => {
    const a = administration('ors', 2, 50);
    const writeSet = writeSetFor(a, { create: [decision('outcome-deterioration', [a.id])] });
    const report = await saveAdministration(
      await server.transport(),
      writeSet,
      planWrites(await server.capabilities()),
      { retry: noWait },
    );
    const ref = (kind: string): string => {
      const outcome = report.entries.find((e) => e.kind === kind)?.outcome;
      return outcome?.status === 'saved' ? outcome.reference : '';
    };
    const [observation] = (await server.search(
      'Observation',
      `_id=${ref('observation').split('/')[1]}`,
    )) as fhir4.Observation[];
    expect(observation?.derivedFrom?.[0]?.reference).toBe(ref('response'));
    const [provenance] = (await server.search(
      'Provenance',
      `_id=${ref('provenance').split('/')[1]}`,
    )) as fhir4.Provenance[];
    // Targets saved in an earlier request are version-specific; inside one transaction their versions are not known yet.
    const target = (kind: string): string => (settings.transactions ? ref(kind) : `${ref(kind)}/_history/1`);
    expect(provenance?.target.map((t) => t.reference).sort()).toEqual(
      [target('response'), target('observation'), target('flag-create')].sort(),
    );
    expect(provenance?.entity?.[0]?.what.reference).toBe(target('response'));
    const [flag] = (await server.search('Flag', `_id=${ref('flag-create').split('/')[1]}`)) as fhir4.Flag[];
    expect(flag?.extension?.[0]?.valueReference?.reference).toBe(ref('response'));
    for (const resource of [observation, provenance, flag]) expect(r4Problems(resource!)).toEqual([]);
  });
});
