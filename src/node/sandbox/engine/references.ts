// Reference and canonical matching for search. Medplum compares reference strings literally, so
// `subject=123` (as fhirclient sends it) and absolute references (as Epic writes them) found nothing.
import { getSearchParameter } from '@medplum/core';
import { evalSearchExpression } from './fhirpath-cache';
import type { Resource, SearchParameter } from '@medplum/fhirtypes';
import { parseReference as parseLiteralReference } from '../../../fhir/parse/references';

interface LocalReference {
  readonly resourceType: string | undefined;
  readonly id: string;
}

/** `Patient/1`, `https://ehr/fhir/Patient/1` and `Patient/1/_history/2` all name Patient 1 (the app's own parser); `1` names an id. */
export function parseReference(value: string): LocalReference | undefined {
  const typed = parseLiteralReference(value);
  if (typed) return { resourceType: typed.type, id: typed.id };
  return /^[A-Za-z0-9\-.]{1,64}$/.test(value) ? { resourceType: undefined, id: value } : undefined;
}

/** Where the parameter can point at Patient a bare id means a Patient; otherwise any of its targets. */
function typesForBareId(param: SearchParameter): readonly string[] | undefined {
  const targets = param.target ?? [];
  return targets.includes('Patient') ? ['Patient'] : undefined;
}

function referenceMatches(
  wanted: LocalReference,
  actual: string,
  bareIdTypes: readonly string[] | undefined,
  resolvedType: string | undefined,
): boolean {
  const found = parseReference(actual);
  if (found?.id !== wanted.id) return false;
  if (resolvedType !== undefined && found.resourceType !== resolvedType) return false;
  if (wanted.resourceType) return found.resourceType === wanted.resourceType;
  return !bareIdTypes || (found.resourceType !== undefined && bareIdTypes.includes(found.resourceType));
}

/** A canonical without `|version` matches every version (FHIR search on canonical references). */
function canonicalMatches(wanted: string, actual: string): boolean {
  return actual === wanted || (!wanted.includes('|') && actual.split('|')[0] === wanted);
}

function valuesOf(resource: Resource, expression: string): string[] {
  return evalSearchExpression(expression, resource).flatMap((value): string[] => {
    if (typeof value === 'string') return [value];
    if (value && typeof value === 'object' && 'reference' in value && typeof value.reference === 'string')
      return [value.reference];
    return [];
  });
}

/** `.where(resolve() is T)`, also as Medplum writes a type's part of a shared expression: `.where((resolve() is T))`. */
const RESOLVE_IS = /\.where\((?:resolve\(\) is ([A-Za-z]+)|\(resolve\(\) is ([A-Za-z]+)\))\)/g;

/**
 * `patient` is `subject.where(resolve() is Patient)`. FHIRPath's resolve() reads the type from the start of the
 * reference, so an absolute one (`https://host/…/Patient/x`) is never a Patient and the search found nothing.
 * The type test is taken out of the expression and made on the parsed reference instead.
 */
function withoutResolveTest(expression: string): { expression: string; resolvedType: string | undefined } {
  const types = new Set([...expression.matchAll(RESOLVE_IS)].map((m) => m[1] ?? m[2]));
  const resolvedType = types.size === 1 ? [...types][0] : undefined;
  return resolvedType === undefined
    ? { expression, resolvedType }
    : { expression: expression.replace(RESOLVE_IS, ''), resolvedType };
}

/** A predicate for one `param=value[,value]` reference filter, or undefined when the param is not a reference. */
export function referenceFilter(
  resourceType: string,
  code: string,
  value: string,
): ((r: Resource) => boolean) | undefined {
  const param = getSearchParameter(resourceType, code);
  if (param?.type !== 'reference' || !param.expression) return undefined;
  const { expression, resolvedType } = withoutResolveTest(param.expression);
  const bareIdTypes = typesForBareId(param);
  // Parsed once per search, not once per stored resource: the predicate runs over every resource of the type.
  const wanted = value.split(',').map((text) => ({ text, parsed: parseReference(text) }));
  return (resource) =>
    valuesOf(resource, expression).some((actual) =>
      wanted.some(
        (w) =>
          (resolvedType === undefined && canonicalMatches(w.text, actual)) ||
          (w.parsed !== undefined && referenceMatches(w.parsed, actual, bareIdTypes, resolvedType)),
      ),
    );
}

/** The references a resource makes through one search parameter (for `_include` / `_revinclude`). */
export function referencesThrough(resource: Resource, param: SearchParameter): LocalReference[] {
  const { expression, resolvedType } = withoutResolveTest(param.expression ?? '');
  return valuesOf(resource, expression).flatMap((value) => {
    const parsed = parseReference(value);
    return parsed?.resourceType && (resolvedType === undefined || parsed.resourceType === resolvedType) ? [parsed] : [];
  });
}
