import { fail, succeed, type Result } from '../../../core/result';
import { resolveMembership, type CurrentReader } from './resolve-membership';

// What a patient-scoped read or search returned, filtered to the patient: search results of other patients
// are dropped (an `_include` could pull them in, a Provenance may target another patient's resources); a
// read of another patient's resource becomes a refusal.

export function isBundle(body: unknown): body is fhir4.Bundle {
  return typeof body === 'object' && body !== null && 'resourceType' in body && body.resourceType === 'Bundle';
}

/** The body as the token may see it, or the refusal's message. */
export type FilteredAnswer = Result<unknown>;

export async function filterAnswer(body: unknown, patient: string, read: CurrentReader): Promise<FilteredAnswer> {
  if (isBundle(body)) {
    if (!body.entry) return succeed(body);
    const kept = await Promise.all(
      body.entry.map(async (e) => ((await resolveMembership(e.resource, patient, read)) === 'other' ? [] : [e])),
    );
    return succeed({ ...body, entry: kept.flat() });
  }
  if ((await resolveMembership(body, patient, read)) === 'other') {
    return fail('Forbidden: the resource is outside the patient compartment of this token.');
  }
  return succeed(body);
}
