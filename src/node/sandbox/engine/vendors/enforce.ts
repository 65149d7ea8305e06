// The engine refuses by the profile, before Medplum's router sees the request: what a vendor's list does not
// offer is answered as that vendor answers it, whatever the CapabilityStatement says.
import type { EngineResponse } from '../types';
import { outcome } from '../outcomes';
import { FHIR_JSON } from '../response';
import { CURSOR_PARAM } from '../search-cursor';
import type { Refusal, ResourceRule, RestInteraction, VendorProfile } from './types';

/** Result parameters every profile takes, and the paging cursor the server hands out itself (its search was checked). */
const RESULT_PARAMS = new Set(['_count', '_offset', '_sort', '_summary', '_total', '_format', CURSOR_PARAM]);

function split(path: string): { segments: string[]; query: string } {
  const q = path.indexOf('?');
  const pathPart = q < 0 ? path : path.slice(0, q);
  return { segments: pathPart.split('/').filter(Boolean), query: q < 0 ? '' : path.slice(q + 1) };
}

function interactionOf(method: string, segments: readonly string[]): RestInteraction | undefined {
  const [, id, history, version] = segments;
  if (segments.some((s) => s.startsWith('$'))) return undefined;
  if (method === 'GET' || method === 'HEAD') {
    if (id === undefined) return 'search-type';
    if (history === '_history') return version === undefined ? 'history-instance' : 'vread';
    return 'read';
  }
  if (method === 'POST') return id === '_search' ? 'search-type' : id === undefined ? 'create' : undefined;
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  return method === 'DELETE' ? 'delete' : undefined;
}

function categoryCodes(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('category' in body) || !Array.isArray(body.category)) return [];
  return (body.category as unknown[]).flatMap((c) => {
    const coding =
      typeof c === 'object' && c !== null && 'coding' in c && Array.isArray(c.coding) ? (c.coding as unknown[]) : [];
    return coding.flatMap((k) =>
      typeof k === 'object' && k !== null && 'code' in k && typeof k.code === 'string' ? [k.code] : [],
    );
  });
}

function unsupportedParam(rule: ResourceRule, query: string): string | undefined {
  if (!rule.searchParams) return undefined;
  const names = [...new URLSearchParams(query).keys()].map((n) => n.split(':')[0] ?? n);
  return names.find((n) => !RESULT_PARAMS.has(n) && !rule.searchParams?.includes(n));
}

const refuse = (refusal: Refusal, detail: string): EngineResponse => ({
  status: refusal.status,
  headers: { 'content-type': FHIR_JSON },
  body: outcome(refusal.code, `${refusal.text} (${detail})`),
});

/** The vendor's answer when it does not take this request; undefined when it does. */
export function refusalByProfile(
  profile: VendorProfile,
  method: string,
  path: string,
  body: unknown,
): EngineResponse | undefined {
  if (!profile.resources) return undefined;
  const { segments, query } = split(path);
  const [type] = segments;
  if (type === undefined || type === 'metadata' || type.startsWith('.')) return undefined;
  const rule = profile.resources[type as keyof typeof profile.resources];
  if (!rule) return refuse(profile.unknownType, type);
  const interaction = interactionOf(method, segments);
  if (interaction === undefined) return undefined;
  if (!rule.interactions.includes(interaction)) return refuse(profile.refusedInteraction, `${type} ${interaction}`);
  if (
    interaction === 'create' &&
    rule.createCategories &&
    !categoryCodes(body).some((c) => rule.createCategories?.includes(c))
  ) {
    return refuse(
      profile.refusedInteraction,
      `${type} create is taken only for category ${rule.createCategories.join(' or ')}`,
    );
  }
  const param = interaction === 'search-type' ? unsupportedParam(rule, query) : undefined;
  return param === undefined ? undefined : refuse(profile.unsupportedSearch, `${type}?${param}`);
}
