// Medplum's FhirRouter with the handlers the sandbox changes: search (ours), create (honours the
// conditional-create setting), update (201 when it creates), resource types outside the supported list
// refused, and system-wide search refused because this server does not offer it. Extended through the
// library's public API only (a subclass overriding `find`), never its route table.
import { created, isOk, OperationOutcomeError } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import type { FhirRouteHandler, FhirRouteMetadata, HttpMethod, RouteResult } from '@medplum/fhir-router';
import { outcome } from './outcomes';
import type { SandboxRepository } from './repository';
import { createSearchHandler } from './search-handler';
import { isSupportedResourceType } from './supported';
import type { EngineSettings } from './types';
import { effectiveSettings } from './vendors';

export interface RouterContext {
  readonly repo: SandboxRepository;
  readonly settings: EngineSettings;
  readonly baseUrl: () => string;
}

type Wrap = (original: FhirRouteHandler) => FhirRouteHandler;
type FoundRoute = RouteResult<FhirRouteHandler, FhirRouteMetadata>;

/** A route of Medplum's to serve through a wrapper; `path` is written as Medplum registers it (`:param`). */
interface Override {
  readonly method: HttpMethod;
  readonly path: string;
  readonly wrap: Wrap;
}

/**
 * Medplum's router, its route choice kept, with some of its handlers served through ours. `add` cannot
 * override a route (on a tie `find` keeps the first one registered), so the public `find` — which both
 * `handleRequest` and batch/transaction entries dispatch through — swaps the handler Medplum picked for ours.
 */
class SandboxRouter extends FhirRouter {
  private readonly replacements = new Map<FhirRouteHandler, FhirRouteHandler>();

  constructor(
    overrides: readonly Override[],
    private readonly everyRoute: Wrap,
  ) {
    super();
    for (const { method, path, wrap } of overrides) {
      // A path of the route's own shape (`:id` → `id`) finds that route: its handler is the one to replace.
      const found = super.find(method, path.replaceAll(':', ''));
      if (!found || !samePattern(found, path))
        throw new Error(`No route ${method} ${path} in @medplum/fhir-router: has its version changed?`);
      this.replacements.set(found.handler, wrap(found.handler));
    }
  }

  override find(method: HttpMethod, url: string): FoundRoute | undefined {
    const found = super.find(method, url);
    if (!found) return undefined;
    return { ...found, handler: this.everyRoute(this.replacements.get(found.handler) ?? found.handler) };
  }
}

/** Whether `found` matched the route registered as `path` (the same parameters, in the same places). */
function samePattern(found: FoundRoute, path: string): boolean {
  const params = path.split('/').filter((s) => s.startsWith(':'));
  return (
    params.length === Object.keys(found.params).length && params.every((p) => found.params[p.slice(1)] === p.slice(1))
  );
}

const onlySupportedTypes: Wrap = (original) => async (req, repo, router, options) => {
  const resourceType = req.params['resourceType'];
  if (resourceType !== undefined && !isSupportedResourceType(resourceType)) {
    return [outcome('not-supported', `Resource type not supported by this server: ${resourceType}`)];
  }
  return original(req, repo, router, options);
};

/**
 * Headers a server does not implement are ignored (HTTP semantics), so without conditional create an
 * `If-None-Exist` create makes a duplicate — as on a real server that lacks it. The CapabilityStatement
 * (`conditionalCreate: false`) is the client's only warning.
 */
function conditionalCreateSetting(settings: EngineSettings): Wrap {
  return (original) => (req, repo, router, options) => {
    if (effectiveSettings(settings).conditionalCreate || !req.headers?.['if-none-exist'])
      return original(req, repo, router, options);
    const { 'if-none-exist': _ignored, ...headers } = req.headers;
    return original({ ...req, headers }, repo, router, options);
  };
}

/** Update-as-create answers 201 Created, as FHIR requires (Medplum answers 200). */
function createdOnUpsert(repo: SandboxRepository): Wrap {
  return (original) => async (req, _repo, router, options) => {
    const existed = repo.store.current(req.params['resourceType'] ?? '', req.params['id'] ?? '') !== undefined;
    const [result, resource] = await original(req, repo, router, options);
    return !existed && isOk(result) && resource ? [created, resource] : resource ? [result, resource] : [result];
  };
}

const systemSearchNotSupported: FhirRouteHandler = async () => {
  throw new OperationOutcomeError(
    outcome('not-supported', 'Search across all resource types is not supported; search one type.'),
  );
};

export function createSandboxRouter(context: RouterContext): FhirRouter {
  const search = createSearchHandler(context.repo, context.baseUrl, context.settings);
  return new SandboxRouter(
    [
      { method: 'GET', path: ':resourceType', wrap: () => search },
      { method: 'POST', path: ':resourceType/_search', wrap: () => search },
      { method: 'GET', path: '', wrap: () => systemSearchNotSupported },
      { method: 'POST', path: ':resourceType', wrap: conditionalCreateSetting(context.settings) },
      { method: 'PUT', path: ':resourceType/:id', wrap: createdOnUpsert(context.repo) },
    ],
    onlySupportedTypes,
  );
}
