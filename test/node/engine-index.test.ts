import { describe, expect, it } from 'vitest';
import type { TestEngine } from '../support/engine';
import { call, entriesOf, freshEngine } from '../support/engine';

// The engine's indexes only narrow where a search looks: what it finds must not change, whatever form the
// references take, after updates, deletes and rolled-back transactions, and page after page.

const observation = (subject: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'ORS total' },
  subject: { reference: subject },
  ...extra,
});

async function create(engine: TestEngine, resource: Record<string, unknown>): Promise<string> {
  const response = await call(engine, 'POST', String(resource['resourceType']), resource);
  expect(response.status).toBe(201);
  return String(response.json['id']);
}

async function ids(engine: TestEngine, path: string): Promise<unknown[]> {
  return entriesOf((await call(engine, 'GET', path)).json).map((r) => r['id']);
}

describe('indexed search', () => {
  it('finds resources whose references are absolute, relative or versioned, by any of those forms', async () => {
    const engine = await freshEngine();
    const absolute = await create(engine, observation('https://host.example/fhir/Patient/p11'));
    const relative = await create(engine, observation('Patient/p11'));
    const versioned = await create(engine, observation('Patient/p11/_history/3'));
    await create(engine, observation('Patient/p12'));
    for (const wanted of [
      'Patient/p11',
      'p11',
      'https://host.example/fhir/Patient/p11',
      encodeURIComponent('https://elsewhere.example/r4/Patient/p11'),
    ]) {
      // `subject=`: `patient=` resolves the reference, which for absolute ones is fixed apart from the index.
      expect(await ids(engine, `Observation?subject=${wanted}`), wanted).toEqual([absolute, relative, versioned]);
    }
  });

  it('follows updates, deletes and rolled-back transactions', async () => {
    const engine = await freshEngine();
    const id = await create(engine, observation('Patient/a'));
    expect((await call(engine, 'PUT', `Observation/${id}`, { ...observation('Patient/b'), id })).status).toBe(200);
    expect(await ids(engine, 'Observation?subject=Patient/a')).toEqual([]);
    expect(await ids(engine, 'Observation?subject=Patient/b')).toEqual([id]);
    const failing = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: observation('Patient/c'), request: { method: 'POST', url: 'Observation' } },
        {
          resource: { resourceType: 'Observation', status: 'not-a-status' },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    expect((await call(engine, 'POST', '', failing)).status).toBeGreaterThanOrEqual(400);
    expect(await ids(engine, 'Observation?subject=Patient/c')).toEqual([]);
    expect((await call(engine, 'DELETE', `Observation/${id}`)).status).toBeLessThan(300);
    expect(await ids(engine, 'Observation?subject=Patient/b')).toEqual([]);
  });

  it('finds by code (a coding code in any case, or a concept text as Medplum matches it), after an update too', async () => {
    const engine = await freshEngine();
    const coded = (code: string) => ({ code: { coding: [{ system: 'urn:x', code }] } });
    const note = await create(engine, observation('Patient/a', coded('alliance-rupture-note')));
    for (let i = 0; i < 20; i++) await create(engine, observation('Patient/a', coded('ors-total')));
    const texted = await create(engine, observation('Patient/a', { code: { text: 'Rupture' } }));
    expect(await ids(engine, 'Observation?subject=Patient/a&code=urn:x|alliance-rupture-note')).toEqual([note]);
    expect(await ids(engine, 'Observation?code=ALLIANCE-RUPTURE-NOTE,rupture')).toEqual(
      await ids(engine, 'Observation?code:not=ors-total&subject=Patient/a'),
    );
    expect(await ids(engine, 'Observation?code=rupture')).toEqual([texted]);
    expect(await ids(engine, 'Observation?code=urn:x|ors-total')).toHaveLength(20);
    await call(engine, 'PUT', `Observation/${note}`, { ...observation('Patient/a', coded('ors-total')), id: note });
    expect(await ids(engine, 'Observation?code=urn:x|alliance-rupture-note')).toEqual([]);
    expect(await ids(engine, 'Observation?code=urn:x|ors-total')).toHaveLength(21);
  });

  it('finds by identifier and by id', async () => {
    const engine = await freshEngine();
    const id = await create(engine, observation('Patient/a', { identifier: [{ system: 'urn:x', value: 'Obs-1' }] }));
    await create(engine, observation('Patient/a', { identifier: [{ system: 'urn:x', value: 'obs-2' }] }));
    expect(await ids(engine, 'Observation?identifier=urn:x|Obs-1')).toEqual([id]);
    expect(await ids(engine, 'Observation?identifier=Obs-1')).toEqual([id]);
    expect(await ids(engine, `Observation?_id=${id}&subject=Patient/a`)).toEqual([id]);
  });

  it('pages through a kept sorted result, and sees a write made between pages', async () => {
    const engine = await freshEngine();
    const created: string[] = [];
    for (let day = 1; day <= 5; day++)
      created.push(await create(engine, observation('Patient/p', { effectiveDateTime: `2024-01-0${day}` })));
    const first = await call(engine, 'GET', 'Observation?patient=Patient/p&_sort=-date&_count=2');
    expect(entriesOf(first.json).map((r) => r['id'])).toEqual([created[4], created[3]]);
    expect(await ids(engine, 'Observation?patient=Patient/p&_sort=-date&_count=2&_offset=2')).toEqual([
      created[2],
      created[1],
    ]);
    const newest = await create(engine, observation('Patient/p', { effectiveDateTime: '2024-01-09' }));
    const again = await call(engine, 'GET', 'Observation?patient=Patient/p&_sort=-date&_count=2');
    expect(again.json['total']).toBe(6);
    expect(entriesOf(again.json)[0]!['id']).toBe(newest);
  });
});
