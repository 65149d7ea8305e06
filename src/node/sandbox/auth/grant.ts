import { deniedInteractions, type Faults } from './faults';
import { narrowScope, parseResourceScope, splitScopes } from './scopes';

// What the server grants: the requested scopes it understands, minus system/ scopes (public clients only)
// and minus what a launch's fault withholds. Granted is never wider than requested.

const CONTEXT_SCOPES = new Set([
  'launch',
  'launch/patient',
  'launch/encounter',
  'openid',
  'fhirUser',
  'profile',
  'online_access',
  'offline_access',
]);

export const SUPPORTED_SCOPES: readonly string[] = [...CONTEXT_SCOPES, 'patient/*.cruds', 'user/*.cruds', 'patient/*.*', 'user/*.*'];

function grantOne(scope: string, faults: Faults): string | undefined {
  if (CONTEXT_SCOPES.has(scope)) return scope;
  const parsed = parseResourceScope(scope);
  if (!parsed || parsed.context === 'system') return undefined;
  // A wildcard keeps its text; the denial then travels in the token's `denied` claim (see tokens.ts).
  if (parsed.resourceType === '*') return scope;
  return narrowScope(parsed, deniedInteractions(faults, parsed.resourceType));
}

export function grantScopes(requested: string, faults: Faults): string {
  const granted = splitScopes(requested).flatMap((s) => grantOne(s, faults) ?? []);
  return [...new Set(granted)].join(' ');
}

/** A refresh may ask for fewer scopes, never for new ones. */
export function isNarrowing(requested: string, granted: string): boolean {
  const have = new Set(splitScopes(granted));
  return splitScopes(requested).every((s) => have.has(s));
}

export function hasScope(scope: string, name: string): boolean {
  return splitScopes(scope).includes(name);
}

/** Standalone launches establish a patient when one is asked for, by `launch/patient` or a patient/ scope. */
export function needsPatientPicked(requested: string): boolean {
  return splitScopes(requested).some((s) => s === 'launch/patient' || s.startsWith('patient/'));
}
