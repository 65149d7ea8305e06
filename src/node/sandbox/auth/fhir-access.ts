import type { Interaction } from './scopes';

// Which SMART interaction a FHIR request is, per resource type: the unit scopes are checked against.
// Batch and transaction entries are classified one by one (SMART has no bundle scopes).

export interface FhirAccess {
  readonly resourceType: string;
  readonly interaction: Interaction;
  /** The id for instance-level requests (read, update, delete). */
  readonly id?: string;
  /** The query string (without `?`) for searches and conditional writes. */
  readonly query: string;
}

export type Classified =
  | { kind: 'public' }
  | { kind: 'bundle' }
  | { kind: 'access'; access: FhirAccess }
  | { kind: 'unknown'; reason: string };

const RESOURCE_TYPE = /^[A-Z][A-Za-z]+$/;

function splitPath(path: string): { segments: string[]; query: string } {
  const trimmed = path.replace(/^\/+/, '');
  const q = trimmed.indexOf('?');
  const pathPart = q < 0 ? trimmed : trimmed.slice(0, q);
  return { segments: pathPart.split('/').filter((s) => s.length > 0), query: q < 0 ? '' : trimmed.slice(q + 1) };
}

function interactionOf(method: string, segments: readonly string[]): Interaction | undefined {
  const [, id, rest] = segments;
  const operation = segments.find((s) => s.startsWith('$'));
  if (operation) return method === 'GET' ? 'r' : 'u';
  switch (method) {
    case 'GET':
    case 'HEAD':
      return id === undefined || id === '_history' ? 's' : 'r';
    case 'POST':
      return id === '_search' ? 's' : id === undefined ? 'c' : undefined;
    case 'PUT':
    case 'PATCH':
      return rest === undefined ? 'u' : undefined;
    case 'DELETE':
      return rest === undefined ? 'd' : undefined;
    default:
      return undefined;
  }
}

/** Classifies one request by method and path (relative to the FHIR base). */
export function classify(method: string, path: string): Classified {
  const { segments, query } = splitPath(path);
  const upper = method.toUpperCase();
  const [first, second] = segments;
  if (first === 'metadata' || first === '.well-known') return { kind: 'public' };
  if (first === undefined)
    return upper === 'POST'
      ? { kind: 'bundle' }
      : { kind: 'unknown', reason: 'system-level requests are not permitted' };
  if (!RESOURCE_TYPE.test(first)) return { kind: 'unknown', reason: `"${first}" is not a resource type` };
  const interaction = interactionOf(upper, segments);
  if (!interaction) return { kind: 'unknown', reason: `${upper} ${first} is not a supported interaction` };
  const id = second && !second.startsWith('_') && !second.startsWith('$') ? second : undefined;
  return { kind: 'access', access: { resourceType: first, interaction, ...(id ? { id } : {}), query } };
}
