// The search interaction (GET Type?…, POST Type/_search, and the same inside batches): Medplum's parser,
// our matching and sorting, then what a real server adds — includes, paging links with absolute URLs,
// and a report of the parameters it did not understand (or a 400 under `Prefer: handling=strict`).
import {
  allOk,
  badRequest,
  deepClone,
  getSearchParameter,
  OperationOutcomeError,
  parseSearchRequest,
  singularize,
} from '@medplum/core';
import type { SearchRequest } from '@medplum/core';
import type { FhirRequest, FhirResponse, FhirRouteHandler } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, BundleLink, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { SandboxRepository } from './repository';
import { cursorLink, readCursor, withoutPaging } from './search-cursor';
import { isIncludeKey, parseIncludes, resolveIncludes } from './search-include';
import type { EngineSettings } from './types';

type Query = Record<string, string | string[] | undefined>;

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

function isKnownFilter(resourceType: string, code: string): boolean {
  return getSearchParameter(resourceType, code) !== undefined;
}

function wantsStrictHandling(req: FhirRequest): boolean {
  const prefer = singularize(req.headers?.['prefer']) ?? '';
  return /(^|[\s,;])handling\s*=\s*strict\b/i.test(prefer);
}

function splitQuery(query: Query): { filters: Query; includeQuery: Query } {
  const filters: Query = {};
  const includeQuery: Query = {};
  for (const [key, value] of Object.entries(query)) (isIncludeKey(key) ? includeQuery : filters)[key] = value;
  return { filters, includeQuery };
}

function pageSize(request: SearchRequest, settings: EngineSettings): number {
  return Math.min(request.count ?? DEFAULT_PAGE_SIZE, settings.cursorPaging?.maxPageSize ?? MAX_PAGE_SIZE);
}

function linkUrl(baseUrl: string, resourceType: string, query: Query, offset: number, count: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(withoutPaging(query)))
    for (const v of [value].flat()) params.append(key, v);
  params.set('_count', String(count));
  if (offset > 0) params.set('_offset', String(offset));
  return `${baseUrl}/${resourceType}?${params.toString()}`;
}

function pagingLinks(
  baseUrl: string,
  resourceType: string,
  query: Query,
  offset: number,
  count: number,
  total: number,
  cursor: boolean,
): BundleLink[] {
  const links: BundleLink[] = [{ relation: 'self', url: linkUrl(baseUrl, resourceType, query, offset, count) }];
  const next = (page: Query, from: number) =>
    cursor ? cursorLink(baseUrl, resourceType, page, from, count) : linkUrl(baseUrl, resourceType, page, from, count);
  if (count > 0 && offset + count < total) links.push({ relation: 'next', url: next(query, offset + count) });
  if (cursor) return links;
  if (count > 0 && offset > 0)
    links.push({
      relation: 'previous',
      url: linkUrl(baseUrl, resourceType, query, Math.max(0, offset - count), count),
    });
  return links;
}

function ignoredOutcome(ignored: readonly string[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: ignored.map((p) => ({
      severity: 'warning',
      code: 'not-supported',
      details: { text: `Search parameter ignored (unknown or not supported by this server): ${p}` },
    })),
  };
}

function includeEntries(baseUrl: string, resources: readonly Resource[]): BundleEntry[] {
  return resources.map((r) => ({
    fullUrl: `${baseUrl}/${r.resourceType}/${r.id}`,
    resource: deepClone(r),
    search: { mode: 'include' },
  }));
}

/**
 * Builds the route handler; `baseUrl` is read per request because the HTTP server sets it late, and the
 * settings because an integrator changes them while the server runs.
 */
export function createSearchHandler(
  repo: SandboxRepository,
  baseUrl: () => string,
  settings: EngineSettings,
): FhirRouteHandler {
  return async (req): Promise<FhirResponse> => {
    const resourceType = req.params['resourceType'] ?? '';
    const asked: Query = req.method === 'POST' ? { ...req.query, ...(req.body as Query) } : req.query;
    const query = readCursor(asked);
    const { filters, includeQuery } = splitQuery(query);
    const includes = parseIncludes(includeQuery);
    const request = parseSearchRequest(resourceType, filters);
    const unknownFilters = (request.filters ?? []).filter((f) => !isKnownFilter(resourceType, f.code));
    const ignored = [...unknownFilters.map((f) => f.code), ...includes.unknown];
    if (ignored.length > 0 && wantsStrictHandling(req)) {
      throw new OperationOutcomeError(badRequest(`Unknown or unsupported search parameter(s): ${ignored.join(', ')}`));
    }
    const count = pageSize(request, settings);
    const offset = request.offset ?? 0;
    const known: SearchRequest = {
      ...request,
      filters: (request.filters ?? []).filter((f) => !unknownFilters.includes(f)),
      count,
      offset,
    };
    const found = await repo.search(known);
    const matches = (found.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    const base = baseUrl();
    const entry: BundleEntry[] = [
      ...matches.map((r): BundleEntry => ({
        fullUrl: `${base}/${r.resourceType}/${r.id}`,
        resource: r,
        search: { mode: 'match' },
      })),
      ...includeEntries(base, resolveIncludes(repo.store, matches, includes.specs)),
      ...(ignored.length > 0 ? [{ resource: ignoredOutcome(ignored), search: { mode: 'outcome' as const } }] : []),
    ];
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: found.total ?? matches.length,
      link: pagingLinks(base, resourceType, query, offset, count, found.total ?? 0, !!settings.cursorPaging),
      entry,
    };
    return [allOk, bundle];
  };
}
