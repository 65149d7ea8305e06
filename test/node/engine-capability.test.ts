import { describe, expect, it } from 'vitest';
import { call, freshEngine } from '../support/engine';

type Rest = {
  interaction?: { code: string }[];
  resource: {
    type: string;
    conditionalCreate?: boolean;
    searchRevInclude?: string[];
    searchInclude?: string[];
    searchParam?: { name: string }[];
  }[];
  security?: { extension?: { url: string; extension: { url: string; valueUri: string }[] }[] };
};

async function metadata(
  engine: Awaited<ReturnType<typeof freshEngine>>,
): Promise<{ fhirVersion: string; rest: Rest[] }> {
  const response = await call(engine, 'GET', 'metadata');
  expect(response.status).toBe(200);
  return response.json as unknown as { fhirVersion: string; rest: Rest[] };
}

describe('CapabilityStatement at metadata', () => {
  it('is R4, and lists the interactions, includes and search parameters the engine really serves', async () => {
    const engine = await freshEngine();
    const cs = await metadata(engine);
    expect(cs.fhirVersion).toBe('4.0.1');
    const rest = cs.rest[0]!;
    expect(rest.interaction?.map((i) => i.code).sort()).toEqual(['batch', 'transaction']);
    const qr = rest.resource.find((r) => r.type === 'QuestionnaireResponse')!;
    expect(qr.searchInclude).toContain('QuestionnaireResponse:subject');
    expect(qr.searchRevInclude).toEqual(expect.arrayContaining(['Provenance:target', 'Observation:derived-from']));
    expect(qr.searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['subject', 'authored', 'questionnaire', 'identifier', '_count', '_sort']),
    );
    expect(qr.conditionalCreate).toBe(true);
  });

  it('changes at once when the settings change', async () => {
    const engine = await freshEngine();
    engine.settings.transactions = false;
    engine.settings.conditionalCreate = false;
    const rest = (await metadata(engine)).rest[0]!;
    expect(rest.interaction?.map((i) => i.code)).toEqual(['batch']);
    expect(rest.resource.every((r) => r.conditionalCreate === false)).toBe(true);
  });

  it('carries an ETag of its content: If-None-Match with it gets 304 until the settings change', async () => {
    const engine = await freshEngine();
    const first = await call(engine, 'GET', 'metadata');
    const etag = first.headers['etag']!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await call(engine, 'GET', 'metadata', undefined, { 'If-None-Match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    engine.settings.transactions = false;
    const changed = await call(engine, 'GET', 'metadata', undefined, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
    expect((changed.json as { resourceType?: string }).resourceType).toBe('CapabilityStatement');
  });

  it('advertises the SMART oauth-uris once the authorization server sets them, and stops when unset', async () => {
    const engine = await freshEngine();
    expect((await metadata(engine)).rest[0]!.security?.extension).toBeUndefined();
    engine.setSmartEndpoints({
      authorize: 'http://127.0.0.1:9/auth/authorize',
      token: 'http://127.0.0.1:9/auth/token',
    });
    const oauth = (await metadata(engine)).rest[0]!.security?.extension?.[0];
    expect(oauth?.url).toBe('http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris');
    expect(oauth?.extension).toEqual([
      { url: 'authorize', valueUri: 'http://127.0.0.1:9/auth/authorize' },
      { url: 'token', valueUri: 'http://127.0.0.1:9/auth/token' },
    ]);
    engine.setSmartEndpoints(undefined);
    expect((await metadata(engine)).rest[0]!.security?.extension).toBeUndefined();
  });

  it('refuses resource types it does not list', async () => {
    const engine = await freshEngine();
    const response = await call(engine, 'GET', 'Medication?code=x');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('Resource type not supported by this server: Medication');
  });
});
