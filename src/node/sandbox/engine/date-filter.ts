// Date filters (`authored=ge2024-01-01`) with Medplum's meaning, cheap to repeat. Medplum's matching evaluates the
// parameter's FHIRPath and turns every date into a range anew for each resource and each filter (~33 µs a
// resource); a long history read in date windows asks six such searches of the same 4,500 responses. Here a
// stored version's ranges are worked out once (fhirpath-cache.ts) and a filter's once per search.
// The comparisons are FHIR's prefixes over [start, end] ranges of UTC instants, as Medplum applies them: a
// property test holds the engine's date searches to Medplum's own matching.
import { getSearchParameter, Operator, splitSearchOnComma, toPeriod } from '@medplum/core';
import type { Filter } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { evalSearchExpression, perStoredVersion } from './fhirpath-cache';

/** A date, dateTime or Period as the instants it spans (ISO strings in UTC: they compare as text). */
interface Range {
  readonly start: string;
  readonly end: string;
}

const PREFIXES: ReadonlySet<string> = new Set([
  Operator.EQUALS,
  Operator.NOT_EQUALS,
  Operator.APPROXIMATELY,
  Operator.GREATER_THAN,
  Operator.LESS_THAN,
  Operator.GREATER_THAN_OR_EQUALS,
  Operator.LESS_THAN_OR_EQUALS,
  Operator.STARTS_AFTER,
  Operator.ENDS_BEFORE,
]);

/** An open end reaches as far as it can: a Period without a start began at any time. */
function rangeOf(value: unknown): Range | undefined {
  const period = toPeriod(value);
  return period && { start: period.start ?? '0000', end: period.end ?? '9999' };
}

function rangesOf(resource: Resource, expression: string): readonly Range[] {
  return perStoredVersion(resource, `ranges:${expression}`, () =>
    evalSearchExpression(expression, resource).flatMap((v) => rangeOf(v) ?? []),
  );
}

function satisfies(value: Range, operator: string, wanted: Range): boolean {
  switch (operator) {
    case Operator.LESS_THAN:
      return value.start < wanted.start;
    case Operator.GREATER_THAN:
      return value.end > wanted.end;
    case Operator.LESS_THAN_OR_EQUALS:
      return value.start <= wanted.end;
    case Operator.GREATER_THAN_OR_EQUALS:
      return value.end >= wanted.start;
    case Operator.STARTS_AFTER:
      return value.start > wanted.end;
    case Operator.ENDS_BEFORE:
      return value.end < wanted.start;
    default: // eq, ne (negated by the caller) and ap: the ranges overlap
      return value.start < wanted.end && value.end > wanted.start;
  }
}

/** A predicate for one date filter with a prefix, or undefined when the filter is not one (Medplum matches it then). */
export function dateFilter(resourceType: string, filter: Filter): ((resource: Resource) => boolean) | undefined {
  if (!PREFIXES.has(filter.operator)) return undefined;
  const param = getSearchParameter(resourceType, filter.code);
  const expression = param?.expression;
  if (param?.type !== 'date' || !expression) return undefined;
  const wanted = splitSearchOnComma(filter.value).flatMap((v) => rangeOf(v) ?? []);
  const negated = filter.operator === Operator.NOT_EQUALS;
  return (resource) =>
    rangesOf(resource, expression).some((value) => wanted.some((w) => satisfies(value, filter.operator, w))) !==
    negated;
}
