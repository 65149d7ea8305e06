import { matchesSearchRequest, parseSearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../../src/node/sandbox/engine/definitions';
import { compileSearch } from '../../src/node/sandbox/engine/search-match';
import { tokenPrefilter } from '../../src/node/sandbox/engine/token-prefilter';

// The engine rejects early what a plain token filter cannot match, and leaves every other verdict to Medplum:
// over resources and token searches of every form, its answer must be Medplum's own.

const SYSTEMS = ['http://loinc.org', 'http://fhir.therapy-feedback.org/CodeSystem/therapy-feedback', 'urn:x'];
const CODES = ['ors-total', 'ORS-Total', 'survey', 'alliance-rupture-note', '44261-6', 'final', 'true', 'a,b'];

const coding = fc.record(
  { system: fc.constantFrom(...SYSTEMS), code: fc.constantFrom(...CODES) },
  { requiredKeys: [] },
);
const observation = fc.record({
  resourceType: fc.constant('Observation' as const),
  status: fc.constantFrom('final', 'amended', 'preliminary'),
  code: fc.record({ coding: fc.array(coding, { maxLength: 3 }), text: fc.constantFrom('ORS total', 'survey') }),
  category: fc.array(fc.record({ coding: fc.array(coding, { maxLength: 2 }) }), { maxLength: 2 }),
  identifier: fc.array(fc.record({ system: fc.constantFrom(...SYSTEMS), value: fc.constantFrom(...CODES) }), {
    maxLength: 2,
  }),
  component: fc.array(fc.record({ code: fc.record({ coding: fc.array(coding, { maxLength: 2 }) }) }), {
    maxLength: 2,
  }),
});
const patient = fc.record({
  resourceType: fc.constant('Patient' as const),
  active: fc.boolean(),
  gender: fc.constantFrom('female', 'male', 'other'),
  identifier: fc.array(fc.record({ system: fc.constantFrom(...SYSTEMS), value: fc.constantFrom(...CODES) }), {
    maxLength: 2,
  }),
});

const value = fc.oneof(
  fc.constantFrom(...CODES),
  fc.tuple(fc.constantFrom(...SYSTEMS, ''), fc.constantFrom(...CODES, '')).map(([s, c]) => `${s}|${c}`),
  fc.constantFrom('ORS-TOTAL', 'Survey', 'TRUE', 'nothing', 'a\\,b'),
);
const query = (params: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...params),
      fc.array(value, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('', ':not', ':text'),
    )
    .map(([param, values, modifier]) => `${param}${modifier}=${values.map(encodeURIComponent).join(',')}`);

/** The engine's verdict and Medplum's on one resource (made a plain JSON object, as a stored resource is). */
function sameVerdict(generated: object, search: string): void {
  const resource = JSON.parse(JSON.stringify(generated)) as Resource;
  const request = parseSearchRequest(`${resource.resourceType}?${search}`);
  expect(compileSearch(request)(resource), search).toBe(matchesSearchRequest(resource, request));
}

beforeAll(() => loadFhirDefinitions());

describe('token filters', () => {
  it('find exactly what Medplum finds, for Observations', () => {
    const params = ['code', 'category', 'status', 'identifier', 'component-code', 'combo-code'];
    fc.assert(fc.property(observation, query(params), sameVerdict), { numRuns: 3000 });
  });

  it('are rejected early only when plain: a resource without the code, not a system-only or modified search', () => {
    const filter = (search: string) => parseSearchRequest(`Observation?${search}`).filters![0]!;
    const scoreObservation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ code: 'ors-total' }] },
    };
    expect(
      tokenPrefilter('Observation', filter('code=urn:x|alliance-rupture-note'))?.(scoreObservation as Resource),
    ).toBe(false);
    expect(tokenPrefilter('Observation', filter('code=ORS-TOTAL'))?.(scoreObservation as Resource)).toBe(true);
    for (const search of ['code=urn:x|', 'code:not=ors-total', 'code:text=ors', 'code=a\\,b', 'subject=Patient/1'])
      expect(tokenPrefilter('Observation', filter(search)), search).toBeUndefined();
  });

  it('find exactly what Medplum finds, for Patients (booleans, codes, identifiers)', () => {
    fc.assert(fc.property(patient, query(['active', 'gender', 'identifier']), sameVerdict), { numRuns: 2000 });
  });
});
