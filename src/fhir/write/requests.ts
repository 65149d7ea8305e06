// Wire shapes of a save: the request for one entry, a batch/transaction Bundle of several, the search that
// finds an entry an earlier attempt already created, and what each answer means for each entry. Bundles
// are read with zod's plain check: a body that is no Bundle only matters as "no answer", never by its errors.
import type { FhirRequest, FhirResponse } from '../gateway/types';
import { batchReadRequest } from '../load/round-trip';
import { bundleSchema, entryStatus, type BundleEntry } from '../schemas/bundle';
import { outcomeMessages } from '../schemas/operation-outcome';
import { ifMatchOf, STALE_VERSION } from './flag-end';
import { referenceFrom, versionFrom } from './references';
import type { EntryOutcome, WriteEntry } from './types';

/** An entry with its references resolved for this send. */
export interface Outgoing {
  readonly entry: WriteEntry;
  readonly resource: fhir4.Resource;
}

const isUpdate = (entry: WriteEntry): boolean => entry.kind === 'flag-end' || entry.kind === 'response-update';

/** A 412 on completing a kept response: someone changed it since it was read; never overwritten blindly. */
export const STALE_RESPONSE = 'the response changed in the record since it was opened: not overwritten';

export function singleRequest({ entry, resource }: Outgoing, conditional: boolean): FhirRequest {
  if (isUpdate(entry)) {
    const ifMatch = ifMatchOf(resource);
    return {
      method: 'PUT',
      url: entry.fullUrl,
      body: resource,
      ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
    };
  }
  const headers = conditional && entry.match ? { 'if-none-exist': entry.match } : undefined;
  return { method: 'POST', url: resource.resourceType, body: resource, ...(headers ? { headers } : {}) };
}

export function bundleRequest(
  type: 'transaction' | 'batch',
  items: readonly Outgoing[],
  conditional: boolean,
): FhirRequest {
  const entry = items.map(({ entry: e, resource }): fhir4.BundleEntry => {
    const ifMatch = isUpdate(e) ? ifMatchOf(resource) : undefined;
    return {
      fullUrl: e.fullUrl.startsWith('urn:') ? e.fullUrl : undefined,
      resource,
      request: isUpdate(e)
        ? { method: 'PUT', url: e.fullUrl, ...(ifMatch ? { ifMatch } : {}) }
        : { method: 'POST', url: resource.resourceType, ...(conditional && e.match ? { ifNoneExist: e.match } : {}) },
    };
  });
  return { method: 'POST', url: '', body: { resourceType: 'Bundle', type, entry } };
}

/** One GET per entry, or one batch of GETs: the look-up of search-then-create. */
export function lookupRequest(entries: readonly WriteEntry[], asBatch: boolean): FhirRequest {
  const url = (e: WriteEntry): string => `${e.resource.resourceType}?${e.match ?? ''}&_count=1`;
  const first = entries[0];
  if (!asBatch && first) return { method: 'GET', url: url(first) };
  return batchReadRequest(entries.map(url));
}

const refusedBy = (status: number, outcome: unknown): EntryOutcome => {
  const messages = outcomeMessages(outcome);
  return {
    status: 'refused',
    reason: messages.length > 0 ? messages.join('; ') : `the server refused it (HTTP ${status})`,
    httpStatus: status,
  };
};

/** What one HTTP status (and its body) means for one entry. */
function outcomeOf(entry: WriteEntry, status: number, location: string | undefined, body: unknown): EntryOutcome {
  if (status === 429 || status >= 500 || Number.isNaN(status))
    return { status: 'pending', reason: `the server could not take it yet (${status})` };
  if (status === 412 && isUpdate(entry))
    return { status: 'refused', reason: entry.kind === 'flag-end' ? STALE_VERSION : STALE_RESPONSE };
  if (status >= 300) return refusedBy(status, body);
  const reference = isUpdate(entry) ? entry.fullUrl : referenceFrom(entry.resource.resourceType, location, body);
  if (!reference) return { status: 'pending', reason: 'the server did not say where it stored it' };
  const version = versionFrom(location, body);
  return version === undefined ? { status: 'saved', reference } : { status: 'saved', reference, version };
}

export function outcomeOfSingle(entry: WriteEntry, response: FhirResponse): EntryOutcome {
  return outcomeOf(
    entry,
    response.status,
    response.headers['location'] ?? response.headers['content-location'],
    response.body,
  );
}

/** Per-entry outcomes of a batch/transaction answer, in entry order; undefined when it is not a Bundle. */
export function outcomesOfBundle(entries: readonly WriteEntry[], response: FhirResponse): EntryOutcome[] | undefined {
  const parsed = bundleSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const answers: readonly BundleEntry[] = parsed.data.entry ?? [];
  return entries.map((entry, i) => {
    const answer = answers[i];
    if (!answer) return { status: 'pending', reason: 'the server did not answer for it' };
    return outcomeOf(
      entry,
      entryStatus(answer),
      answer.response?.location,
      answer.resource ?? answer.response?.outcome,
    );
  });
}

/** The reference an entry's look-up found, or undefined (not there yet). */
export function foundReference(entry: WriteEntry, searchset: unknown): string | undefined {
  const parsed = bundleSchema.safeParse(searchset);
  if (!parsed.success) return undefined;
  // Servers may add OperationOutcome (mode `outcome`) or included entries: take the first of the type.
  const type = entry.resource.resourceType;
  return parsed.data.entry?.map((e) => referenceFrom(type, undefined, e.resource)).find((r) => r !== undefined);
}

/** The searchsets of a lookup answer (one GET or a batch of GETs), in entry order. */
export function searchsetsOf(response: FhirResponse, asBatch: boolean): unknown[] | undefined {
  if (!asBatch) return response.status === 200 ? [response.body] : undefined;
  const parsed = bundleSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  return (parsed.data.entry ?? []).map((e) => (entryStatus(e) === 200 ? e.resource : undefined));
}
