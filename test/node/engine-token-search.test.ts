import { matchesSearchRequest, parseSearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, entriesOf, freshEngine } from '../support/engine';

// Token searches go through the engine's code and identifier indexes, which only narrow where a search looks:
// over stored resources and token searches of every form, the engine must find exactly what Medplum's own
// matching accepts among everything stored (so an index never misses what Medplum would match, such as a
// CodeableConcept found by its text).

const SYSTEMS = ['http://loinc.org', 'http://fhir.therapy-feedback.org/CodeSystem/therapy-feedback', 'urn:x'];
const CODES = ['ors-total', 'ORS-Total', 'survey', 'alliance-rupture-note', '44261-6', 'final', 'true', 'a,b'];

const coding = fc.record(
  { system: fc.constantFrom(...SYSTEMS), code: fc.constantFrom(...CODES) },
  { requiredKeys: ['code'] },
);
const codings = fc.array(coding, { minLength: 1, maxLength: 3 });
const observation = fc.record(
  {
    resourceType: fc.constant('Observation' as const),
    status: fc.constantFrom('final', 'amended', 'preliminary'),
    code: fc.oneof(
      fc.record({ coding: codings }),
      fc.record({ text: fc.constantFrom('ORS total', 'survey', 'Rupture') }),
      fc.record({ coding: codings, text: fc.constantFrom('ORS total', 'survey') }),
    ),
    category: fc.array(fc.record({ coding: codings }), { minLength: 1, maxLength: 2 }),
    identifier: fc.array(fc.record({ system: fc.constantFrom(...SYSTEMS), value: fc.constantFrom(...CODES) }), {
      minLength: 1,
      maxLength: 2,
    }),
  },
  { requiredKeys: ['resourceType', 'status', 'code'] },
);

const value = fc.oneof(
  fc.constantFrom(...CODES),
  fc.tuple(fc.constantFrom(...SYSTEMS, ''), fc.constantFrom(...CODES, '')).map(([s, c]) => `${s}|${c}`),
  fc.constantFrom('ORS-TOTAL', 'Survey', 'rupture', 'TRUE', 'nothing', 'a\\,b'),
);
const search = fc
  .tuple(
    fc.constantFrom('code', 'category', 'status', 'identifier', 'combo-code'),
    fc.array(value, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', ':not', ':text'),
  )
  .map(([param, values, modifier]) => `${param}${modifier}=${values.map(encodeURIComponent).join(',')}`);

describe('token searches', () => {
  it('find exactly what Medplum accepts among everything stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(observation, { minLength: 1, maxLength: 12 }),
        fc.array(search, { maxLength: 6 }),
        async (generated, searches) => {
          const engine = await freshEngine();
          const stored: Resource[] = [];
          for (const resource of JSON.parse(JSON.stringify(generated)) as Record<string, unknown>[]) {
            const created = await call(engine, 'POST', 'Observation', resource);
            expect(created.status, JSON.stringify(created.json)).toBe(201);
            stored.push(created.json as unknown as Resource);
          }
          for (const query of searches) {
            const request = parseSearchRequest(`Observation?${query}`);
            const expected = stored.filter((r) => matchesSearchRequest(r, request)).map((r) => r.id);
            const found = entriesOf((await call(engine, 'GET', `Observation?${query}&_count=100`)).json).map(
              (r) => r['id'],
            );
            expect(new Set(found), query).toEqual(new Set(expected));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
