// Every failure the write side must survive, against the real sandbox engine behind its SMART guard.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSIONS } from '../../src/fhir/codes';
import { planWrites } from '../../src/fhir/write/plan';
import type { RetryOptions } from '../../src/fhir/write/retry';
import { saveAdministration } from '../../src/fhir/write/save';
import type { WritePlan } from '../../src/fhir/write/types';
import { administration, decision, writeSetFor } from './write-fixtures';
import { ALL_SCOPES, startTestServer, stored, type TestServer } from './write-support';

let server: TestServer;
let sleeps: number[];
let retry: RetryOptions;
let serial = 0;

beforeAll(async () => {
  server = await startTestServer();
});

beforeEach(() => {
  Object.assign(server.engine.settings, {
    transactions: true,
    batch: true,
    conditionalCreate: true,
    transactionFault: undefined,
  });
  sleeps = [];
  retry = { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, baseDelayMs: 100, maxAttempts: 4 };
});

/** A fresh SRS administration that raises an alliance concern. */
function freshSave(): { writeSet: ReturnType<typeof writeSetFor>; plan: () => Promise<WritePlan> } {
  const a = administration('srs', ++serial, 70);
  return {
    writeSet: writeSetFor(
      { ...a, id: `${a.id}-${Date.now()}` },
      { create: [decision('alliance-concern', [`${a.id}-x`])] },
    ),
    plan: async () => planWrites(await server.capabilities()),
  };
}

const ONCE = { qr: 1, observations: 1, provenance: 1 };
const copies = async (writeSet: ReturnType<typeof writeSetFor>): Promise<Record<string, number>> => {
  const { activeFlags: _flags, ...rest } = await stored(server, writeSet);
  return rest;
};

describe('server errors and slow-downs', () => {
  it('retries a 500 from the transaction with growing, jittered pauses and saves once', async () => {
    server.engine.settings.transactionFault = { status: 500, times: 2 };
    const { writeSet, plan } = freshSave();
    const report = await saveAdministration(await server.transport(), writeSet, await plan(), { retry });
    expect(report.status).toBe('saved');
    expect(report.roundTrips).toBe(3);
    expect(sleeps).toEqual([50, 100]);
    expect(await copies(writeSet)).toEqual(ONCE);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const { writeSet, plan } = freshSave();
    const transport = await server.transport({
      faults: [{ kind: 'status', status: 429, headers: { 'retry-after': '3' } }],
    });
    const report = await saveAdministration(transport, writeSet, await plan(), { retry });
    expect(report.status).toBe('saved');
    expect(sleeps).toEqual([3000]);
  });

  it('leaves everything pending when the server stays down, and says why', async () => {
    server.engine.settings.transactionFault = { status: 503 };
    const { writeSet, plan } = freshSave();
    const report = await saveAdministration(await server.transport(), writeSet, await plan(), { retry });
    expect(report.status).toBe('pending');
    expect(report.roundTrips).toBe(4);
    expect(
      report.entries.every(
        (e) => e.outcome.status === 'pending' && /server had a problem \(503\)/.test(e.outcome.reason),
      ),
    ).toBe(true);
    expect(await copies(writeSet)).toEqual({ qr: 0, observations: 0, provenance: 0 });
  });

  it('gives up at once on a Retry-After longer than it will wait', async () => {
    const { writeSet, plan } = freshSave();
    const transport = await server.transport({
      faults: [{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }],
    });
    const report = await saveAdministration(transport, writeSet, await plan(), { retry });
    expect(report.status).toBe('pending');
    expect(sleeps).toEqual([]);
  });
});

describe('lost requests and lost answers', () => {
  it.each([
    ['transaction', { transactions: true, batch: true, conditionalCreate: true }],
    ['batch without conditional create', { transactions: false, batch: true, conditionalCreate: false }],
    ['individual without conditional create', { transactions: false, batch: false, conditionalCreate: false }],
  ])('%s: an answer lost after the server committed is never written twice', async (_name, settings) => {
    Object.assign(server.engine.settings, settings);
    const { writeSet, plan } = freshSave();
    const faults = [
      { kind: 'drop-after-commit' as const },
      { kind: 'drop-after-commit' as const },
      { kind: 'timeout' as const },
    ];
    const report = await saveAdministration(await server.transport({ faults }), writeSet, await plan(), {
      retry: { ...retry, maxAttempts: 6 },
    });
    expect(report.status).toBe('saved');
    expect(await copies(writeSet)).toEqual(ONCE);
  });

  it('an answer that never comes counts as lost after the request timeout, and the save goes on', async () => {
    const { writeSet, plan } = freshSave();
    const inner = await server.transport();
    // The timer is the test's: the first request's timeout expires as soon as it is sent, no later one ever
    // does, so a slow machine cannot turn a real answer into a timeout.
    const timers: { ms: number; expire: () => void }[] = [];
    const startTimer = (ms: number, expire: () => void) => (timers.push({ ms, expire }), () => undefined);
    let calls = 0;
    const hanging = {
      baseUrl: inner.baseUrl,
      send: (request: Parameters<typeof inner.send>[0]) => {
        if (++calls > 1) return inner.send(request);
        timers.at(-1)?.expire();
        return new Promise<never>(() => undefined);
      },
    };
    const report = await saveAdministration(hanging, writeSet, await plan(), {
      retry: { ...retry, requestTimeoutMs: 20, startTimer },
    });
    expect(report.status).toBe('saved');
    expect(report.roundTrips).toBe(2);
    expect(timers.map((t) => t.ms)).toEqual([20, 20]);
  });

  it('a request lost on the way is sent again', async () => {
    const { writeSet, plan } = freshSave();
    const report = await saveAdministration(
      await server.transport({ faults: [{ kind: 'network' }] }),
      writeSet,
      await plan(),
      { retry },
    );
    expect(report.status).toBe('saved');
    expect(report.roundTrips).toBe(2);
  });
});

describe('session', () => {
  it('tries once more after a 401 (the transport refreshes) and saves', async () => {
    const { writeSet, plan } = freshSave();
    const transport = await server.transport({ faults: [{ kind: 'status', status: 401 }] });
    const report = await saveAdministration(transport, writeSet, await plan(), { retry });
    expect(report.status).toBe('saved');
    expect(sleeps).toEqual([]);
  });

  it('reports session-expired with everything still pending when the session cannot be renewed', async () => {
    const { writeSet, plan } = freshSave();
    const transport = await server.transport({ faults: [{ kind: 'session-expired' }, { kind: 'session-expired' }] });
    const report = await saveAdministration(transport, writeSet, await plan(), { retry });
    expect(report.status).toBe('session-expired');
    expect(report.entries.every((e) => e.outcome.status === 'pending')).toBe(true);
    expect(report.roundTrips).toBe(2);
  });
});

describe('refused writes', () => {
  const noFlagScopes =
    'launch openid fhirUser patient/*.rs patient/QuestionnaireResponse.c patient/Observation.c patient/Provenance.c';

  it('skips what the granted scopes refuse and saves the rest, saying plainly what was not saved', async () => {
    const { writeSet } = freshSave();
    const plan = planWrites(await server.capabilities(noFlagScopes));
    const report = await saveAdministration(await server.transport({ scopes: noFlagScopes }), writeSet, plan, {
      retry,
    });
    expect(report.status).toBe('partly-saved');
    expect(report.roundTrips).toBe(1);
    const flag = report.entries.find((e) => e.kind === 'flag-create');
    expect(flag?.outcome).toEqual({ status: 'refused', reason: 'not saved: no permission to write Flag' });
    expect(await copies(writeSet)).toEqual(ONCE);
  });

  it('when the server refuses a type the plan thought allowed (403 on the transaction), falls back to a batch so the rest lands', async () => {
    const { writeSet, plan } = freshSave();
    const report = await saveAdministration(await server.transport({ scopes: noFlagScopes }), writeSet, await plan(), {
      retry,
    });
    expect(report.status).toBe('partly-saved');
    const flag = report.entries.find((e) => e.kind === 'flag-create')?.outcome;
    expect(flag?.status).toBe('refused');
    expect(flag?.status === 'refused' && flag.reason).toMatch(/Flag/);
    const provenance = report.entries.find((e) => e.kind === 'provenance')?.outcome;
    expect(provenance?.status).toBe('saved');
    expect(await copies(writeSet)).toEqual(ONCE);
  });

  it('with no batch either, falls back to one request each', async () => {
    server.engine.settings.batch = false;
    const { writeSet, plan } = freshSave();
    const report = await saveAdministration(await server.transport({ scopes: noFlagScopes }), writeSet, await plan(), {
      retry,
    });
    expect(report.status).toBe('partly-saved');
    expect(report.roundTrips).toBe(1 + 4);
    expect(await copies(writeSet)).toEqual(ONCE);
  });
});

describe('flag lifecycle and questionnaires', () => {
  it('ends a cleared Flag with period.end and leaves no active copy', async () => {
    const first = administration('srs', ++serial, 70);
    const raise = writeSetFor(first, {
      create: [decision('alliance-rupture-risk', [first.id])],
      patient: 'Patient/p9',
    });
    const transport = await server.transport({ patient: 'p9' });
    const plan = planWrites(await server.capabilities());
    const raised = await saveAdministration(transport, raise, plan, { retry });
    const flagRef = raised.entries.find((e) => e.kind === 'flag-create')?.outcome;
    if (flagRef?.status !== 'saved') throw new Error('flag not saved');
    const [flag] = (await server.search('Flag', `_id=${flagRef.reference.split('/')[1]}`)) as fhir4.Flag[];

    const second = administration('srs', ++serial, 95);
    const clear = writeSetFor(second, {
      end: [{ id: flag!.id!, rule: 'alliance-rupture-risk', resource: flag! }],
      patient: 'Patient/p9',
    });
    expect((await saveAdministration(transport, clear, plan, { retry })).status).toBe('saved');
    const [ended] = (await server.search('Flag', `_id=${flag!.id!}`)) as fhir4.Flag[];
    expect(ended).toMatchObject({ status: 'inactive', period: { start: first.authored, end: second.authored } });
    expect(ended?.extension?.some((e) => e.url === EXTENSIONS.flagRule)).toBe(true);
    expect((await stored(server, clear, 'Patient/p9')).activeFlags).toBe(0);
  });

  it('publishes our Questionnaire once and never overwrites another version of it', async () => {
    const a = administration('cors', ++serial, 60);
    const writeSet = writeSetFor(a, { publish: true });
    const ours = writeSet.entries.find((e) => e.kind === 'questionnaire')!.resource as fhir4.Questionnaire;
    await server.engine.handle({
      method: 'POST',
      path: 'Questionnaire',
      body: { ...ours, version: '0.9.0', title: 'Older' },
    });
    const plan = planWrites(await server.capabilities(ALL_SCOPES));
    await saveAdministration(await server.transport(), writeSet, plan, { retry });
    await saveAdministration(await server.transport(), writeSet, plan, { retry });
    const copiesOf = (await server.search(
      'Questionnaire',
      `url=${encodeURIComponent(ours.url!)}`,
    )) as fhir4.Questionnaire[];
    expect(copiesOf.map((q) => [q.version, q.title]).sort()).toEqual([
      ['0.9.0', 'Older'],
      [ours.version, ours.title],
    ]);
  });
});
