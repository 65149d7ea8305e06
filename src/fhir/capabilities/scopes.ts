// Granted SMART scopes → what the token allows per resource type. Both grammars are read:
// v2 `patient/Observation.crs` (letters in c-r-u-d-s order, optional `?param=value` constraint) and
// v1 `patient/Observation.read|write|*` (mapped as SMART 2 says: read → rs, write → cud, * → cruds).

export type Interaction = 'create' | 'read' | 'update' | 'delete' | 'search';
export type ScopeContext = 'patient' | 'user' | 'system';

export interface ScopeGrant {
  readonly scope: string;
  readonly context: ScopeContext;
  /** A resource type or `*`. */
  readonly resourceType: string;
  readonly interactions: readonly Interaction[];
  readonly grammar: 'v1' | 'v2';
  /** A v2 constraint (`?category=…|survey`) narrows the grant to matching resources. */
  readonly constraint?: string;
}

export interface GrantedScopes {
  readonly grants: readonly ScopeGrant[];
  /** Non-resource scopes as given: `launch`, `openid`, `fhirUser`, `online_access`… */
  readonly other: readonly string[];
  /** A refresh token can be expected (SMART: offline_access or online_access). */
  readonly refresh: boolean;
}

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Z][A-Za-z]+|\*)\.([a-z*]+)(\?.+)?$/;
const V2_LETTERS: readonly [string, Interaction][] = [
  ['c', 'create'],
  ['r', 'read'],
  ['u', 'update'],
  ['d', 'delete'],
  ['s', 'search'],
];
const V1: Readonly<Record<string, readonly Interaction[]>> = {
  read: ['read', 'search'],
  write: ['create', 'update', 'delete'],
  '*': ['create', 'read', 'update', 'delete', 'search'],
};

/** v2 letters must appear in c-r-u-d-s order; anything else (`dus`, `rc`) is not a v2 scope. */
function v2Interactions(letters: string): Interaction[] | undefined {
  let at = 0;
  const found: Interaction[] = [];
  for (const [letter, interaction] of V2_LETTERS) {
    if (letters[at] === letter) {
      found.push(interaction);
      at++;
    }
  }
  return at === letters.length && found.length > 0 ? found : undefined;
}

/** One `context/Type.permissions` scope, v1 or v2; other scopes (`launch`, `openid`…) and malformed ones give undefined. */
export function parseResourceScope(scope: string): ScopeGrant | undefined {
  const match = RESOURCE_SCOPE.exec(scope);
  if (!match) return undefined;
  const [, context, resourceType, suffix, constraint] = match;
  const v1 = constraint === undefined ? V1[suffix ?? ''] : undefined;
  const interactions = v1 ?? v2Interactions(suffix ?? '');
  if (!interactions) return undefined;
  return {
    scope,
    context: context as ScopeContext,
    resourceType: resourceType ?? '*',
    interactions,
    grammar: v1 ? 'v1' : 'v2',
    ...(constraint ? { constraint: constraint.slice(1) } : {}),
  };
}

export function parseScopes(granted: string): GrantedScopes {
  const grants: ScopeGrant[] = [];
  const other: string[] = [];
  for (const scope of granted.split(/\s+/).filter(Boolean)) {
    const grant = parseResourceScope(scope);
    if (grant) grants.push(grant);
    else other.push(scope);
  }
  return { grants, other, refresh: other.includes('offline_access') || other.includes('online_access') };
}

/** Whether any granted scope (any context, wildcards included) allows the interaction on the type. */
export function scopesAllow(scopes: GrantedScopes, resourceType: string, interaction: Interaction): boolean {
  return scopes.grants.some(
    (g) => (g.resourceType === '*' || g.resourceType === resourceType) && g.interactions.includes(interaction),
  );
}
