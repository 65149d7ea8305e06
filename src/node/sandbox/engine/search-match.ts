// One predicate per search: reference filters go through our matcher (bare ids, absolute references,
// canonicals with or without a version), date filters through ranges kept per stored version; every other
// filter through Medplum's own matching.
import { matchesSearchRequest, Operator } from '@medplum/core';
import type { Filter, SearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { dateFilter } from './date-filter';
import { referenceFilter } from './references';

export function compileSearch(request: SearchRequest): (resource: Resource) => boolean {
  const own: ((r: Resource) => boolean)[] = [];
  const rest: Filter[] = [];
  for (const filter of request.filters ?? []) {
    const predicate =
      (filter.operator === Operator.EQUALS
        ? referenceFilter(request.resourceType, filter.code, filter.value)
        : undefined) ?? dateFilter(request.resourceType, filter);
    if (predicate) own.push(predicate);
    else rest.push(filter);
  }
  const medplumRequest: SearchRequest = { resourceType: request.resourceType, filters: rest };
  return (resource) =>
    own.every((p) => p(resource)) && (rest.length === 0 || matchesSearchRequest(resource, medplumRequest));
}
