// Turns the router's [outcome, resource] into an HTTP-shaped answer with the headers a FHIR client relies
// on: ETag (W/"versionId"), Last-Modified, Location on create, and the same per entry of a batch/transaction.
import { getReferenceString, getStatus, isOk } from '@medplum/core';
import type { FhirResponse } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { EngineResponse } from './types';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const etagOf = (resource: Resource): string | undefined =>
  resource.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined;

function httpDate(instant: string | undefined): string | undefined {
  const ms = instant ? Date.parse(instant) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toUTCString();
}

function versionedLocation(baseUrl: string, resource: Resource): string {
  const version = resource.meta?.versionId ? `/_history/${resource.meta.versionId}` : '';
  return `${baseUrl}/${getReferenceString(resource)}${version}`;
}

function withEntryHeaders(baseUrl: string, entry: BundleEntry): BundleEntry {
  const resource = entry.resource;
  if (!entry.response || !resource?.id || resource.resourceType === 'OperationOutcome') return entry;
  const etag = etagOf(resource);
  const lastModified = resource.meta?.lastUpdated;
  return {
    ...entry,
    fullUrl: `${baseUrl}/${getReferenceString(resource)}`,
    response: {
      ...entry.response,
      location: versionedLocation(baseUrl, resource),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    },
  };
}

function isBatchResponse(resource: Resource): resource is Bundle {
  return (
    resource.resourceType === 'Bundle' &&
    (resource.type === 'batch-response' || resource.type === 'transaction-response')
  );
}

function resourceHeaders(baseUrl: string, status: number, resource: Resource): Record<string, string> {
  if (resource.resourceType === 'Bundle' || !resource.id) return {};
  const headers: Record<string, string> = {};
  const etag = etagOf(resource);
  const lastModified = httpDate(resource.meta?.lastUpdated);
  if (etag) headers['etag'] = etag;
  if (lastModified) headers['last-modified'] = lastModified;
  if (status === 201) headers['location'] = versionedLocation(baseUrl, resource);
  return headers;
}

export function toEngineResponse(
  result: FhirResponse,
  baseUrl: string,
  options: { head: boolean; minimal: boolean },
): EngineResponse {
  const [outcome, resource] = result;
  const status = getStatus(outcome);
  if (!isOk(outcome) || !resource) return { status, headers: { 'content-type': FHIR_JSON }, body: outcome };
  const body = isBatchResponse(resource)
    ? { ...resource, entry: (resource.entry ?? []).map((e) => withEntryHeaders(baseUrl, e)) }
    : resource;
  const headers = { 'content-type': FHIR_JSON, ...resourceHeaders(baseUrl, status, resource) };
  return { status, headers, body: options.head || options.minimal ? undefined : body };
}
