// Medplum's FhirRouter with the handlers the sandbox changes: search (ours), create (honours the
// conditional-create setting), update (201 when it creates), resource types outside the supported list
// refused, and system-wide search refused because this server does not offer it.
import { created, isOk, OperationOutcomeError } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import type { FhirRouteHandler, HttpMethod } from '@medplum/fhir-router';
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

function replaceHandler(router: FhirRouter, method: HttpMethod, path: string, wrap: Wrap): void {
  const segments = path.split('/').filter(Boolean);
  const route = router.router.routes.find(
    (r) =>
      r.method === method && r.path.map((s) => (s.param ? `:${s.value}` : s.value)).join('/') === segments.join('/'),
  );
  if (!route) throw new Error(`No route ${method} ${path} in @medplum/fhir-router: has its version changed?`);
  route.handler = wrap(route.handler);
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
  const router = new FhirRouter();
  const search = createSearchHandler(context.repo, context.baseUrl);
  replaceHandler(router, 'GET', ':resourceType', () => search);
  replaceHandler(router, 'POST', ':resourceType/_search', () => search);
  replaceHandler(router, 'GET', '', () => systemSearchNotSupported);
  replaceHandler(router, 'POST', ':resourceType', conditionalCreateSetting(context.settings));
  replaceHandler(router, 'PUT', ':resourceType/:id', createdOnUpsert(context.repo));
  for (const route of router.router.routes) route.handler = onlySupportedTypes(route.handler);
  return router;
}
