// `_sort` with keys computed once per resource. Medplum compares FHIRPath results as strings on every
// comparison: wrong across timezone offsets and slow (seconds over a few thousand resources).
import { getSearchParameter } from '@medplum/core';
import { evalSearchExpression } from './fhirpath-cache';
import type { SortRule } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

type SortKey = number | string | undefined;

/** Instants compare in UTC; a Period sorts by its start; partial dates by their first instant. */
function dateKey(value: unknown): number | undefined {
  const text = typeof value === 'string' ? value : periodStart(value);
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function periodStart(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'start' in value && typeof value.start === 'string') return value.start;
  return undefined;
}

function plainKey(value: unknown): SortKey {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.toLowerCase();
  if (value && typeof value === 'object') {
    for (const field of ['family', 'value', 'code', 'reference', 'display', 'text'] as const) {
      if (field in value) return plainKey((value as Record<string, unknown>)[field]);
    }
  }
  return undefined;
}

function keyFor(resource: Resource, resourceType: string, code: string): SortKey {
  if (code === '_id') return resource.id;
  if (code === '_lastUpdated') return dateKey(resource.meta?.lastUpdated);
  const param = getSearchParameter(resourceType, code);
  if (!param?.expression) return undefined;
  const values = evalSearchExpression(param.expression, resource);
  const keys = values.map(param.type === 'date' ? dateKey : plainKey).filter((k) => k !== undefined);
  return keys.sort(compareKeys)[0];
}

/** Missing values sort last in either direction. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

export function sortResources<T extends Resource>(
  resources: readonly T[],
  resourceType: string,
  rules: readonly SortRule[],
): T[] {
  if (rules.length === 0) return [...resources];
  const keyed = resources.map((resource) => ({
    resource,
    keys: rules.map((rule) => keyFor(resource, resourceType, rule.code)),
  }));
  keyed.sort((a, b) => {
    for (const [i, rule] of rules.entries()) {
      const [ka, kb] = [a.keys[i], b.keys[i]];
      const order = compareKeys(ka, kb);
      if (order !== 0) return rule.descending && ka !== undefined && kb !== undefined ? -order : order;
    }
    return 0;
  });
  return keyed.map((k) => k.resource);
}
