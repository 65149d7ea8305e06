// The sandbox's storage: every version of every resource, in memory, with an undo journal so that a
// failed transaction leaves nothing behind. Medplum's MemoryRepository has neither rollback nor stable
// history order (its readHistory reverses the stored array in place), so the engine keeps its own.
import type { Filter } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { SearchIndex } from './search-index';

interface StoredResource {
  /** Oldest first; versionId n is at index n - 1. */
  readonly versions: Resource[];
  deleted: boolean;
  /** Creation order within the type: searches list resources in it. */
  readonly ordinal: number;
}

interface JournalEntry {
  readonly versionCount: number;
  readonly deleted: boolean;
}

export type StoreKey = `${string}/${string}`;

export const storeKey = (resourceType: string, id: string): StoreKey => `${resourceType}/${id}`;

/** Freezes a stored version through and through: searches hand it out without a copy, so nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class ResourceStore {
  private readonly byType = new Map<string, Map<string, StoredResource>>();
  private journal: Map<StoreKey, JournalEntry | undefined> | undefined;
  private readonly index = new SearchIndex();
  private created = 0;
  /** Changes with every write, delete, rollback or load: a cached search result is valid while it stays. */
  generation = 0;

  current(resourceType: string, id: string): Resource | undefined {
    const stored = this.byType.get(resourceType)?.get(id);
    return stored && !stored.deleted ? stored.versions.at(-1) : undefined;
  }

  /** Current versions of one type, in insertion order (not copies: callers must not mutate). */
  *all(resourceType: string): Iterable<Resource> {
    for (const stored of this.byType.get(resourceType)?.values() ?? []) {
      const latest = stored.versions.at(-1);
      if (!stored.deleted && latest) yield latest;
    }
  }

  /**
   * Current resources of a type that may match the filters, in insertion order: found through the
   * indexes when a filter allows, else every resource of the type. Callers still apply the filters.
   */
  candidates(resourceType: string, filters: readonly Filter[]): Iterable<Resource> {
    const ids = this.index.candidates(resourceType, filters);
    if (!ids) return this.all(resourceType);
    const resources = this.byType.get(resourceType);
    const found = [...ids].flatMap((id) => {
      const stored = resources?.get(id);
      const latest = stored?.versions.at(-1);
      return stored && latest && !stored.deleted ? [{ stored, latest }] : [];
    });
    return found.sort((a, b) => a.stored.ordinal - b.stored.ordinal).map((f) => f.latest);
  }

  versions(resourceType: string, id: string): readonly Resource[] {
    return this.byType.get(resourceType)?.get(id)?.versions ?? [];
  }

  /** Appends a version; returns its version number. */
  put(resource: Resource & { id: string }): number {
    const stored = this.entry(resource.resourceType, resource.id);
    stored.versions.push(deepFreeze(resource));
    stored.deleted = false;
    this.index.add(resource);
    this.generation++;
    return stored.versions.length;
  }

  delete(resourceType: string, id: string): void {
    const stored = this.byType.get(resourceType)?.get(id);
    if (!stored) return;
    this.remember(resourceType, id, stored);
    stored.deleted = true;
    this.generation++;
  }

  beginTransaction(): void {
    this.journal = new Map();
  }

  commit(): void {
    this.journal = undefined;
  }

  /** Undoes every change since beginTransaction, newest first. */
  rollback(): void {
    const journal = [...(this.journal ?? new Map<StoreKey, JournalEntry | undefined>()).entries()].reverse();
    this.journal = undefined;
    for (const [key, before] of journal) this.restore(key, before);
    this.generation++;
  }

  /** Every resource with all its versions, for persistence. */
  *dump(): Iterable<{ versions: readonly Resource[]; deleted: boolean }> {
    for (const resources of this.byType.values()) yield* resources.values();
  }

  load(versions: readonly Resource[], deleted: boolean): void {
    const first = versions[0];
    if (!first?.id) return;
    const stored = this.entry(first.resourceType, first.id);
    stored.versions.splice(0, stored.versions.length, ...versions.map(deepFreeze));
    stored.deleted = deleted;
    const latest = versions.at(-1);
    if (latest?.id) this.index.add(latest as Resource & { id: string });
    this.generation++;
  }

  private entry(resourceType: string, id: string): StoredResource {
    let resources = this.byType.get(resourceType);
    if (!resources) {
      resources = new Map();
      this.byType.set(resourceType, resources);
    }
    const stored = resources.get(id);
    this.remember(resourceType, id, stored);
    if (stored) return stored;
    const created: StoredResource = { versions: [], deleted: false, ordinal: this.created++ };
    resources.set(id, created);
    return created;
  }

  private remember(resourceType: string, id: string, stored: StoredResource | undefined): void {
    const key = storeKey(resourceType, id);
    if (!this.journal || this.journal.has(key)) return;
    this.journal.set(key, stored ? { versionCount: stored.versions.length, deleted: stored.deleted } : undefined);
  }

  private restore(key: StoreKey, before: JournalEntry | undefined): void {
    const slash = key.indexOf('/');
    const resourceType = key.slice(0, slash);
    const id = key.slice(slash + 1);
    const resources = this.byType.get(resourceType);
    const stored = resources?.get(id);
    if (!resources || !stored) return;
    if (!before) {
      resources.delete(id);
      return;
    }
    stored.versions.length = before.versionCount;
    stored.deleted = before.deleted;
  }
}
