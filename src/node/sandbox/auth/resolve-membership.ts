import { parseReference } from '../../../fhir/parse/references';
import type { EngineResponse } from '../engine/types';
import { membership, type Membership } from './compartment';

// Compartment membership that may need the server: a Provenance says nothing of its patient itself, it
// belongs to the patient of what it targets. Targets are looked up among the resources written alongside
// (a transaction's entries, by fullUrl or Type/id) and otherwise read as they are now.

/** A GET on the engine under the caller's headers (`Flag/1`, `Provenance?_tag=…`): what is there now. */
export type CurrentReader = (path: string) => Promise<EngineResponse>;

/** Resources travelling in the same Bundle, by fullUrl and by `Type/id`. */
export type LocalResources = ReadonlyMap<string, unknown>;

export const NO_LOCAL_RESOURCES: LocalResources = new Map();

function targetsOf(resource: object): string[] {
  const targets = 'target' in resource && Array.isArray(resource.target) ? (resource.target as unknown[]) : [];
  return targets.flatMap((t) => {
    const reference = typeof t === 'object' && t !== null && 'reference' in t ? t.reference : undefined;
    return typeof reference === 'string' ? [reference] : [];
  });
}

async function targetMembership(
  reference: string,
  patient: string,
  read: CurrentReader,
  local: LocalResources,
): Promise<Membership> {
  const parsed = parseReference(reference);
  const key = parsed ? `${parsed.type}/${parsed.id}` : reference;
  const written = local.get(reference) ?? local.get(key);
  if (written !== undefined) return membership(written, patient);
  if (!parsed) return 'other';
  if (parsed.type === 'Patient') return parsed.id === patient ? 'member' : 'other';
  if (parsed.type === 'Provenance') return 'other';
  const current = await read(`${parsed.type}/${parsed.id}`);
  return current.status === 200 ? membership(current.body, patient) : 'unknown';
}

/**
 * A Provenance is the patient's when at least one target is theirs and none is another patient's; one that
 * targets nothing of any patient is not theirs either (a patient/ token has no business with it).
 */
async function provenanceMembership(
  resource: object,
  patient: string,
  read: CurrentReader,
  local: LocalResources,
): Promise<Membership> {
  const found = await Promise.all(targetsOf(resource).map((t) => targetMembership(t, patient, read, local)));
  return found.includes('member') && !found.includes('other') ? 'member' : 'other';
}

export function isProvenance(resource: unknown): resource is object {
  return (
    typeof resource === 'object' &&
    resource !== null &&
    'resourceType' in resource &&
    resource.resourceType === 'Provenance'
  );
}

/** `membership`, with a Provenance judged by its targets. */
export function resolveMembership(
  resource: unknown,
  patient: string,
  read: CurrentReader,
  local: LocalResources = NO_LOCAL_RESOURCES,
): Promise<Membership> {
  return isProvenance(resource)
    ? provenanceMembership(resource, patient, read, local)
    : Promise.resolve(membership(resource, patient));
}

/** The resources of a Bundle's entries, by fullUrl and by `Type/id`. */
export function localResourcesOf(bundle: fhir4.Bundle): LocalResources {
  const local = new Map<string, unknown>();
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (!resource) continue;
    if (entry.fullUrl) local.set(entry.fullUrl, resource);
    if (resource.id) local.set(`${resource.resourceType}/${resource.id}`, resource);
    const target = entry.request?.method === 'PUT' ? parseReference(entry.request.url) : undefined;
    if (target) local.set(`${target.type}/${target.id}`, resource);
  }
  return local;
}
