import { beforeAll, describe, expect, it } from 'vitest';
import { flagRetirements, retireDuplicateFlags } from '../../src/fhir/write/flag-retire';
import { Outbox } from '../../src/fhir/write/outbox';
import { planWrites } from '../../src/fhir/write/plan';
import { withFreshFlags } from '../../src/fhir/write/refresh-flags';
import { recordBasis, type ActiveFlagOnServer } from '../../src/fhir/write/write-set';
import { administration, decision, PATIENT, writeSetFor } from './write-fixtures';
import { activeFlagsOn, startTestServer, type TestServer } from './write-support';

// At most one active Flag per rule, written as the attack: two saves built on one load (two tabs, one client)
// raising the same rule; twins that still got in (no conditional create); and an Outbox entry built before
// a newer save, re-sent after it. Before, each of these left two active Flags or a Flag no rule called for.

let server: TestServer;
const retry = { sleep: async () => undefined, random: () => 0.5, maxAttempts: 3 };

beforeAll(async () => {
  server = await startTestServer();
});

const activeFlags = (): Promise<ActiveFlagOnServer[]> => activeFlagsOn(server, PATIENT);

async function plan(): Promise<ReturnType<typeof planWrites>> {
  return planWrites(await server.capabilities());
}

describe('at most one active Flag per rule', () => {
  it('names a record by its administrations: the same whatever their order, new once one more is stored, back-dated or not', () => {
    const [older, newer, backDated] = [
      administration('srs', 2, 20),
      administration('srs', 5, 20),
      administration('srs', 1, 20),
    ];
    expect(recordBasis([older, newer])).toBe(recordBasis([newer, older]));
    expect(recordBasis([older, newer, backDated])).not.toBe(recordBasis([older, newer]));
    expect(recordBasis([])).toBe('none');
  });

  for (const transactions of [true, false]) {
    it(`two saves built on one load, saved side by side, raise one Flag under conditional create (${transactions ? 'transaction' : 'single requests'})`, async () => {
      await server.reset({ transactions, batch: false, conditionalCreate: true });
      const [first, second] = [administration('srs', 1, 20), administration('srs', 2, 20)];
      const sets = [first, second].map((a) =>
        writeSetFor(a, { create: [decision('alliance-concern', [a.id])], builtOn: 'none' }),
      );
      const writePlan = await plan();
      const reports = await Promise.all(
        sets.map(async (set) =>
          new Outbox(sessionStorage).save(await server.transport({ patient: 'p1' }), set, writePlan, retry),
        ),
      );
      expect(reports.map((r) => r.status)).toEqual(['saved', 'saved']);
      expect((await activeFlags()).map((f) => f.rule)).toEqual(['alliance-concern']);
    });
  }

  it('a load ends twin Flags of a rule that still got in, keeping the one with the smallest id', async () => {
    await server.reset({ transactions: true, conditionalCreate: false });
    const writePlan = await plan();
    // Two saves on different loads, each unaware of the other's Flag: what a race without conditional create leaves.
    for (const [n, builtOn] of [
      [1, 'load-a'],
      [2, 'load-b'],
    ] as const) {
      const a = administration('srs', n, 20);
      await new Outbox(sessionStorage).save(
        await server.transport({ patient: 'p1' }),
        writeSetFor(a, { create: [decision('alliance-concern', [a.id])], builtOn }),
        writePlan,
        retry,
      );
    }
    const twins = await activeFlags();
    expect(twins).toHaveLength(2);
    const report = await retireDuplicateFlags(
      await server.transport({ patient: 'p1' }),
      twins,
      writePlan,
      '2025-03-05T10:00:00Z',
      { retry },
    );
    expect(report?.status).toBe('saved');
    const kept = [...twins].sort((x, y) => (x.id < y.id ? -1 : 1))[0]?.id;
    expect((await activeFlags()).map((f) => f.id)).toEqual([kept]);
    expect(flagRetirements(await activeFlags(), '2025-03-06T10:00:00Z')).toBeUndefined();
  });

  it('an Outbox entry built before a newer save is re-sent with its Flags rebuilt on the newest load', async () => {
    await server.reset({ transactions: true, conditionalCreate: true });
    const writePlan = await plan();
    const outbox = new Outbox(sessionStorage);
    const low = administration('srs', 1, 20);
    const high = administration('srs', 2, 90);
    // The low session was kept unsent (the tab closed); the next one, counting it, clears the concern.
    const stale = writeSetFor(low, { create: [decision('alliance-concern', [low.id])], builtOn: 'none' });
    outbox.enqueue(stale);
    await outbox.save(
      await server.transport({ patient: 'p1' }),
      writeSetFor(high, { builtOn: 'none' }),
      writePlan,
      retry,
    );
    const fresh = withFreshFlags(stale, writeSetFor(low, { end: await activeFlags(), builtOn: 'none' }));
    expect(fresh.entries.filter((e) => e.kind === 'flag-create')).toEqual([]);
    const provenance = fresh.entries.find((e) => e.kind === 'provenance')?.resource as fhir4.Provenance;
    const staleFlag = stale.entries.find((e) => e.kind === 'flag-create')?.fullUrl;
    expect(provenance.target.map((t) => t.reference)).not.toContain(staleFlag);
    expect((await outbox.save(await server.transport({ patient: 'p1' }), fresh, writePlan, retry)).status).toBe(
      'saved',
    );
    expect(outbox.pending().saves).toEqual([]);
    expect(await activeFlags()).toEqual([]);
  });
});
