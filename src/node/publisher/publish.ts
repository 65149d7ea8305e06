import { z } from 'zod';
import { fhirErrorFrom, type FhirResponse, type FhirTransport } from '../../fhir/gateway';
import type { PublishedArtefact } from '../../fhir/questionnaire';
import { bundleSchema, idSchema, validate } from '../../fhir/schemas';

// Makes our Questionnaires, CodeSystem and ValueSets available on a server, keyed by canonical url + version.
// A different version already there is never touched: versions live side by side, as FHIR intends.

export type PublishAction = 'created' | 'updated' | 'unchanged' | 'would create' | 'would update' | 'refused';

export interface PublishResult {
  readonly resourceType: string;
  readonly url: string;
  readonly version: string;
  readonly action: PublishAction;
  readonly detail: string;
}

type Existing = { id: string; etag?: string; resource: Record<string, unknown> };

/** What a search answer must say of a canonical resource for it to be compared and updated. */
const storedArtefactSchema = z.looseObject({
  id: idSchema,
  url: z.string().optional(),
  version: z.string().optional(),
  meta: z.looseObject({ versionId: z.string().optional() }).optional(),
});

const refusal = (response: FhirResponse): string => fhirErrorFrom(response).message;

/** JSON with object keys sorted at every depth, so two servers' key orders compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** Content equality ignoring what the server adds at the top (id, meta, narrative). */
function sameContent(server: Record<string, unknown>, ours: PublishedArtefact): boolean {
  const strip = ({ id: _id, meta: _meta, text: _text, ...rest }: Record<string, unknown>): string => stableJson(rest);
  return strip(server) === strip(ours as unknown as Record<string, unknown>);
}

async function findSameVersion(
  transport: FhirTransport,
  artefact: PublishedArtefact,
): Promise<Existing | undefined | { error: string }> {
  const query = `url=${encodeURIComponent(artefact.url ?? '')}&version=${encodeURIComponent(artefact.version ?? '')}`;
  const response = await transport.send({ method: 'GET', url: `${artefact.resourceType}?${query}` });
  if (response.status !== 200) return { error: refusal(response) };
  const bundle = validate(bundleSchema, response.body);
  if (!bundle.ok) return { error: `not a search Bundle: ${bundle.error.slice(0, 2).join('; ')}` };
  const stored = (bundle.value.entry ?? []).flatMap((e) => {
    const parsed = storedArtefactSchema.safeParse(e.resource);
    return parsed.success ? [parsed.data] : [];
  });
  const match = stored.find((r) => r.url === artefact.url && r.version === artefact.version);
  if (!match) return undefined;
  const versionId = match.meta?.versionId;
  return { id: match.id, resource: match, ...(versionId ? { etag: `W/"${versionId}"` } : {}) };
}

async function create(transport: FhirTransport, artefact: PublishedArtefact): Promise<[PublishAction, string]> {
  const { id: _id, ...body } = artefact;
  const response = await transport.send({
    method: 'POST',
    url: artefact.resourceType,
    body,
    headers: {
      'if-none-exist': `url=${encodeURIComponent(artefact.url ?? '')}&version=${encodeURIComponent(artefact.version ?? '')}`,
    },
  });
  if (response.status === 201) return ['created', response.headers['location'] ?? ''];
  if (response.status === 200) return ['unchanged', 'created meanwhile by someone else'];
  return ['refused', refusal(response)];
}

async function update(
  transport: FhirTransport,
  artefact: PublishedArtefact,
  existing: Existing,
): Promise<[PublishAction, string]> {
  const response = await transport.send({
    method: 'PUT',
    url: `${artefact.resourceType}/${existing.id}`,
    body: { ...artefact, id: existing.id },
    headers: existing.etag ? { 'if-match': existing.etag } : {},
  });
  return response.status === 200 || response.status === 201
    ? ['updated', `${artefact.resourceType}/${existing.id}`]
    : ['refused', refusal(response)];
}

async function publishOne(
  transport: FhirTransport,
  artefact: PublishedArtefact,
  dryRun: boolean,
): Promise<PublishResult> {
  const base = { resourceType: artefact.resourceType, url: artefact.url ?? '', version: artefact.version ?? '' };
  const existing = await findSameVersion(transport, artefact);
  if (existing && 'error' in existing)
    return { ...base, action: 'refused', detail: `search failed: ${existing.error}` };
  if (existing && sameContent(existing.resource, artefact))
    return { ...base, action: 'unchanged', detail: `${artefact.resourceType}/${existing.id}` };
  if (dryRun)
    return {
      ...base,
      action: existing ? 'would update' : 'would create',
      detail: existing ? `${artefact.resourceType}/${existing.id}` : '',
    };
  const [action, detail] = existing ? await update(transport, artefact, existing) : await create(transport, artefact);
  return { ...base, action, detail };
}

/** In the given order (CodeSystem, ValueSets, Questionnaires), so each resource's references already exist. */
export async function publishArtefacts(
  transport: FhirTransport,
  artefacts: readonly PublishedArtefact[],
  options: { dryRun: boolean },
): Promise<PublishResult[]> {
  const results: PublishResult[] = [];
  for (const artefact of artefacts) results.push(await publishOne(transport, artefact, options.dryRun));
  return results;
}
