import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestEngine } from '../support/engine';
import { call, entriesOf, freshEngine, minimalPatient } from '../support/engine';

const qr = (patient: string, authored: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  subject: { reference: `Patient/${patient}` },
  authored,
  ...extra,
});

async function create(engine: TestEngine, resource: Record<string, unknown>): Promise<string> {
  const response = await call(engine, 'POST', String(resource['resourceType']), resource);
  expect(response.status).toBe(201);
  return String(response.json['id']);
}

describe('search additions over Medplum', () => {
  let engine: TestEngine;
  let patient: string;
  let response: string;
  beforeAll(async () => {
    engine = await freshEngine();
    patient = await create(engine, minimalPatient('Ito'));
    response = await create(
      engine,
      qr(patient, '2024-03-01T10:00:00+01:00', { questionnaire: 'http://example.org/Questionnaire/ors|1.0.0' }),
    );
    await create(engine, {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'ORS total' },
      subject: { reference: `Patient/${patient}` },
      derivedFrom: [{ reference: `QuestionnaireResponse/${response}` }],
    });
    await create(engine, {
      resourceType: 'Provenance',
      target: [{ reference: `QuestionnaireResponse/${response}` }],
      recorded: '2024-03-01T10:05:00Z',
      agent: [{ who: { display: 'app' } }],
    });
    await create(engine, {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'other' },
      subject: { reference: `Patient/${patient}` },
    });
  });

  it('finds by bare patient id, as fhirclient sends it', async () => {
    const bundle = await call(engine, 'GET', `QuestionnaireResponse?subject=${patient}`);
    expect(entriesOf(bundle.json).map((r) => r['id'])).toEqual([response]);
    const byPatient = await call(engine, 'GET', `QuestionnaireResponse?patient=${patient}`);
    expect(entriesOf(byPatient.json)).toHaveLength(1);
  });

  it('adds _revinclude and _include resources with search.mode include', async () => {
    const bundle = await call(
      engine,
      'GET',
      `QuestionnaireResponse?subject=Patient/${patient}&_revinclude=Observation:derived-from&_revinclude=Provenance:target&_include=QuestionnaireResponse:subject`,
    );
    const entries = bundle.json['entry'] as { resource: { resourceType: string }; search: { mode: string } }[];
    expect(entries.map((e) => `${e.resource.resourceType}:${e.search.mode}`).sort()).toEqual([
      'Observation:include',
      'Patient:include',
      'Provenance:include',
      'QuestionnaireResponse:match',
    ]);
  });

  it('supports Type:* includes', async () => {
    const bundle = await call(engine, 'GET', `Observation?subject=${patient}&_include=Observation:*`);
    const types = entriesOf(bundle.json).map((r) => r['resourceType']);
    expect(types).toEqual(expect.arrayContaining(['Patient', 'QuestionnaireResponse']));
  });

  it('matches a canonical with or without its version', async () => {
    expect(
      entriesOf(
        (await call(engine, 'GET', 'QuestionnaireResponse?questionnaire=http://example.org/Questionnaire/ors')).json,
      ),
    ).toHaveLength(1);
    expect(
      entriesOf(
        (await call(engine, 'GET', 'QuestionnaireResponse?questionnaire=http://example.org/Questionnaire/ors|1.0.0'))
          .json,
      ),
    ).toHaveLength(1);
    expect(
      entriesOf(
        (await call(engine, 'GET', 'QuestionnaireResponse?questionnaire=http://example.org/Questionnaire/ors|2.0.0'))
          .json,
      ),
    ).toHaveLength(0);
  });

  it('ignores unknown parameters by default and says so in an outcome entry', async () => {
    const bundle = await call(engine, 'GET', `QuestionnaireResponse?subject=${patient}&colour=blue`);
    expect(bundle.status).toBe(200);
    const entries = bundle.json['entry'] as { resource: Record<string, unknown>; search: { mode: string } }[];
    expect(entries.filter((e) => e.search.mode === 'match')).toHaveLength(1);
    const outcome = entries.find((e) => e.search.mode === 'outcome');
    expect(JSON.stringify(outcome?.resource)).toContain('colour');
  });

  it('refuses unknown parameters with 400 under Prefer: handling=strict', async () => {
    const strict = await call(engine, 'GET', `QuestionnaireResponse?subject=${patient}&colour=blue`, undefined, {
      Prefer: 'handling=strict',
    });
    expect(strict.status).toBe(400);
    expect(strict.json['resourceType']).toBe('OperationOutcome');
    expect(JSON.stringify(strict.json)).toContain('colour');
  });
});

describe('_sort by date', () => {
  it('orders instants written in different offsets by their UTC instant', async () => {
    const engine = await freshEngine();
    // 10:00+05:00 = 05:00Z, 08:00+00:00 = 08:00Z, 04:00-05:00 = 09:00Z: string order would be wrong.
    for (const authored of ['2024-05-01T10:00:00+05:00', '2024-05-01T04:00:00-05:00', '2024-05-01T08:00:00+00:00']) {
      await create(engine, qr('x', authored));
    }
    const bundle = await call(engine, 'GET', 'QuestionnaireResponse?_sort=-authored');
    expect(entriesOf(bundle.json).map((r) => r['authored'])).toEqual([
      '2024-05-01T04:00:00-05:00',
      '2024-05-01T08:00:00+00:00',
      '2024-05-01T10:00:00+05:00',
    ]);
  });

  it('sorts 2,000 resources computing each key once, not once per comparison', async () => {
    const engine = await freshEngine();
    const entry = Array.from({ length: 2000 }, (_, i) => ({
      request: { method: 'POST', url: 'QuestionnaireResponse' },
      resource: qr('x', new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 7).toISOString().replace('Z', '+00:00')),
    }));
    expect((await call(engine, 'POST', '', { resourceType: 'Bundle', type: 'batch', entry })).status).toBe(200);
    // Counted, not timed: a comparison that parsed dates would call Date.parse ~2 n log n ≈ 44,000 times.
    const parse = vi.spyOn(Date, 'parse');
    const bundle = await call(engine, 'GET', 'QuestionnaireResponse?_sort=-authored&_count=1000');
    const parses = parse.mock.calls.length;
    parse.mockRestore();
    const authored = entriesOf(bundle.json).map((r) => Date.parse(String(r['authored'])));
    expect(authored).toHaveLength(1000);
    expect(authored).toEqual([...authored].sort((a, b) => b - a));
    expect(parses).toBeLessThanOrEqual(2 * 2000);
  });
});

describe('paging', () => {
  it('walks a 250-resource result through absolute next links and back through previous', async () => {
    const engine = await freshEngine({ baseUrl: 'http://127.0.0.1:9999/fhir' });
    const entry = Array.from({ length: 250 }, (_, i) => ({
      request: { method: 'POST', url: 'QuestionnaireResponse' },
      resource: qr('p', `2024-01-01T00:00:00Z`, { identifier: { value: String(i) } }),
    }));
    await call(engine, 'POST', '', { resourceType: 'Bundle', type: 'batch', entry });
    const seen = new Set<unknown>();
    let url: string | undefined = 'QuestionnaireResponse?subject=p&_count=100';
    let pages = 0;
    let last: Record<string, unknown> = {};
    while (url) {
      const page = await call(engine, 'GET', url.replace('http://127.0.0.1:9999/fhir/', ''));
      expect(page.json['total']).toBe(250);
      for (const r of entriesOf(page.json)) seen.add(r['id']);
      const links = page.json['link'] as { relation: string; url: string }[];
      expect(links.find((l) => l.relation === 'self')?.url).toMatch(
        /^http:\/\/127\.0\.0\.1:9999\/fhir\/QuestionnaireResponse\?/,
      );
      url = links.find((l) => l.relation === 'next')?.url;
      last = page.json;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(250);
    const previous =
      (last['link'] as { relation: string; url: string }[]).find((l) => l.relation === 'previous')?.url ?? '';
    expect(previous).toContain('_offset=100');
  });

  it('pages by an opaque cursor under cursor paging: capped pages, no offsets or last link, every result once', async () => {
    const engine = await freshEngine({ baseUrl: 'http://127.0.0.1:9999/fhir' });
    engine.settings.cursorPaging = { maxPageSize: 40 };
    const entry = Array.from({ length: 130 }, (_, i) => ({
      request: { method: 'POST', url: 'QuestionnaireResponse' },
      resource: qr('p', `2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z`, { identifier: { value: String(i) } }),
    }));
    await call(engine, 'POST', '', { resourceType: 'Bundle', type: 'batch', entry });
    const seen: unknown[] = [];
    const authored: string[] = [];
    let url: string | undefined = 'QuestionnaireResponse?subject=p&_count=1000&_sort=-authored';
    let pages = 0;
    while (url) {
      const page = await call(engine, 'GET', url.replace('http://127.0.0.1:9999/fhir/', ''));
      const resources = entriesOf(page.json);
      expect(resources.length).toBeLessThanOrEqual(40);
      seen.push(...resources.map((r) => r['id']));
      authored.push(...resources.map((r) => String(r['authored'])));
      const links = page.json['link'] as { relation: string; url: string }[];
      expect(links.map((l) => l.relation)).not.toContain('last');
      url = links.find((l) => l.relation === 'next')?.url;
      if (url) expect(url).toMatch(/\?_cursor=[A-Za-z0-9_-]+$/);
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(130);
    expect(authored).toEqual([...authored].sort().reverse()); // the search's own sort, across pages

    const forged = await call(engine, 'GET', 'QuestionnaireResponse?_cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(JSON.stringify(forged.json)).toContain('paging cursor');
  });
});
