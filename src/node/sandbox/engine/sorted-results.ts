// A search's matched and sorted resources, kept for its later pages: paging through N results costs one
// match-and-sort, not one per page. An entry is valid only for the store generation it was made in.
import type { SearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { ResourceStore } from './resource-store';

const KEPT = 16;

function searchKey(request: SearchRequest): string {
  return JSON.stringify([request.resourceType, request.filters ?? [], request.sortRules ?? []]);
}

export class SortedResults {
  private readonly kept = new Map<string, { generation: number; sorted: readonly Resource[] }>();

  constructor(private readonly store: ResourceStore) {}

  get<T extends Resource>(request: SearchRequest<T>, compute: () => readonly T[]): readonly T[] {
    const key = searchKey(request);
    const hit = this.kept.get(key);
    if (hit && hit.generation === this.store.generation) return hit.sorted as readonly T[];
    const sorted = compute();
    this.kept.delete(key);
    this.kept.set(key, { generation: this.store.generation, sorted });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return sorted;
  }
}
