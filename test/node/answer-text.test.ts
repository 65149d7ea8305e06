import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirHttpServer, type FhirHttpServer } from '../../src/node/sandbox/http';
import { answerText } from '../../src/node/sandbox/http/answer-text';
import { call, entriesOf, freshEngine, minimalPatient, type TestEngine } from '../support/engine';

// Search pages are written from each stored version's kept JSON text (answer-text.ts), which is safe only
// because stored versions are frozen: what a reader gets cannot change the store, and the text is the JSON.

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    })
      .on('error', reject)
      .end();
  });
}

describe('the JSON text of an answer', () => {
  it('is the JSON of the answer, whatever parts of it are frozen and however bundles nest', () => {
    const part = fc.tuple(fc.jsonValue(), fc.boolean()).map(([value, frozen]) => (frozen ? deepFreeze(value) : value));
    const entry = fc.record(
      { fullUrl: fc.string(), resource: fc.oneof(part, fc.constant(undefined)), search: fc.jsonValue() },
      { requiredKeys: [] },
    );
    const bundle = fc.record({ resourceType: fc.constant('Bundle'), total: fc.nat(), entry: fc.array(entry) });
    const batch = fc.record({
      resourceType: fc.constant('Bundle'),
      entry: fc.array(fc.record({ resource: bundle, response: fc.record({ status: fc.constant('200 OK') }) })),
    });
    fc.assert(
      fc.property(fc.oneof(part, bundle, batch), (body) => {
        expect(JSON.parse(answerText(body))).toEqual(asJson(body));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the text of a stored version as it is when it is read again', () => {
    const stored = deepFreeze({ resourceType: 'Patient', id: 'a', name: [{ family: 'Ng' }] });
    const first = answerText({ resourceType: 'Bundle', entry: [{ resource: stored }] });
    expect(answerText({ resourceType: 'Bundle', entry: [{ resource: stored }] })).toBe(first);
    expect(JSON.parse(first)).toEqual({ resourceType: 'Bundle', entry: [{ resource: asJson(stored) }] });
  });
});

describe('stored versions handed out by searches', () => {
  let engine: TestEngine;
  let server: FhirHttpServer;
  beforeAll(async () => {
    engine = await freshEngine();
    await call(engine, 'PUT', 'Patient/s1', minimalPatient('Stone', { id: 's1' }));
    server = await startFhirHttpServer({ engine, port: 0 });
  });
  afterAll(() => server.close());

  it('cannot be changed by their reader, so the store stays as written', async () => {
    const [found] = entriesOf((await call(engine, 'GET', 'Patient?_id=s1')).json);
    const patient = found as { name: { family: string }[] };
    expect(patient.name[0]?.family).toBe('Stone');
    expect(() => {
      patient.name[0]!.family = 'Changed';
    }).toThrow(TypeError);
    expect((await call(engine, 'GET', 'Patient/s1')).json['name']).toEqual([{ family: 'Stone' }]);
  });

  it('are sent over HTTP as the same JSON, in a search and in a batch of searches, and after an update', async () => {
    const page = async () => JSON.parse(await get(`${server.baseUrl}/Patient?_id=s1`)) as Record<string, unknown>;
    expect(entriesOf(await page())[0]).toMatchObject({ id: 's1', name: [{ family: 'Stone' }] });
    await call(engine, 'PUT', 'Patient/s1', minimalPatient('Rivers', { id: 's1' }));
    expect(entriesOf(await page())[0]).toMatchObject({
      name: [{ family: 'Rivers' }],
      meta: { versionId: '2' },
    });
    const batch = await call(engine, 'POST', '', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ request: { method: 'GET', url: 'Patient?_id=s1' } }],
    });
    expect(JSON.parse(answerText(batch.body))).toEqual(asJson(batch.body));
  });
});
