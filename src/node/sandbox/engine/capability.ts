// A CapabilityStatement that tells the truth about this engine, built from the current settings on every
// request so that a fault switched on by the EHR launch page shows up at `metadata` at once.
import { getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement, CapabilityStatementRest, CapabilityStatementRestResource, CapabilityStatementRestSecurity, SearchParameter,
} from '@medplum/fhirtypes';
import type { EngineSettings, SmartEndpoints } from './types';
import { SUPPORTED_RESOURCE_TYPES } from './supported';
import type { SupportedResourceType } from './supported';

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const RESTFUL_SECURITY = 'http://terminology.hl7.org/CodeSystem/restful-security-service';
const RESOURCE_INTERACTIONS = ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'] as const;
/** Search result parameters handled for every type (beyond each type's own parameters). */
const COMMON_PARAMS = ['_count', '_offset', '_sort', '_summary', '_total'];

function referenceParams(resourceType: string): SearchParameter[] {
  return Object.values(getSearchParameters(resourceType) ?? {}).filter((p) => p.type === 'reference');
}

function revIncludesOf(resourceType: string): string[] {
  return SUPPORTED_RESOURCE_TYPES.flatMap((source) =>
    referenceParams(source).filter((p) => p.target?.some((t) => t === resourceType)).map((p) => `${source}:${p.code}`));
}

function resourceEntry(resourceType: SupportedResourceType, settings: EngineSettings): CapabilityStatementRestResource {
  const params = Object.values(getSearchParameters(resourceType) ?? {});
  return {
    type: resourceType,
    interaction: RESOURCE_INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: settings.conditionalCreate,
    conditionalUpdate: true,
    conditionalDelete: 'single',
    referencePolicy: ['literal', 'local'],
    searchInclude: [...referenceParams(resourceType).map((p) => `${resourceType}:${p.code}`), `${resourceType}:*`],
    searchRevInclude: revIncludesOf(resourceType),
    searchParam: [
      ...params.map((p) => ({ name: p.code ?? '', definition: p.url, type: p.type ?? 'string' })),
      ...COMMON_PARAMS.map((name) => ({ name, type: name === '_sort' || name === '_summary' || name === '_total' ? 'string' as const : 'number' as const })),
    ],
  };
}

function security(smart: SmartEndpoints | undefined): CapabilityStatementRestSecurity {
  if (!smart) return { cors: true, description: 'Open mode: no authorization (loopback only).' };
  const uris = Object.entries(smart).filter(([, url]) => typeof url === 'string');
  return {
    cors: true,
    service: [{ coding: [{ system: RESTFUL_SECURITY, code: 'SMART-on-FHIR' }], text: 'OAuth2 using SMART-on-FHIR profile' }],
    extension: [{ url: OAUTH_URIS, extension: uris.map(([name, url]) => ({ url: name, valueUri: url })) }],
  };
}

export function buildCapabilityStatement(baseUrl: string, settings: EngineSettings, smart: SmartEndpoints | undefined, date: string): CapabilityStatement {
  const rest: CapabilityStatementRest = {
    mode: 'server',
    security: security(smart),
    resource: SUPPORTED_RESOURCE_TYPES.map((type) => resourceEntry(type, settings)),
    interaction: [...(settings.transactions ? [{ code: 'transaction' as const }] : []), ...(settings.batch ? [{ code: 'batch' as const }] : [])],
  };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: 'Therapy Feedback sandbox FHIR engine (Medplum fhir-router 4.5.2)' },
    implementation: { description: 'Local sandbox FHIR server', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    patchFormat: ['application/json-patch+json'],
    rest: [rest],
  };
}
