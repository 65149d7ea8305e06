// SMART scopes (App Launch 2.x): v2 `patient/Observation.rs` and v1 `patient/Observation.read` are parsed
// into one form, so that granting, narrowing and enforcement reason about permission letters only.
import {
  parseResourceScope as parseScopeGrant,
  type Interaction as InteractionName,
} from '../../../fhir/capabilities/scopes';

export type ScopeContext = 'patient' | 'user' | 'system';
/** The FHIR interactions SMART v2 names by letter: create, read, update, delete, search. */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

export const INTERACTION_ORDER: readonly Interaction[] = ['c', 'r', 'u', 'd', 's'];

export interface ResourceScope {
  readonly context: ScopeContext;
  /** A resource type, or `*` for all. */
  readonly resourceType: string;
  readonly interactions: ReadonlySet<Interaction>;
  /** The scope as written (v1 or v2), for error messages and the granted scope string. */
  readonly text: string;
  readonly version: 'v1' | 'v2';
}

const V1_PERMISSIONS: Readonly<Record<string, readonly Interaction[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};

const LETTER: Readonly<Record<InteractionName, Interaction>> = {
  create: 'c',
  read: 'r',
  update: 'u',
  delete: 'd',
  search: 's',
};

/** Parses one resource scope (the grammar is the app's own, read once); other and malformed scopes give undefined. */
export function parseResourceScope(text: string): ResourceScope | undefined {
  const grant = parseScopeGrant(text);
  // Constraints (`?category=...`) are experimental in 2.x; granting a narrower scope than asked is allowed,
  // granting a wider one is not, so constrained scopes are not granted at all.
  if (!grant || grant.constraint !== undefined) return undefined;
  return {
    context: grant.context,
    resourceType: grant.resourceType,
    interactions: new Set(grant.interactions.map((i) => LETTER[i])),
    text,
    version: grant.grammar,
  };
}

export function splitScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((s) => s.length > 0);
}

export function resourceScopesOf(scope: string): ResourceScope[] {
  return splitScopes(scope).flatMap((s) => parseResourceScope(s) ?? []);
}

export interface AccessRequest {
  readonly resourceType: string;
  readonly interaction: Interaction;
}

/** The scopes that permit the access, in the order given. */
export function scopesPermitting(scopes: readonly ResourceScope[], access: AccessRequest): ResourceScope[] {
  return scopes.filter(
    (s) =>
      (s.resourceType === '*' || s.resourceType === access.resourceType) &&
      s.interactions.has(access.interaction) &&
      s.context !== 'system',
  );
}

/** The smallest v2 scope that would permit the access, named in 403 answers. */
export function missingScopeText(context: ScopeContext, access: AccessRequest): string {
  return `${context}/${access.resourceType}.${access.interaction}`;
}

/** Writes a scope back with fewer letters, in the syntax it was asked in; undefined when nothing is left. */
export function narrowScope(scope: ResourceScope, remove: ReadonlySet<Interaction>): string | undefined {
  const left = INTERACTION_ORDER.filter((i) => scope.interactions.has(i) && !remove.has(i));
  if (left.length === scope.interactions.size) return scope.text;
  if (left.length === 0) return undefined;
  if (scope.version === 'v2') return `${scope.context}/${scope.resourceType}.${left.join('')}`;
  // v1 has no syntax for "read but not search" etc.: keep the v1 word only if it is still fully granted.
  const word = Object.entries(V1_PERMISSIONS).find(
    ([, letters]) => letters.length === left.length && letters.every((l) => left.includes(l)),
  );
  return word ? `${scope.context}/${scope.resourceType}.${word[0]}` : undefined;
}
