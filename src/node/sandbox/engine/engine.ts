// The sandbox FHIR engine: one request in, one answer out, whatever the transport (node:http, MSW, the
// SMART guard). Requests are handled one at a time so a transaction never interleaves with other writes.
import { createHash } from 'node:crypto';
import { succeed } from '../../../core/result';
import { isResource, OperationOutcomeError } from '@medplum/core';
import type { HttpMethod } from '@medplum/fhir-router';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { buildCapabilityStatement } from './capability';
import { loadFhirDefinitions } from './definitions';
import { outcome } from './outcomes';
import { loadStoreFile, StoreWriter } from './persistence';
import { SandboxRepository } from './repository';
import { FHIR_JSON, toEngineResponse } from './response';
import { createSandboxRouter } from './router';
import type {
  EngineRequest,
  EngineResponse,
  EngineSettings,
  FhirEngine,
  FhirEngineOptions,
  SmartEndpoints,
} from './types';
import { effectiveSettings, refusalByProfile, VENDOR_PROFILES } from './vendors';

const METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
export const DEFAULT_BASE_URL = 'http://127.0.0.1/fhir';

function lowerCaseHeaders(headers: EngineRequest['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== undefined) result[name.toLowerCase()] = value;
  return result;
}

const answer = (status: number, body: unknown): EngineResponse => ({
  status,
  headers: { 'content-type': FHIR_JSON },
  body,
});

/**
 * The statement with a weak ETag of its content (it changes with the settings), or 304 Not Modified when the
 * client already holds that one (If-None-Match): an app that keeps the statement can ask cheaply whether it
 * still holds.
 */
function statementAnswer(statement: CapabilityStatement, ifNoneMatch: string | undefined): EngineResponse {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(statement)).digest('base64url').slice(0, 22)}"`;
  const held = ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*') ?? false;
  return held
    ? { status: 304, headers: { etag } }
    : { status: 200, headers: { 'content-type': FHIR_JSON, etag }, body: statement };
}

function bundleType(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || !('resourceType' in body) || body.resourceType !== 'Bundle')
    return undefined;
  return 'type' in body && typeof body.type === 'string' ? body.type : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class SandboxEngine implements FhirEngine {
  readonly settings: EngineSettings;
  baseUrl: string;
  readonly repo = new SandboxRepository();
  private readonly router;
  private smart: SmartEndpoints | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly startedAt = new Date().toISOString();
  writer: StoreWriter | undefined;

  constructor(options: FhirEngineOptions) {
    this.settings = { transactions: true, batch: true, conditionalCreate: true, vendor: 'open', ...options.settings };
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.router = createSandboxRouter({ repo: this.repo, settings: this.settings, baseUrl: () => this.baseUrl });
    this.repo.onCommit = () => this.writer?.schedule();
  }

  setSmartEndpoints(endpoints: SmartEndpoints | undefined): void {
    this.smart = endpoints;
  }

  async handle(request: EngineRequest): Promise<EngineResponse> {
    const method = request.method.toUpperCase();
    const path = request.path.replace(/^\/+/, '');
    if (!METHODS.has(method)) return answer(405, outcome('not-supported', `Method not supported: ${method}`));
    if ((method === 'GET' || method === 'HEAD') && /^metadata(\?|$)/.test(path)) {
      const statement = buildCapabilityStatement(this.baseUrl, this.settings, this.smart, this.startedAt);
      return statementAnswer(statement, lowerCaseHeaders(request.headers)['if-none-match']);
    }
    const refused =
      method === 'POST' && (path === '' || path.startsWith('?'))
        ? this.refuseBundle(request.body)
        : refusalByProfile(VENDOR_PROFILES[this.settings.vendor], method, path, request.body);
    if (refused) return refused;
    const fault = method === 'POST' && bundleType(request.body) === 'transaction' ? await this.applyFault() : undefined;
    if (fault) return fault;
    return this.serialized(() => this.route(method, path, lowerCaseHeaders(request.headers), request.body));
  }

  async flush(): Promise<void> {
    await this.queue;
    await this.writer?.flush();
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** Stores resources as given (ids kept), validated like any write; for seeding. */
  async put(resources: Iterable<unknown>): Promise<void> {
    for (const resource of resources) {
      if (!isResource(resource) || !resource.id) throw new Error('Seed data must be FHIR resources with ids');
      await this.repo.updateResource(resource);
    }
  }

  private refuseBundle(body: unknown): EngineResponse | undefined {
    const type = bundleType(body);
    const { transactions, batch } = effectiveSettings(this.settings);
    if (type === 'transaction' && !transactions)
      return answer(400, outcome('not-supported', 'This server does not support transactions.'));
    if (type === 'batch' && !batch) return answer(400, outcome('not-supported', 'This server does not support batch.'));
    return undefined;
  }

  private async applyFault(): Promise<EngineResponse | undefined> {
    const fault = this.settings.transactionFault;
    if (!fault) return undefined;
    const remaining = fault.times === undefined ? undefined : fault.times - 1;
    if (remaining !== undefined && remaining <= 0) delete this.settings.transactionFault;
    else if (remaining !== undefined) this.settings.transactionFault = { ...fault, times: remaining };
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.status === undefined && fault.delayMs) return undefined;
    return answer(fault.status ?? 500, outcome('transient', 'Simulated transaction failure (sandbox fault setting).'));
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async route(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<EngineResponse> {
    try {
      const result = await this.router.handleRequest(
        {
          method: (method === 'HEAD' ? 'GET' : method) as HttpMethod,
          url: path,
          pathname: '',
          body,
          params: {},
          query: {},
          headers,
          config: { transactions: true },
        },
        this.repo,
      );
      const minimal = /return\s*=\s*minimal/i.test(headers['prefer'] ?? '');
      return toEngineResponse(result, this.baseUrl, { head: method === 'HEAD', minimal });
    } catch (err) {
      if (err instanceof OperationOutcomeError) return answer(400, err.outcome);
      throw err;
    }
  }
}

export async function createFhirEngine(
  options: FhirEngineOptions = {},
): Promise<FhirEngine & { put(resources: Iterable<unknown>): Promise<void> }> {
  await loadFhirDefinitions();
  const engine = new SandboxEngine(options);
  const loaded = options.dataFile ? await loadStoreFile(options.dataFile, engine.repo.store) : succeed(0);
  if (!loaded.ok) throw new Error(loaded.error);
  if (options.seed && loaded.value === 0) await engine.put(options.seed());
  if (options.dataFile) {
    engine.writer = new StoreWriter(options.dataFile, engine.repo.store);
    if (loaded.value === 0) await engine.writer.flush();
  }
  return engine;
}
