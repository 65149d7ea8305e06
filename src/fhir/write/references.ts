// Rewrites the `urn:uuid:` references of a write set just before an entry is sent: to the server id once
// the target is saved, left alone when the target travels in the same transaction, and otherwise (the
// target was refused or is still pending) to a logical reference by identifier — or dropped, where only a
// resolvable reference makes sense (a Provenance's targets).
import type { IdentifierToken } from '../resources/identity';
import { referenceId } from '../parse/references';

export type ReferenceResolution =
  | { readonly to: 'reference'; readonly reference: string }
  | { readonly to: 'identifier'; readonly identifier: IdentifierToken }
  | { readonly to: 'drop' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isUrn = (value: Json | undefined): value is string => typeof value === 'string' && value.startsWith('urn:uuid:');

function rewrite(value: Json, resolve: (urn: string) => ReferenceResolution): Json | undefined {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const out = rewrite(item, resolve);
      return out === undefined ? [] : [out];
    });
  }
  if (value === null || typeof value !== 'object') return value;
  const reference = value['reference'];
  if (isUrn(reference)) {
    const resolution = resolve(reference);
    if (resolution.to === 'drop') return undefined;
    const { reference: _old, ...rest } = value;
    if (resolution.to === 'reference') return { ...rest, reference: resolution.reference };
    return { ...rest, identifier: { system: resolution.identifier.system, value: resolution.identifier.value } };
  }
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    const rewritten = rewrite(child, resolve);
    if (rewritten !== undefined) out[key] = rewritten;
  }
  return out;
}

/** A copy of `resource` with every `urn:uuid:` reference resolved by `resolve`. */
export function resolveReferences<R extends fhir4.Resource>(
  resource: R,
  resolve: (urn: string) => ReferenceResolution,
): R {
  // Resources are JSON by construction (built here, or kept as JSON in the Outbox).
  return rewrite(JSON.parse(JSON.stringify(resource)) as Json, resolve) as unknown as R;
}

/** `Observation/12` from a Location (`…/Observation/12/_history/1`, read like every other reference) or a resource body. */
export function referenceFrom(resourceType: string, location: string | undefined, body: unknown): string | undefined {
  if (
    typeof body === 'object' &&
    body !== null &&
    'id' in body &&
    typeof body.id === 'string' &&
    'resourceType' in body &&
    body.resourceType === resourceType
  ) {
    return `${resourceType}/${body.id}`;
  }
  const id = referenceId(location, resourceType);
  return id === undefined ? undefined : `${resourceType}/${id}`;
}

/** The version a server gave a written resource: from its body's `meta.versionId`, else a Location's `_history/n`. */
export function versionFrom(location: string | undefined, body: unknown): string | undefined {
  if (
    typeof body === 'object' &&
    body !== null &&
    'meta' in body &&
    typeof body.meta === 'object' &&
    body.meta !== null &&
    'versionId' in body.meta &&
    typeof body.meta.versionId === 'string'
  ) {
    return body.meta.versionId;
  }
  return /\/_history\/([A-Za-z0-9\-.]{1,64})\/?$/.exec(location ?? '')?.[1];
}
