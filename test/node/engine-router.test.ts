// The sandbox extends Medplum's router through its public API only; these check that the routes it overrides
// are served by its handlers, not Medplum's (which answer differently in each case), both as requests and as
// entries of a batch, which Medplum dispatches through the same public `find`.
import { describe, expect, it } from 'vitest';
import { call, freshEngine, minimalPatient } from '../support/engine';

interface BatchEntry {
  readonly response: { readonly status: string; readonly outcome?: unknown };
  readonly resource?: { readonly link?: readonly { relation: string; url: string }[] };
}

async function batchOf(engine: Awaited<ReturnType<typeof freshEngine>>, entry: unknown[]): Promise<BatchEntry[]> {
  const response = await call(engine, 'POST', '', { resourceType: 'Bundle', type: 'batch', entry });
  expect(response.status).toBe(200);
  return response.json['entry'] as BatchEntry[];
}

const selfLink = (bundle: { link?: readonly { relation: string; url: string }[] } | undefined): string | undefined =>
  bundle?.link?.find((l) => l.relation === 'self')?.url;

describe("the sandbox's handlers serve the routes it overrides", () => {
  it('search (GET and POST _search) is ours: paging links with absolute URLs, which Medplum does not add', async () => {
    const engine = await freshEngine();
    const get = await call(engine, 'GET', 'Patient?_count=5');
    const post = await call(engine, 'POST', 'Patient/_search', { _count: '5' });
    expect(selfLink(get.json)).toMatch(/^http:\/\/.+\/Patient\?/);
    expect(selfLink(post.json)).toMatch(/^http:\/\/.+\/Patient\?/);
    const [inBatch] = await batchOf(engine, [{ request: { method: 'GET', url: 'Patient?_count=5' } }]);
    expect(selfLink(inBatch?.resource)).toMatch(/^http:\/\/.+\/Patient\?/);
  });

  it('update-as-create answers 201 (Medplum answers 200), as a request and as a batch entry', async () => {
    const engine = await freshEngine();
    const put = await call(engine, 'PUT', 'Patient/direct', { ...minimalPatient('Direct'), id: 'direct' });
    expect(put.status).toBe(201);
    const [entry] = await batchOf(engine, [
      { resource: { ...minimalPatient('Batched'), id: 'batched' }, request: { method: 'PUT', url: 'Patient/batched' } },
    ]);
    expect(entry?.response.status).toMatch(/^201/);
  });

  it('search across all types is refused (Medplum would run it)', async () => {
    const engine = await freshEngine();
    const response = await call(engine, 'GET', '?_type=Patient');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('Search across all resource types is not supported');
  });

  it('a type outside the supported list is refused on every route, in a batch too', async () => {
    const engine = await freshEngine();
    const read = await call(engine, 'GET', 'Account/x');
    const create = await call(engine, 'POST', 'Account', { resourceType: 'Account', status: 'active' });
    expect([read.status, create.status]).toEqual([400, 400]);
    expect(JSON.stringify(create.json)).toContain('Resource type not supported by this server: Account');
    const [entry] = await batchOf(engine, [
      { resource: { resourceType: 'Account', status: 'active' }, request: { method: 'POST', url: 'Account' } },
    ]);
    expect(JSON.stringify(entry)).toContain('Resource type not supported by this server: Account');
  });

  it('without conditional create, If-None-Exist in a batch entry is ignored too (Medplum would honour it)', async () => {
    const engine = await freshEngine({ settings: { conditionalCreate: false } });
    const identified = { ...minimalPatient('Same'), identifier: [{ system: 'urn:test', value: 'one' }] };
    const entry = {
      resource: identified,
      request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:test|one' },
    };
    const statuses = [
      ...(await batchOf(engine, [structuredClone(entry)])),
      ...(await batchOf(engine, [structuredClone(entry)])),
    ].map((e) => e.response.status);
    expect(statuses).toEqual([expect.stringMatching(/^201/), expect.stringMatching(/^201/)]);
    const all = await call(engine, 'GET', 'Patient?identifier=urn:test|one');
    expect(all.json['entry']).toHaveLength(2);
  });
});
