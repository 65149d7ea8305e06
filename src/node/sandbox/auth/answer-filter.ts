import { resolveMembership, type CurrentReader } from './resolve-membership';

// What a patient-scoped read or search returned, filtered to the patient: search results of other patients
// are dropped (an `_include` could pull them in, a Provenance may target another patient's resources); a
// read of another patient's resource becomes a refusal.

export function isBundle(body: unknown): body is fhir4.Bundle {
  return typeof body === 'object' && body !== null && 'resourceType' in body && body.resourceType === 'Bundle';
}

export type FilteredAnswer = { ok: true; body: unknown } | { ok: false; message: string };

export async function filterAnswer(body: unknown, patient: string, read: CurrentReader): Promise<FilteredAnswer> {
  if (isBundle(body)) {
    if (!body.entry) return { ok: true, body };
    const kept = await Promise.all(
      body.entry.map(async (e) => ((await resolveMembership(e.resource, patient, read)) === 'other' ? [] : [e])),
    );
    return { ok: true, body: { ...body, entry: kept.flat() } };
  }
  if ((await resolveMembership(body, patient, read)) === 'other') {
    return { ok: false, message: 'Forbidden: the resource is outside the patient compartment of this token.' };
  }
  return { ok: true, body };
}
