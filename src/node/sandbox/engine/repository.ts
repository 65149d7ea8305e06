// The FhirRepository the Medplum router talks to. Over the plain in-memory store it adds what the sandbox
// needs to behave like a real server: every write validated, all-or-nothing transactions, sequential
// version ids, non-destructive history, reference-aware matching and timezone-correct sorting.
import {
  badRequest,
  deepClone,
  generateId,
  normalizeOperationOutcome,
  notFound,
  OperationOutcomeError,
  preconditionFailed,
  validateResource,
} from '@medplum/core';
import type { Filter, SearchRequest, WithId } from '@medplum/core';
import { FhirRepository } from '@medplum/fhir-router';
import type {
  CreateResourceOptions,
  ReadHistoryOptions,
  RepositoryMode,
  UpdateResourceOptions,
} from '@medplum/fhir-router';
import type { Bundle, Reference, Resource } from '@medplum/fhirtypes';
import { applyPatch } from 'rfc6902';
import type { Operation } from 'rfc6902';
import { ResourceStore } from './resource-store';
import { compileSearch } from './search-match';
import { parseReference } from './references';
import { sortResources } from './search-sort';
import { SortedResults } from './sorted-results';
import { dateFilter } from './date-filter';

export class SandboxRepository extends FhirRepository<undefined> {
  readonly store = new ResourceStore();
  private readonly sortedResults = new SortedResults(this.store);
  private transactionDepth = 0;
  /** Called after every committed change (persistence listens). */
  onCommit: () => void = () => undefined;

  setMode(_mode: RepositoryMode): void {
    // One in-memory store: there is no reader/writer split.
  }

  generateId(): string {
    return generateId();
  }

  async createResource<T extends Resource>(resource: T, options?: CreateResourceOptions): Promise<WithId<T>> {
    const id = options?.assignedId && resource.id ? resource.id : this.generateId();
    return this.write({ ...resource, id });
  }

  async updateResource<T extends Resource>(resource: T, options?: UpdateResourceOptions): Promise<WithId<T>> {
    if (!resource.id) throw new OperationOutcomeError(badRequest('Missing id', `${resource.resourceType}.id`));
    if (options?.ifMatch !== undefined) {
      const existing = this.store.current(resource.resourceType, resource.id);
      if (!existing) throw new OperationOutcomeError(notFound);
      if (existing.meta?.versionId !== options.ifMatch) throw new OperationOutcomeError(preconditionFailed);
    }
    return this.write({ ...resource, id: resource.id });
  }

  async patchResource<T extends Resource>(
    resourceType: T['resourceType'],
    id: string,
    patch: Operation[],
  ): Promise<WithId<T>> {
    const resource = await this.readResource<T>(resourceType, id);
    const errors = applyPatch(resource, patch).filter((e) => e !== null);
    if (errors.length > 0) throw new OperationOutcomeError(badRequest(errors.map((e) => e.message).join('\n')));
    return this.updateResource(resource);
  }

  async deleteResource(resourceType: string, id: string): Promise<void> {
    if (!this.store.current(resourceType, id)) throw new OperationOutcomeError(notFound);
    this.store.delete(resourceType, id);
    this.committed();
  }

  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    const resource = this.store.current(resourceType, id);
    if (!resource) throw new OperationOutcomeError(notFound);
    return deepClone(resource) as WithId<T>;
  }

  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const parsed = parseReference(reference.reference ?? '');
    if (!parsed?.resourceType) throw new OperationOutcomeError(badRequest('Invalid reference'));
    return this.readResource<T>(parsed.resourceType, parsed.id);
  }

  async readReferences<T extends Resource>(references: readonly Reference<T>[]): Promise<(T | Error)[]> {
    return Promise.all(
      references.map((r) =>
        this.readReference(r).catch((e: unknown) => new OperationOutcomeError(normalizeOperationOutcome(e))),
      ),
    );
  }

  async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
    options?: ReadHistoryOptions,
  ): Promise<Bundle<WithId<T>>> {
    const versions = this.store.versions(resourceType, id);
    if (versions.length === 0) throw new OperationOutcomeError(notFound);
    const offset = options?.offset ?? 0;
    const newestFirst = [...versions]
      .reverse()
      .slice(offset, options?.limit === undefined ? undefined : offset + options.limit);
    return {
      resourceType: 'Bundle',
      type: 'history',
      total: versions.length,
      entry: newestFirst.map((v) => ({ resource: deepClone(v) as WithId<T> })),
    };
  }

  async readVersion<T extends Resource>(resourceType: string, id: string, versionId: string): Promise<WithId<T>> {
    const version = this.store.versions(resourceType, id).find((v) => v.meta?.versionId === versionId);
    if (!version) throw new OperationOutcomeError(notFound);
    return deepClone(version) as WithId<T>;
  }

  /** Matches, sorts and pages; `_include`/`_revinclude` and links are added by the search handler. */
  async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    // The later pages of a search find its sorted result kept, as long as the store has not changed.
    const sorted = this.sortedResults.get(request, () => this.sortedMatches(request));
    const offset = request.offset ?? 0;
    const page = request.count === undefined ? sorted.slice(offset) : sorted.slice(offset, offset + request.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: sorted.length,
      // Stored versions are frozen (ResourceStore): a page shares them instead of copying each one.
      entry: page.map((resource) => ({ resource: resource as WithId<T>, search: { mode: 'match' } })),
    };
  }

  async searchByReference<T extends Resource>(
    request: SearchRequest<T>,
    field: string,
    references: string[],
  ): Promise<Record<string, WithId<T>[]>> {
    const results: Record<string, WithId<T>[]> = {};
    for (const reference of references) {
      const filters = [...(request.filters ?? []), { code: field, operator: 'eq' as const, value: reference }];
      const bundle = await this.search({ ...request, filters });
      results[reference] = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    }
    return results;
  }

  async withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    if (this.transactionDepth === 0) this.store.beginTransaction();
    this.transactionDepth++;
    try {
      const result = await callback(undefined);
      if (--this.transactionDepth === 0) this.finish(true);
      return result;
    } catch (err) {
      if (--this.transactionDepth === 0) this.finish(false);
      throw err;
    }
  }

  /**
   * A search narrowed by dates (a long history read in date windows side by side) is cut from the sorted result
   * of the same search without its dates, kept for all of them: not one match and sort over the record each.
   */
  private sortedMatches<T extends Resource>(request: SearchRequest<T>): readonly T[] {
    const inDates: ((resource: Resource) => boolean)[] = [];
    const undated: Filter[] = [];
    for (const filter of request.filters ?? []) {
      const inDate = dateFilter(request.resourceType, filter);
      if (inDate) inDates.push(inDate);
      else undated.push(filter);
    }
    if (inDates.length === 0 || undated.length === 0) {
      return sortResources(this.matching(request), request.resourceType, request.sortRules ?? []);
    }
    const whole = { ...request, filters: undated };
    const sorted = this.sortedResults.get(whole, () => this.sortedMatches(whole));
    return sorted.filter((resource) => inDates.every((inDate) => inDate(resource)));
  }

  /** Current resources of a type that match (not copies). */
  matching<T extends Resource>(request: SearchRequest<T>): WithId<T>[] {
    const matches = compileSearch(request);
    const found: WithId<T>[] = [];
    for (const resource of this.store.candidates(request.resourceType, request.filters ?? [])) {
      if (matches(resource)) found.push(resource as WithId<T>);
    }
    return found;
  }

  private write<T extends Resource>(resource: WithId<T>): WithId<T> {
    const { meta, ...rest } = deepClone(resource);
    const versionId = String(this.store.versions(resource.resourceType, resource.id).length + 1);
    const stored = { ...rest, meta: { ...meta, versionId, lastUpdated: new Date().toISOString() } } as WithId<T>;
    // validateResource throws an OperationOutcomeError naming each path and problem: the 400 the client sees.
    validateResource(stored);
    this.store.put(stored);
    this.committed();
    return deepClone(stored);
  }

  private finish(success: boolean): void {
    if (success) this.store.commit();
    else this.store.rollback();
    this.onCommit();
  }

  private committed(): void {
    if (this.transactionDepth === 0) this.onCommit();
  }
}
