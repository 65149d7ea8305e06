import { matchesSearchRequest, parseSearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortResources } from '../../src/node/sandbox/engine/search-sort';
import { call, entriesOf, freshEngine } from '../support/engine';

// Date searches go through ranges the engine keeps per stored version, and a search narrowed by dates is cut
// from the kept sorted result of the same search without them (date windows over a long history). Over stored
// resources of every date form and date searches of every prefix and precision, the engine must find exactly
// what Medplum's own matching accepts among everything stored, in the order a fresh sort gives.

const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const offset = fc.constantFrom('Z', '+00:00', '+01:00', '-05:00', '+14:00');
/** A date or dateTime of every precision FHIR allows, in the given years. */
const dateIn = (years: fc.Arbitrary<number>) =>
  fc.oneof(
    years.map(String),
    fc.tuple(years, two(1, 12)).map(([y, m]) => `${y}-${m}`),
    fc.tuple(years, two(1, 12), two(1, 28)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc
      .tuple(years, two(1, 12), two(1, 28), two(0, 23), two(0, 59), fc.constantFrom('', '.5', '.123'), offset)
      .map(([y, m, d, h, mi, frac, z]) => `${y}-${m}-${d}T${h}:${mi}:00${frac}${z}`),
  );
const date = dateIn(fc.integer({ min: 2019, max: 2021 }));
/** A Period with a start, an end or both (the start years before the end: a valid Period). */
const period = fc
  .record({ start: dateIn(fc.constant(2019)), end: dateIn(fc.constant(2021)) }, { requiredKeys: [] })
  .filter((p) => p.start !== undefined || p.end !== undefined);

const response = fc.record(
  {
    resourceType: fc.constant('QuestionnaireResponse' as const),
    status: fc.constantFrom('completed', 'in-progress'),
    subject: fc.constantFrom({ reference: 'Patient/a' }, { reference: 'Patient/b' }),
    authored: date,
  },
  { requiredKeys: ['resourceType', 'status', 'subject'] },
);
const observation = fc
  .record(
    {
      resourceType: fc.constant('Observation' as const),
      status: fc.constant('final'),
      code: fc.constant({ text: 'ORS total' }),
      subject: fc.constantFrom({ reference: 'Patient/a' }, { reference: 'Patient/b' }),
      effectiveDateTime: date,
      effectivePeriod: period,
    },
    { requiredKeys: ['resourceType', 'status', 'code', 'subject'] },
  )
  .map(({ effectivePeriod, effectiveDateTime, ...rest }) =>
    // One choice of effective[x] at most.
    effectiveDateTime !== undefined
      ? { ...rest, effectiveDateTime }
      : effectivePeriod
        ? { ...rest, effectivePeriod }
        : rest,
  );

const prefix = fc.constantFrom('', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'sa', 'eb', 'ap');
// One value each (Medplum's search parser takes no comma lists of dates); repeated, they must all hold.
const dateValue = fc.tuple(prefix, date).map(([p, d]) => `${p}${d}`);
/** A date search, alone or narrowing another search (with a sort), as date windows do. */
const search = (param: string) =>
  fc
    .tuple(fc.array(dateValue, { minLength: 1, maxLength: 2 }), fc.constantFrom('', 'subject=Patient/a&'), fc.boolean())
    .map(
      ([ands, narrowed, sorted]) =>
        `${narrowed}${ands.map((value) => `${param}=${encodeURIComponent(value)}`).join('&')}${sorted ? `&_sort=-${param}` : ''}`,
    );

async function stored(
  resources: readonly object[],
): Promise<{ engine: Awaited<ReturnType<typeof freshEngine>>; all: Resource[] }> {
  const engine = await freshEngine();
  const all: Resource[] = [];
  for (const resource of JSON.parse(JSON.stringify(resources)) as Record<string, unknown>[]) {
    const created = await call(engine, 'POST', String(resource['resourceType']), resource);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    all.push(created.json as unknown as Resource);
  }
  return { engine, all };
}

describe('date searches', () => {
  for (const [type, resource, param] of [
    ['QuestionnaireResponse', response, 'authored'],
    ['Observation', observation, 'date'],
  ] as const) {
    it(`on ${type}.${param} find exactly what Medplum accepts, in the order a fresh search sorts them`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(resource as fc.Arbitrary<object>, { minLength: 1, maxLength: 12 }),
          fc.array(search(param), { minLength: 1, maxLength: 5 }),
          async (generated, searches) => {
            const { engine, all } = await stored(generated);
            // Each search without its dates first, so that the narrowed ones are cut from its kept result.
            for (const query of searches) {
              const undated = new URLSearchParams(query);
              undated.delete(param);
              await call(engine, 'GET', `${type}?${undated.toString()}`);
            }
            for (const query of searches) {
              const request = parseSearchRequest(`${type}?${query}`);
              const matched = all.filter((r) => matchesSearchRequest(r, request));
              const expected = sortResources(matched, type, request.sortRules ?? []).map((r) => r.id);
              const answer = await call(engine, 'GET', `${type}?${query}&_count=100`);
              const found = entriesOf(answer.json).map((r) => r['id']);
              expect(found, query).toEqual(request.sortRules ? expected : expect.arrayContaining(expected));
              expect(found, query).toHaveLength(expected.length);
            }
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});
