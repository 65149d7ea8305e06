// SMART scopes (App Launch 2.x): v2 `patient/Observation.rs` and v1 `patient/Observation.read` are parsed
// into one form, so that granting, narrowing and enforcement reason about permission letters only.

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

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)(\?.*)?$/;
const V1_PERMISSIONS: Readonly<Record<string, readonly Interaction[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};

/** v2 letters must appear in `cruds` order, each at most once; anything else is not a v2 scope. */
function parseV2Letters(letters: string): Interaction[] | undefined {
  let position = 0;
  const found: Interaction[] = [];
  for (const letter of letters) {
    const index = INTERACTION_ORDER.indexOf(letter as Interaction);
    if (index < position) return undefined;
    found.push(INTERACTION_ORDER[index]!);
    position = index + 1;
  }
  return found.length > 0 ? found : undefined;
}

/** Parses one resource scope; other scopes (`launch`, `openid`...) and malformed ones give undefined. */
export function parseResourceScope(text: string): ResourceScope | undefined {
  const match = RESOURCE_SCOPE.exec(text);
  if (!match) return undefined;
  const [, context, resourceType, permission, constraint] = match;
  // Constraints (`?category=...`) are experimental in 2.x; granting a narrower scope than asked is allowed,
  // granting a wider one is not, so constrained scopes are not granted at all.
  if (constraint) return undefined;
  const v1 = V1_PERMISSIONS[permission!];
  const letters = v1 ?? parseV2Letters(permission!);
  if (!letters) return undefined;
  return {
    context: context as ScopeContext,
    resourceType: resourceType!,
    interactions: new Set(letters),
    text,
    version: v1 ? 'v1' : 'v2',
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
  const word = Object.entries(V1_PERMISSIONS).find(([, letters]) => letters.length === left.length && letters.every((l) => left.includes(l)));
  return word ? `${scope.context}/${scope.resourceType}.${word[0]}` : undefined;
}
