// A quick "cannot match" for plain token filters (`code=system|value`, `category=survey`, `identifier=…`): the
// codes the resource has through the parameter's expression (compiled once, fhirpath-cache.ts), compared with the
// filter's codes ignoring case. A resource with none of them is rejected before Medplum's matching, which parses
// the expression for every resource it is asked about; any other resource still goes to Medplum, which decides.
// So the answer is Medplum's, and a long history's non-matching resources cost a look-up instead of a parse.
import { getSearchParameter, Operator } from '@medplum/core';
import type { Filter } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { evalSearchExpression } from './fhirpath-cache';

/**
 * The strings a token value can be matched on: a Coding's code (and display), a CodeableConcept's codings and
 * text (Medplum matches a plain token on the text as well), an Identifier's value, a primitive.
 */
function codesOf(value: unknown, out: string[]): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) codesOf(item, out);
  else if (typeof value === 'object' && value !== null) {
    const { code, value: identifierValue, coding, text, display } = value as Record<string, unknown>;
    for (const s of [code, identifierValue, text, display]) if (typeof s === 'string') out.push(s);
    if (Array.isArray(coding)) codesOf(coding, out);
  }
}

/**
 * A predicate that is false only for resources the filter cannot match, or undefined when the filter is not a
 * plain token filter with a code in every value (system-only values, modifiers and escapes go to Medplum alone).
 */
export function tokenPrefilter(resourceType: string, filter: Filter): ((r: Resource) => boolean) | undefined {
  if (filter.operator !== Operator.EQUALS || filter.value.includes('\\')) return undefined;
  const param = getSearchParameter(resourceType, filter.code);
  if (param?.type !== 'token' || !param.expression) return undefined;
  const wanted = filter.value.split(',').map((v) => v.slice(v.indexOf('|') + 1).toLowerCase());
  if (wanted.some((code) => code === '')) return undefined;
  const expression = param.expression;
  return (resource) => {
    const codes: string[] = [];
    codesOf(evalSearchExpression(expression, resource), codes);
    return codes.some((code) => wanted.includes(code.toLowerCase()));
  };
}
