import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleSchema, readBundle } from '../../src/fhir/schemas/bundle';

// readBundle checks a search page's entries by hand when they are plain; whatever the input, it must agree
// with the schema.
const viaSchema = (body: unknown) => {
  const parsed = bundleSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

const entry = fc.record(
  {
    fullUrl: fc.oneof(fc.webUrl(), fc.integer()),
    resource: fc.jsonValue(),
    search: fc.oneof(
      fc.record({ mode: fc.constantFrom('match', 'include', 'outcome') }),
      fc.record({ mode: fc.integer() }),
      fc.record({ mode: fc.constant('match'), score: fc.double() }),
      fc.constant(null),
    ),
    request: fc.record({ method: fc.constant('GET'), url: fc.string() }),
    response: fc.record({ status: fc.constantFrom('200 OK', '404 Not Found') }),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const bundle = fc.record(
  {
    resourceType: fc.constantFrom('Bundle', 'Patient'),
    type: fc.constantFrom('searchset', 'batch-response', 'nonsense'),
    total: fc.oneof(fc.nat(), fc.string()),
    link: fc.array(fc.record({ relation: fc.constantFrom('next', 'self'), url: fc.webUrl() })),
    entry: fc.oneof(fc.array(entry), fc.array(fc.jsonValue()), fc.jsonValue()),
  },
  { requiredKeys: ['resourceType', 'type'] },
);

describe('reading a Bundle', () => {
  it('agrees with the schema on every input: the same Bundle, or none', () => {
    fc.assert(
      fc.property(fc.oneof(bundle, fc.jsonValue()), (body) => {
        expect(readBundle(body)).toEqual(viaSchema(body));
      }),
      { numRuns: 500 },
    );
  });

  it('takes a plain search page as it is', () => {
    const page = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      entry: [
        { fullUrl: 'https://x/fhir/Patient/1', resource: { resourceType: 'Patient' }, search: { mode: 'match' } },
      ],
    };
    expect(readBundle(page)?.entry?.[0]).toBe(page.entry[0]);
  });
});
