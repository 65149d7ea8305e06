// `_include` and `_revinclude`, which Medplum's in-memory repository ignores. Supports `Type:param`,
// `Type:param:TargetType`, `Type:*` and the `:iterate` modifier (followed a few levels deep).
import { getSearchParameter, getSearchParameters } from '@medplum/core';
import type { Resource, SearchParameter } from '@medplum/fhirtypes';
import { referencesThrough } from './references';
import type { ResourceStore } from './resource-store';
import { storeKey } from './resource-store';

export interface IncludeSpec {
  readonly direction: 'include' | 'revinclude';
  readonly sourceType: string;
  /** `*` means every reference parameter of the source type. */
  readonly param: string;
  readonly targetType?: string;
  readonly iterate: boolean;
}

const INCLUDE_KEYS = ['_include', '_include:iterate', '_revinclude', '_revinclude:iterate'] as const;
const MAX_ITERATIONS = 3;

export function isIncludeKey(key: string): boolean {
  return (INCLUDE_KEYS as readonly string[]).includes(key);
}

/** Parses the include parameters of a query; the ones naming no known reference parameter are returned as unknown. */
export function parseIncludes(query: Readonly<Record<string, string | string[] | undefined>>): {
  specs: IncludeSpec[];
  unknown: string[];
} {
  const specs: IncludeSpec[] = [];
  const unknown: string[] = [];
  for (const key of INCLUDE_KEYS) {
    for (const value of [query[key] ?? []].flat()) {
      const [sourceType = '', param = '', targetType] = value.split(':');
      const spec: IncludeSpec = {
        direction: key.startsWith('_revinclude') ? 'revinclude' : 'include',
        sourceType,
        param,
        targetType,
        iterate: key.endsWith(':iterate'),
      };
      if (paramsOf(spec).length > 0) specs.push(spec);
      else unknown.push(`${key}=${value}`);
    }
  }
  return { specs, unknown };
}

function paramsOf(spec: IncludeSpec): SearchParameter[] {
  if (spec.param === '*')
    return Object.values(getSearchParameters(spec.sourceType) ?? {}).filter((p) => p.type === 'reference');
  const param = getSearchParameter(spec.sourceType, spec.param);
  return param?.type === 'reference' ? [param] : [];
}

function forward(store: ResourceStore, from: readonly Resource[], spec: IncludeSpec): Resource[] {
  const found: Resource[] = [];
  const params = paramsOf(spec);
  for (const resource of from) {
    if (resource.resourceType !== spec.sourceType) continue;
    for (const param of params) {
      for (const ref of referencesThrough(resource, param)) {
        if (spec.targetType && ref.resourceType !== spec.targetType) continue;
        const target = store.current(ref.resourceType ?? '', ref.id);
        if (target) found.push(target);
      }
    }
  }
  return found;
}

function reverse(store: ResourceStore, to: readonly Resource[], spec: IncludeSpec): Resource[] {
  const wanted = new Set(
    to
      .filter((r) => !spec.targetType || r.resourceType === spec.targetType)
      .map((r) => storeKey(r.resourceType, r.id ?? '')),
  );
  if (wanted.size === 0) return [];
  const params = paramsOf(spec);
  const found: Resource[] = [];
  for (const candidate of store.all(spec.sourceType)) {
    const hits = params.some((param) =>
      referencesThrough(candidate, param).some((ref) => wanted.has(storeKey(ref.resourceType ?? '', ref.id))),
    );
    if (hits) found.push(candidate);
  }
  return found;
}

/** Resources the includes add to a page of matches (current versions, not copies, none repeated). */
export function resolveIncludes(
  store: ResourceStore,
  matches: readonly Resource[],
  specs: readonly IncludeSpec[],
): Resource[] {
  const seen = new Set(matches.map((r) => storeKey(r.resourceType, r.id ?? '')));
  const added: Resource[] = [];
  let frontier: readonly Resource[] = matches;
  for (let round = 0; round < MAX_ITERATIONS && frontier.length > 0; round++) {
    const next: Resource[] = [];
    for (const spec of specs.filter((s) => round === 0 || s.iterate)) {
      const found = spec.direction === 'include' ? forward(store, frontier, spec) : reverse(store, frontier, spec);
      for (const resource of found) {
        const key = storeKey(resource.resourceType, resource.id ?? '');
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(resource);
      }
    }
    added.push(...next);
    frontier = next;
  }
  return added;
}
