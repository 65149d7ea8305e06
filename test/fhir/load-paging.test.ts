import { describe, expect, it } from 'vitest';
import { remainingPages } from '../../src/fhir/load/paging';
import { bundleSchema } from '../../src/fhir/schemas';

const BASE = 'https://ehr.test/fhir';
const searchset = (link: { relation: string; url: string }[], total?: number) =>
  bundleSchema.parse({ resourceType: 'Bundle', type: 'searchset', link, ...(total === undefined ? {} : { total }) });

describe('remainingPages', () => {
  it('knows every page from next and last when they differ in one offset', () => {
    const bundle = searchset([
      { relation: 'next', url: `${BASE}/Observation?subject=Patient%2Fp&_count=50&_offset=50` },
      { relation: 'last', url: `${BASE}/Observation?subject=Patient%2Fp&_count=50&_offset=150` },
    ]);
    expect(remainingPages(bundle, BASE).map((u) => new URL(u).searchParams.get('_offset'))).toEqual([
      '50',
      '100',
      '150',
    ]);
  });

  it('counts page numbers by one', () => {
    const bundle = searchset([
      { relation: 'next', url: `${BASE}/x?page=2&_count=10` },
      { relation: 'last', url: `${BASE}/x?page=4&_count=10` },
    ]);
    expect(remainingPages(bundle, BASE).map((u) => new URL(u).searchParams.get('page'))).toEqual(['2', '3', '4']);
  });

  it('knows every page from an offset in next and the total', () => {
    const bundle = searchset([{ relation: 'next', url: `${BASE}/QuestionnaireResponse?_count=100&_offset=100` }], 420);
    expect(remainingPages(bundle, BASE).map((u) => new URL(u).searchParams.get('_offset'))).toEqual([
      '100',
      '200',
      '300',
      '400',
    ]);
  });

  it('follows an opaque next link alone', () => {
    const opaque = `${BASE}?_getpages=8f2c-token&_bundletype=searchset`;
    expect(remainingPages(searchset([{ relation: 'next', url: opaque }], 500), BASE)).toEqual([opaque]);
    expect(
      remainingPages(
        searchset([
          { relation: 'next', url: `${BASE}/a?_offset=5&_count=5` },
          { relation: 'last', url: `${BASE}/b?_offset=50&_count=5` },
        ]),
        BASE,
      ),
    ).toHaveLength(1);
  });

  it('resolves relative links against a FHIR base with a path and no trailing slash', () => {
    const relative = searchset(
      [{ relation: 'next', url: 'Observation?subject=Patient%2Fp&_count=50&_offset=50' }],
      120,
    );
    expect(remainingPages(relative, BASE)).toEqual([
      `${BASE}/Observation?subject=Patient%2Fp&_count=50&_offset=50`,
      `${BASE}/Observation?subject=Patient%2Fp&_count=50&_offset=100`,
    ]);
    expect(remainingPages(searchset([{ relation: 'next', url: '?_getpages=abc' }]), BASE)).toEqual([
      `${BASE}/?_getpages=abc`,
    ]);
  });

  it('has nothing to follow on the last page', () => {
    expect(remainingPages(searchset([{ relation: 'self', url: `${BASE}/x` }], 3), BASE)).toEqual([]);
  });
});
