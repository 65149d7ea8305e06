import type { EngineResponse } from '../engine/types';
import { isCompartmentType, membership, pinSearchToPatient } from './compartment';
import type { FhirAccess } from './fhir-access';
import { missingScopeText, scopesPermitting } from './scopes';
import type { TokenAccess } from './token-access';

// One access (a request, or one bundle entry) against one token: which scope permits it, and when only
// patient/ scopes do, that it stays inside the token's patient compartment.

export type Decision =
  | { ok: true; /** the query to run (a search may get the patient added) */ query: string; /** filter the answer by patient */ patient?: string }
  | { ok: false; message: string };

/** The path (or bundle entry URL) with the decided query in place of the one asked for. */
export function withQuery(path: string, query: string): string {
  const base = path.split('?')[0]!;
  return query ? `${base}?${query}` : base;
}

/** Reads a resource as it is now, to check whose it is before it is changed. */
export type CurrentReader = (resourceType: string, id: string) => Promise<EngineResponse>;

function scopeDecision(access: FhirAccess, token: TokenAccess): { ok: true; patientOnly: boolean } | { ok: false; message: string } {
  const denied = token.denied?.resourceType === access.resourceType && token.denied.interactions.includes(access.interaction);
  const permitting = denied ? [] : scopesPermitting(token.scopes, access);
  if (permitting.length === 0) {
    const needed = missingScopeText(token.patient ? 'patient' : 'user', access);
    return { ok: false, message: `Insufficient scope: ${needed} (or a wider scope) is required for this request.` };
  }
  return { ok: true, patientOnly: permitting.every((s) => s.context === 'patient') };
}

export async function decide(access: FhirAccess, body: unknown, token: TokenAccess, readCurrent: CurrentReader): Promise<Decision> {
  const scoped = scopeDecision(access, token);
  if (!scoped.ok) return scoped;
  if (!scoped.patientOnly || !isCompartmentType(access.resourceType)) return { ok: true, query: access.query };
  const patient = token.patient;
  if (!patient) return { ok: false, message: 'patient/ scopes need a patient in context, and this token has none.' };
  const outside = `Forbidden: the ${access.resourceType} is outside the patient compartment of this token.`;
  switch (access.interaction) {
    case 's': {
      const pinned = pinSearchToPatient(access.resourceType, access.query, patient);
      return pinned.ok ? { ok: true, query: pinned.query, patient } : { ok: false, message: `Forbidden: ${pinned.reason}.` };
    }
    case 'r':
      return { ok: true, query: access.query, patient };
    case 'c':
      return membership(body, patient) === 'other' ? { ok: false, message: outside } : { ok: true, query: access.query };
    case 'u':
    case 'd': {
      if (access.interaction === 'u' && membership(body, patient) === 'other') return { ok: false, message: outside };
      if (!access.id) return { ok: true, query: access.query };
      const current = await readCurrent(access.resourceType, access.id);
      const mine = current.status !== 200 || membership(current.body, patient) !== 'other';
      return mine ? { ok: true, query: access.query } : { ok: false, message: outside };
    }
  }
}

export function isBundle(body: unknown): body is fhir4.Bundle {
  return typeof body === 'object' && body !== null && 'resourceType' in body && body.resourceType === 'Bundle';
}

/**
 * Filters what a patient-scoped read or search returned: search results of other patients are dropped
 * (an `_include` could pull them in); a read of another patient's resource becomes a refusal.
 */
export function filterAnswer(body: unknown, patient: string): { ok: true; body: unknown } | { ok: false; message: string } {
  if (isBundle(body)) {
    const entry = body.entry?.filter((e) => membership(e.resource, patient) !== 'other');
    return { ok: true, body: { ...body, ...(entry ? { entry } : {}) } };
  }
  if (membership(body, patient) === 'other') return { ok: false, message: 'Forbidden: the resource is outside the patient compartment of this token.' };
  return { ok: true, body };
}
