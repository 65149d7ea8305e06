import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirHttpServer } from '../../src/node/sandbox/http';
import type { FhirHttpServer } from '../../src/node/sandbox/http';
import { createFhirEngine } from '../../src/node/sandbox/engine';
import { seedResources } from '../../src/node/sandbox/seed';
import { entriesOf, freshEngine, minimalPatient } from '../support/engine';

const FHIR_JSON = { 'content-type': 'application/fhir+json' };

describe('the FHIR engine over HTTP', () => {
  let server: FhirHttpServer;
  beforeAll(async () => {
    const engine = await freshEngine();
    server = await startFhirHttpServer({
      engine,
      port: 0,
      maxBodyBytes: 10_000,
      guard: async (request, next) =>
        request.headers?.['x-deny']
          ? { status: 403, headers: {}, body: { resourceType: 'OperationOutcome', issue: [] } }
          : next(request),
    });
  });
  afterAll(() => server.close());

  it('listens on loopback and serves the CapabilityStatement with its own base URL', async () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fhir$/);
    const response = await fetch(`${server.baseUrl}/metadata`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/fhir+json');
    const body = (await response.json()) as { implementation: { url: string } };
    expect(body.implementation.url).toBe(server.baseUrl);
  });

  it('creates with 201, Location, ETag and Last-Modified; reads back with the same ETag', async () => {
    const created = await fetch(`${server.baseUrl}/Patient`, {
      method: 'POST',
      headers: FHIR_JSON,
      body: JSON.stringify(minimalPatient('Http')),
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${server.baseUrl}/Patient/[^/]+/_history/1$`));
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(Date.parse(created.headers.get('last-modified') ?? '')).not.toBeNaN();
    const read = await fetch(location.replace(/\/_history\/1$/, ''));
    expect(read.headers.get('etag')).toBe('W/"1"');
  });

  it('answers a CORS preflight from the app origin and exposes ETag and Location', async () => {
    const preflight = await fetch(`${server.baseUrl}/Patient`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const get = await fetch(`${server.baseUrl}/metadata`, { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(get.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('gives no CORS grant to other origins', async () => {
    const preflight = await fetch(`${server.baseUrl}/Patient`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bodies over the limit, non-JSON and paths outside the base', async () => {
    const big = await fetch(`${server.baseUrl}/Patient`, {
      method: 'POST',
      headers: FHIR_JSON,
      body: JSON.stringify(minimalPatient('x'.repeat(20_000))),
    });
    expect(big.status).toBe(413);
    const broken = await fetch(`${server.baseUrl}/Patient`, {
      method: 'POST',
      headers: FHIR_JSON,
      body: '{"resourceType":',
    });
    expect(broken.status).toBe(400);
    const outside = await fetch(`${server.origin}/elsewhere`);
    expect(outside.status).toBe(404);
  });

  it('lets the guard refuse a request before the engine sees it', async () => {
    const denied = await fetch(`${server.baseUrl}/Patient`, { headers: { 'x-deny': '1' } });
    expect(denied.status).toBe(403);
  });

  it('a search over HTTP carries absolute paging links to this server', async () => {
    const page = (await (await fetch(`${server.baseUrl}/Patient?_count=1`)).json()) as {
      link: { relation: string; url: string }[];
    };
    expect(page.link.find((l) => l.relation === 'self')?.url.startsWith(`${server.baseUrl}/Patient?`)).toBe(true);
  });
});

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-engine-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the store across restarts with --data, history included', async () => {
    const file = join(dir, 'store.json');
    const first = await createFhirEngine({ dataFile: file, seed: () => seedResources() });
    const created = await first.handle({ method: 'POST', path: 'Patient', body: minimalPatient('Persisted') });
    const id = String((created.body as { id: string }).id);
    await first.handle({ method: 'PUT', path: `Patient/${id}`, body: { ...minimalPatient('Persisted again'), id } });
    await first.close();

    const second = await createFhirEngine({ dataFile: file, seed: () => seedResources() });
    const read = await second.handle({ method: 'GET', path: `Patient/${id}` });
    expect((read.body as { name: unknown }).name).toEqual([{ family: 'Persisted again' }]);
    expect(read.headers['etag']).toBe('W/"2"');
    const seeded = await second.handle({ method: 'GET', path: 'Patient/p01' });
    expect(seeded.status).toBe(200);
    const history = await second.handle({ method: 'GET', path: `Patient/${id}/_history` });
    expect(entriesOf(history.body as Record<string, unknown>)).toHaveLength(2);
  });

  it('refuses a data file that is not a sandbox store, with the reason', async () => {
    const file = join(dir, 'wrong.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, '{"format":"something else"}'));
    await expect(createFhirEngine({ dataFile: file, seed: () => seedResources() })).rejects.toThrow(
      /not a sandbox store/,
    );
  });
});
