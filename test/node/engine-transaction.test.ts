import { describe, expect, it } from 'vitest';
import type { TestEngine } from '../support/engine';
import { call, entriesOf, freshEngine, minimalPatient } from '../support/engine';

const bundle = (type: 'transaction' | 'batch', entry: unknown[]): Record<string, unknown> => ({
  resourceType: 'Bundle',
  type,
  entry,
});
const createEntry = (resource: Record<string, unknown>, ifNoneExist?: string): unknown => ({
  resource,
  request: { method: 'POST', url: String(resource['resourceType']), ...(ifNoneExist ? { ifNoneExist } : {}) },
});

async function count(engine: TestEngine, type: string): Promise<number> {
  return entriesOf((await call(engine, 'GET', `${type}?_count=1000`)).json).length;
}

describe('transactions are all-or-nothing', () => {
  it("a failing 3rd entry leaves nothing of entries 1 and 2, and the answer is that entry's OperationOutcome", async () => {
    const engine = await freshEngine();
    const existing = (await call(engine, 'POST', 'Patient', minimalPatient('Before'))).json;
    const response = await call(
      engine,
      'POST',
      '',
      bundle('transaction', [
        createEntry(minimalPatient('One')),
        {
          resource: { ...existing, name: [{ family: 'Changed' }] },
          request: { method: 'PUT', url: `Patient/${String(existing['id'])}` },
        },
        { resource: { resourceType: 'Patient', id: 'x', gender: 42 }, request: { method: 'PUT', url: 'Patient/x' } },
      ]),
    );
    expect(response.status).toBe(400);
    expect(response.json['resourceType']).toBe('OperationOutcome');
    expect(JSON.stringify(response.json)).toContain('Patient.gender');
    expect(await count(engine, 'Patient')).toBe(1);
    const after = await call(engine, 'GET', `Patient/${String(existing['id'])}`);
    expect(after.json['name']).toEqual([{ family: 'Before' }]);
    expect(after.headers['etag']).toBe('W/"1"');
    const history = await call(engine, 'GET', `Patient/${String(existing['id'])}/_history`);
    expect(entriesOf(history.json)).toHaveLength(1);
  });

  it('a batch keeps the entries that succeeded and reports the one that failed', async () => {
    const engine = await freshEngine();
    const response = await call(
      engine,
      'POST',
      '',
      bundle('batch', [createEntry(minimalPatient('One')), createEntry({ resourceType: 'Patient', gender: 42 })]),
    );
    expect(response.status).toBe(200);
    const statuses = (response.json['entry'] as { response: { status: string } }[]).map((e) => e.response.status);
    expect(statuses).toEqual(['201', '400']);
    expect(await count(engine, 'Patient')).toBe(1);
  });

  it('answers entries with absolute versioned locations and ETags, and resolves urn:uuid references', async () => {
    const engine = await freshEngine({ baseUrl: 'http://127.0.0.1:1/fhir' });
    const response = await call(
      engine,
      'POST',
      '',
      bundle('transaction', [
        {
          fullUrl: 'urn:uuid:6f1c1b7e-0b1a-4c55-9f59-6f0f6f0f6f0f',
          ...(createEntry(minimalPatient('Linked')) as object),
        },
        createEntry({
          resourceType: 'Flag',
          status: 'active',
          code: { text: 'x' },
          subject: { reference: 'urn:uuid:6f1c1b7e-0b1a-4c55-9f59-6f0f6f0f6f0f' },
        }),
      ]),
    );
    expect(response.status).toBe(200);
    const entries = response.json['entry'] as {
      response: { status: string; location: string; etag: string };
      resource: { subject?: { reference: string } };
    }[];
    expect(entries[0]!.response.location).toMatch(/^http:\/\/127\.0\.0\.1:1\/fhir\/Patient\/[^/]+\/_history\/1$/);
    expect(entries[0]!.response.etag).toBe('W/"1"');
    expect(entries[1]!.resource.subject?.reference).toMatch(/^Patient\//);
  });
});

describe('conditional create', () => {
  const identified = { ...minimalPatient('Same'), identifier: [{ system: 'urn:test', value: 'one' }] };

  it('does not duplicate on a retried If-None-Exist create', async () => {
    const engine = await freshEngine();
    const first = await call(engine, 'POST', 'Patient', identified, { 'If-None-Exist': 'identifier=urn:test|one' });
    const second = await call(engine, 'POST', 'Patient', identified, { 'If-None-Exist': 'identifier=urn:test|one' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json['id']).toBe(first.json['id']);
    expect(await count(engine, 'Patient')).toBe(1);
  });

  it('does not duplicate inside a retried transaction either', async () => {
    const engine = await freshEngine();
    const tx = (): Record<string, unknown> =>
      bundle('transaction', [createEntry(identified, 'identifier=urn:test|one')]);
    expect((await call(engine, 'POST', '', tx())).status).toBe(200);
    expect((await call(engine, 'POST', '', tx())).status).toBe(200);
    expect(await count(engine, 'Patient')).toBe(1);
  });

  it('without conditional create support ignores If-None-Exist, like a server that lacks it (duplicates)', async () => {
    const engine = await freshEngine({ settings: { conditionalCreate: false } });
    await call(engine, 'POST', 'Patient', identified, { 'If-None-Exist': 'identifier=urn:test|one' });
    await call(engine, 'POST', 'Patient', identified, { 'If-None-Exist': 'identifier=urn:test|one' });
    expect(await count(engine, 'Patient')).toBe(2);
  });
});

describe('settings and faults', () => {
  it('refuses transactions or batches when switched off', async () => {
    const engine = await freshEngine({ settings: { transactions: false, batch: false } });
    const tx = await call(engine, 'POST', '', bundle('transaction', [createEntry(minimalPatient('A'))]));
    const batch = await call(engine, 'POST', '', bundle('batch', [createEntry(minimalPatient('A'))]));
    expect([tx.status, batch.status]).toEqual([400, 400]);
    expect(JSON.stringify(tx.json)).toContain('not-supported');
    expect(await count(engine, 'Patient')).toBe(0);
  });

  it('fails the next N transactions with the configured status, then clears itself', async () => {
    const engine = await freshEngine();
    engine.settings.transactionFault = { status: 503, times: 2 };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await call(engine, 'POST', '', bundle('transaction', [createEntry(minimalPatient(`T${i}`))]))).status,
      );
    expect(statuses).toEqual([503, 503, 200]);
    expect(engine.settings.transactionFault).toBeUndefined();
    expect(await count(engine, 'Patient')).toBe(1);
  });

  it('delays transactions when asked', async () => {
    const engine = await freshEngine();
    engine.settings.transactionFault = { delayMs: 150 };
    const started = performance.now();
    const response = await call(engine, 'POST', '', bundle('transaction', [createEntry(minimalPatient('Slow'))]));
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
