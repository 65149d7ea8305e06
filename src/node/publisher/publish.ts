import type { FhirTransport } from '../../fhir/gateway';
import type { PublishedArtefact } from '../../fhir/questionnaire';

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

function outcomeText(status: number, body: unknown): string {
  const issues = (body as { issue?: { diagnostics?: string; details?: { text?: string } }[] } | undefined)?.issue ?? [];
  const text = issues.map((i) => i.diagnostics ?? i.details?.text ?? '').filter(Boolean).join('; ');
  return `HTTP ${status}${text ? `: ${text}` : ''}`;
}

/** Content equality ignoring what the server adds (id, meta, narrative). */
function sameContent(server: Record<string, unknown>, ours: PublishedArtefact): boolean {
  const strip = ({ id: _id, meta: _meta, text: _text, ...rest }: Record<string, unknown>): string => JSON.stringify(rest, Object.keys(rest).sort());
  return strip(server) === strip(ours as unknown as Record<string, unknown>);
}

async function findSameVersion(transport: FhirTransport, artefact: PublishedArtefact): Promise<Existing | undefined | { error: string }> {
  const query = `url=${encodeURIComponent(artefact.url ?? '')}&version=${encodeURIComponent(artefact.version ?? '')}`;
  const response = await transport.send({ method: 'GET', url: `${artefact.resourceType}?${query}` });
  if (response.status !== 200) return { error: outcomeText(response.status, response.body) };
  const entries = (response.body as { entry?: { resource?: Record<string, unknown> }[] } | undefined)?.entry ?? [];
  const match = entries.map((e) => e.resource).find((r) => r?.['url'] === artefact.url && r?.['version'] === artefact.version);
  if (!match || typeof match['id'] !== 'string') return undefined;
  const versionId = (match['meta'] as { versionId?: string } | undefined)?.versionId;
  return { id: match['id'], resource: match, ...(versionId ? { etag: `W/"${versionId}"` } : {}) };
}

async function create(transport: FhirTransport, artefact: PublishedArtefact): Promise<[PublishAction, string]> {
  const { id: _id, ...body } = artefact;
  const response = await transport.send({
    method: 'POST', url: artefact.resourceType, body,
    headers: { 'if-none-exist': `url=${encodeURIComponent(artefact.url ?? '')}&version=${encodeURIComponent(artefact.version ?? '')}` },
  });
  if (response.status === 201) return ['created', response.headers['location'] ?? ''];
  if (response.status === 200) return ['unchanged', 'created meanwhile by someone else'];
  return ['refused', outcomeText(response.status, response.body)];
}

async function update(transport: FhirTransport, artefact: PublishedArtefact, existing: Existing): Promise<[PublishAction, string]> {
  const response = await transport.send({
    method: 'PUT', url: `${artefact.resourceType}/${existing.id}`, body: { ...artefact, id: existing.id },
    headers: existing.etag ? { 'if-match': existing.etag } : {},
  });
  return response.status === 200 || response.status === 201 ? ['updated', `${artefact.resourceType}/${existing.id}`] : ['refused', outcomeText(response.status, response.body)];
}

async function publishOne(transport: FhirTransport, artefact: PublishedArtefact, dryRun: boolean): Promise<PublishResult> {
  const base = { resourceType: artefact.resourceType, url: artefact.url ?? '', version: artefact.version ?? '' };
  const existing = await findSameVersion(transport, artefact);
  if (existing && 'error' in existing) return { ...base, action: 'refused', detail: `search failed: ${existing.error}` };
  if (existing && sameContent(existing.resource, artefact)) return { ...base, action: 'unchanged', detail: `${artefact.resourceType}/${existing.id}` };
  if (dryRun) return { ...base, action: existing ? 'would update' : 'would create', detail: existing ? `${artefact.resourceType}/${existing.id}` : '' };
  const [action, detail] = existing ? await update(transport, artefact, existing) : await create(transport, artefact);
  return { ...base, action, detail };
}

/** In the given order (CodeSystem, ValueSets, Questionnaires), so each resource's references already exist. */
export async function publishArtefacts(transport: FhirTransport, artefacts: readonly PublishedArtefact[], options: { dryRun: boolean }): Promise<PublishResult[]> {
  const results: PublishResult[] = [];
  for (const artefact of artefacts) results.push(await publishOne(transport, artefact, options.dryRun));
  return results;
}
