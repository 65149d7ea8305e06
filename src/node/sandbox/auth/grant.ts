import { deniedInteractions, type Faults } from './faults';
import {
  INTERACTION_ORDER,
  narrowScope,
  parseResourceScope,
  splitScopes,
  type Interaction,
  type ResourceScope,
} from './scopes';

// What the server grants: the requested scopes it understands, within what the client registered (the
// ceiling), minus system/ scopes (public clients only) and minus what a launch's fault withholds. Granted
// is never wider than requested nor than registered.

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

export const SUPPORTED_SCOPES: readonly string[] = [
  ...CONTEXT_SCOPES,
  'patient/*.cruds',
  'user/*.cruds',
  'patient/*.*',
  'user/*.*',
];

function grantOne(scope: ResourceScope, faults: Faults): string | undefined {
  // A wildcard keeps its text; the denial then travels in the token's `denied` claim (see tokens.ts).
  if (scope.resourceType === '*') return scope.text;
  return narrowScope(scope, deniedInteractions(faults, scope.resourceType));
}

/** Per resource type a registered scope of the asked one's context names: the letters registered for it. */
function registeredLetters(asked: ResourceScope, ceiling: readonly ResourceScope[]): Map<string, Set<Interaction>> {
  const allowed = new Map<string, Set<Interaction>>();
  // A v1 registration's `.write` means create, update and delete: it widens nothing asked in v2 syntax
  // when the client registered v2 scopes too.
  const sameVersion = ceiling.filter((c) => c.version === asked.version);
  for (const c of sameVersion.length > 0 ? sameVersion : ceiling) {
    if (c.context !== asked.context) continue;
    if (c.resourceType !== '*' && asked.resourceType !== '*' && c.resourceType !== asked.resourceType) continue;
    const type = asked.resourceType === '*' ? c.resourceType : asked.resourceType;
    const letters = allowed.get(type) ?? new Set<Interaction>();
    for (const i of c.interactions) letters.add(i);
    allowed.set(type, letters);
  }
  return allowed;
}

/**
 * The part of a requested resource scope that the registered ones cover: the scope as asked when they
 * cover it whole, else its overlap with them per resource type (in v2 syntax).
 */
function withinCeiling(asked: ResourceScope, ceiling: readonly ResourceScope[]): ResourceScope[] {
  const allowed = registeredLetters(asked, ceiling);
  const whole = allowed.get(asked.resourceType);
  if (whole && [...asked.interactions].every((i) => whole.has(i))) return [asked];
  return [...allowed].flatMap(([resourceType, registered]) => {
    const letters = INTERACTION_ORDER.filter((i) => asked.interactions.has(i) && registered.has(i));
    const text = `${asked.context}/${resourceType}.${letters.join('')}`;
    return letters.length === 0
      ? []
      : [{ ...asked, resourceType, interactions: new Set(letters), text, version: 'v2' as const }];
  });
}

export function grantScopes(requested: string, registered: string, faults: Faults): string {
  const registeredNames = new Set(splitScopes(registered));
  const ceiling = splitScopes(registered).flatMap((s) => parseResourceScope(s) ?? []);
  const granted = splitScopes(requested).flatMap((s) => {
    if (CONTEXT_SCOPES.has(s)) return registeredNames.has(s) ? [s] : [];
    const parsed = parseResourceScope(s);
    if (!parsed || parsed.context === 'system') return [];
    return withinCeiling(parsed, ceiling).flatMap((scope) => grantOne(scope, faults) ?? []);
  });
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
