import { describe, expect, it } from 'vitest';
import { VENDOR_PROFILES } from '../../src/node/sandbox/engine/vendors';
import { call, freshEngine } from '../support/engine';

type Resource = {
  type: string;
  interaction: { code: string }[];
  conditionalCreate?: boolean;
  searchParam?: { name: string }[];
};
type Statement = { rest: { interaction?: { code: string }[]; resource: Resource[] }[] };

const patientRef = { reference: 'Patient/p1' };
const surveyObservation = {
  resourceType: 'Observation',
  status: 'final',
  subject: patientRef,
  valueInteger: 30,
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
  code: { text: 'ORS total' },
};
const vitalObservation = {
  ...surveyObservation,
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  valueQuantity: { value: 70, unit: '/min' },
  valueInteger: undefined,
};
const note = {
  resourceType: 'DocumentReference',
  status: 'current',
  subject: patientRef,
  type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
  content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('note').toString('base64') } }],
};
const response = {
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  subject: patientRef,
  questionnaire: 'http://example.org/Questionnaire/q',
};
const flag = { resourceType: 'Flag', status: 'active', subject: patientRef, code: { text: 'alert' } };

async function engineLike(vendor: 'open' | 'epic-like' | 'oracle-like') {
  return freshEngine({ settings: { vendor } });
}

describe('vendor write profiles', () => {
  it('cite the public documentation they are modelled on', () => {
    for (const profile of Object.values(VENDOR_PROFILES))
      expect(profile.sources.every((s) => s.startsWith('https://'))).toBe(true);
  });

  it('epic-like: the engine refuses a response, a survey Observation, a Flag and a Provenance with 403 and an OperationOutcome; takes vitals and notes', async () => {
    const engine = await engineLike('epic-like');
    for (const resource of [
      response,
      surveyObservation,
      flag,
      {
        resourceType: 'Provenance',
        recorded: '2025-01-01T00:00:00Z',
        target: [patientRef],
        agent: [{ who: patientRef }],
      },
    ]) {
      const answer = await call(engine, 'POST', resource.resourceType, resource);
      expect(answer.status, resource.resourceType).toBe(403);
      expect(answer.json['resourceType']).toBe('OperationOutcome');
      expect(JSON.stringify(answer.json)).toContain('forbidden');
    }
    expect((await call(engine, 'POST', 'Observation', vitalObservation)).status).toBe(201);
    expect((await call(engine, 'POST', 'DocumentReference', note)).status).toBe(201);
    expect(
      (await call(engine, 'GET', 'DocumentReference?patient=Patient/p1&type=http://loinc.org|11506-3')).status,
    ).toBe(200);
  });

  it('epic-like: no transactions or batch, no conditional create, unsupported searches refused', async () => {
    const engine = await engineLike('epic-like');
    const bundle = { resourceType: 'Bundle', type: 'batch', entry: [] };
    expect((await call(engine, 'POST', '', bundle)).status).toBe(400);
    expect((await call(engine, 'GET', 'Flag?subject=Patient/p1&_count=10')).status).toBe(200);
    expect((await call(engine, 'GET', 'Flag?subject=Patient/p1&_lastUpdated=gt2020')).status).toBe(400);
    const first = await call(engine, 'POST', 'DocumentReference', note, { 'if-none-exist': 'subject=Patient/p1' });
    const second = await call(engine, 'POST', 'DocumentReference', note, { 'if-none-exist': 'subject=Patient/p1' });
    expect([first.status, second.status]).toEqual([201, 201]);
  });

  it('epic-like and oracle-like: paged by cursor, the next page is served (its search was checked on the first)', async () => {
    for (const vendor of ['epic-like', 'oracle-like'] as const) {
      const engine = await engineLike(vendor);
      for (let i = 0; i < 3; i++) expect((await call(engine, 'POST', 'DocumentReference', note)).status).toBe(201);
      engine.settings.cursorPaging = { maxPageSize: 2 };
      const first = await call(engine, 'GET', 'DocumentReference?patient=Patient/p1&_count=10');
      const next = (first.json['link'] as { relation: string; url: string }[]).find((l) => l.relation === 'next');
      const rest = await call(
        engine,
        'GET',
        new URL(next!.url).pathname.replace('/fhir/', '') + new URL(next!.url).search,
      );
      expect([first.status, rest.status], vendor).toEqual([200, 200]);
      expect(rest.json['entry'], vendor).toHaveLength(1);
    }
  });

  it('oracle-like: Flag is not served at all; a response may not be created; notes are', async () => {
    const engine = await engineLike('oracle-like');
    expect((await call(engine, 'GET', 'Flag?subject=Patient/p1')).status).toBe(404);
    expect((await call(engine, 'POST', 'QuestionnaireResponse', response)).status).toBe(405);
    expect((await call(engine, 'POST', 'Observation', surveyObservation)).status).toBe(405);
    expect((await call(engine, 'POST', 'DocumentReference', note)).status).toBe(201);
  });

  it('the CapabilityStatement says what the profile takes', async () => {
    const statement = (await call(await engineLike('epic-like'), 'GET', 'metadata')).json as unknown as Statement;
    const rest = statement.rest[0]!;
    const codes = (type: string) =>
      rest.resource
        .find((r) => r.type === type)
        ?.interaction.map((i) => i.code)
        .sort();
    expect(rest.interaction ?? []).toEqual([]);
    expect(codes('QuestionnaireResponse')).toEqual(['read', 'search-type']);
    expect(codes('Flag')).toEqual(['read', 'search-type']);
    expect(codes('Provenance')).toEqual(['read']);
    expect(codes('DocumentReference')).toEqual(['create', 'read', 'search-type']);
    expect(rest.resource.every((r) => r.conditionalCreate === false)).toBe(true);
    expect(rest.resource.find((r) => r.type === 'Flag')?.searchParam?.map((p) => p.name)).not.toContain('_lastUpdated');
    const oracle = (await call(await engineLike('oracle-like'), 'GET', 'metadata')).json as unknown as Statement;
    expect(oracle.rest[0]!.resource.map((r) => r.type)).not.toContain('Flag');
  });

  it("open: today's behaviour, every interaction", async () => {
    const engine = await engineLike('open');
    for (const resource of [response, surveyObservation, flag, note])
      expect((await call(engine, 'POST', resource.resourceType, resource)).status).toBe(201);
  });
});
