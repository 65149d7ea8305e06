// Reference and canonical matching for search. Medplum compares reference strings literally, so
// `subject=123` (as fhirclient sends it) and absolute references (as Epic writes them) found nothing.
import { evalFhirPath, getSearchParameter } from '@medplum/core';
import type { Resource, SearchParameter } from '@medplum/fhirtypes';

interface LocalReference {
  readonly resourceType: string | undefined;
  readonly id: string;
}

const TYPED_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Patient/1`, `https://ehr/fhir/Patient/1` and `Patient/1/_history/2` all name Patient 1; `1` names an id. */
export function parseReference(value: string): LocalReference | undefined {
  const typed = TYPED_REFERENCE.exec(value);
  if (typed?.[1] && typed[2]) return { resourceType: typed[1], id: typed[2] };
  return /^[A-Za-z0-9\-.]{1,64}$/.test(value) ? { resourceType: undefined, id: value } : undefined;
}

/** Where the parameter can point at Patient a bare id means a Patient; otherwise any of its targets. */
function typesForBareId(param: SearchParameter): readonly string[] | undefined {
  const targets = param.target ?? [];
  return targets.includes('Patient') ? ['Patient'] : undefined;
}

function referenceMatches(wanted: LocalReference, actual: string, bareIdTypes: readonly string[] | undefined): boolean {
  const found = parseReference(actual);
  if (found?.id !== wanted.id) return false;
  if (wanted.resourceType) return found.resourceType === wanted.resourceType;
  return !bareIdTypes || (found.resourceType !== undefined && bareIdTypes.includes(found.resourceType));
}

/** A canonical without `|version` matches every version (FHIR search on canonical references). */
function canonicalMatches(wanted: string, actual: string): boolean {
  return actual === wanted || (!wanted.includes('|') && actual.split('|')[0] === wanted);
}

function valuesOf(resource: Resource, expression: string): string[] {
  return evalFhirPath(expression, resource).flatMap((value): string[] => {
    if (typeof value === 'string') return [value];
    if (value && typeof value === 'object' && 'reference' in value && typeof value.reference === 'string') return [value.reference];
    return [];
  });
}

/** A predicate for one `param=value[,value]` reference filter, or undefined when the param is not a reference. */
export function referenceFilter(resourceType: string, code: string, value: string): ((r: Resource) => boolean) | undefined {
  const param = getSearchParameter(resourceType, code);
  if (param?.type !== 'reference' || !param.expression) return undefined;
  const expression = param.expression;
  const bareIdTypes = typesForBareId(param);
  const wanted = value.split(',');
  return (resource) =>
    valuesOf(resource, expression).some((actual) =>
      wanted.some((w) => {
        if (canonicalMatches(w, actual)) return true;
        const parsed = parseReference(w);
        return parsed !== undefined && referenceMatches(parsed, actual, bareIdTypes);
      }),
    );
}

/** The references a resource makes through one search parameter (for `_include` / `_revinclude`). */
export function referencesThrough(resource: Resource, param: SearchParameter): LocalReference[] {
  return valuesOf(resource, param.expression ?? '').flatMap((value) => {
    const parsed = parseReference(value);
    return parsed?.resourceType ? [parsed] : [];
  });
}
