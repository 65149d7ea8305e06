// A CapabilityStatement that tells the truth about this engine, built from the current settings on every
// request so that a fault switched on by the EHR launch page shows up at `metadata` at once.
import { getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRest,
  CapabilityStatementRestResource,
  CapabilityStatementRestSecurity,
  SearchParameter,
} from '@medplum/fhirtypes';
import type { EngineSettings, SmartEndpoints } from './types';
import { SUPPORTED_RESOURCE_TYPES } from './supported';
import type { SupportedResourceType } from './supported';
import { effectiveSettings, VENDOR_PROFILES } from './vendors';
import type { ResourceRule } from './vendors/types';

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const RESTFUL_SECURITY = 'http://terminology.hl7.org/CodeSystem/restful-security-service';
const RESOURCE_INTERACTIONS = [
  'read',
  'vread',
  'update',
  'patch',
  'delete',
  'history-instance',
  'create',
  'search-type',
] as const;
/** Search result parameters handled for every type (beyond each type's own parameters). */
const COMMON_PARAMS = ['_count', '_offset', '_sort', '_summary', '_total'];

function referenceParams(resourceType: string): SearchParameter[] {
  return Object.values(getSearchParameters(resourceType) ?? {}).filter((p) => p.type === 'reference');
}

function revIncludesOf(resourceType: string): string[] {
  return SUPPORTED_RESOURCE_TYPES.flatMap((source) =>
    referenceParams(source)
      .filter((p) => p.target?.some((t) => t === resourceType))
      .map((p) => `${source}:${p.code}`),
  );
}

function resourceEntry(
  resourceType: SupportedResourceType,
  settings: EngineSettings,
  rule: ResourceRule | undefined,
): CapabilityStatementRestResource {
  const taken = rule?.searchParams;
  const params = Object.values(getSearchParameters(resourceType) ?? {}).filter(
    (p) => !taken || taken.includes(p.code ?? ''),
  );
  const interactions = rule?.interactions ?? RESOURCE_INTERACTIONS;
  const search = interactions.includes('search-type');
  return {
    type: resourceType,
    ...(rule?.createCategories
      ? { documentation: `create is taken only for category ${rule.createCategories.join(' or ')}` }
      : {}),
    interaction: interactions.map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: effectiveSettings(settings).conditionalCreate,
    conditionalUpdate: !rule,
    conditionalDelete: rule ? 'not-supported' : 'single',
    referencePolicy: ['literal', 'local'],
    // The vendor lists document no _include/_revinclude for these types.
    searchInclude: rule
      ? []
      : [...referenceParams(resourceType).map((p) => `${resourceType}:${p.code}`), `${resourceType}:*`],
    searchRevInclude: rule ? [] : revIncludesOf(resourceType),
    searchParam: !search
      ? []
      : [
          ...params.map((p) => ({ name: p.code ?? '', definition: p.url, type: p.type ?? 'string' })),
          ...COMMON_PARAMS.map((name) => ({
            name,
            type:
              name === '_sort' || name === '_summary' || name === '_total' ? ('string' as const) : ('number' as const),
          })),
        ],
  };
}

function security(smart: SmartEndpoints | undefined): CapabilityStatementRestSecurity {
  if (!smart) return { cors: true, description: 'Open mode: no authorization (loopback only).' };
  const uris = Object.entries(smart).filter(([, url]) => typeof url === 'string');
  return {
    cors: true,
    service: [
      { coding: [{ system: RESTFUL_SECURITY, code: 'SMART-on-FHIR' }], text: 'OAuth2 using SMART-on-FHIR profile' },
    ],
    extension: [{ url: OAUTH_URIS, extension: uris.map(([name, url]) => ({ url: name, valueUri: url })) }],
  };
}

export function buildCapabilityStatement(
  baseUrl: string,
  settings: EngineSettings,
  smart: SmartEndpoints | undefined,
  date: string,
): CapabilityStatement {
  const profile = VENDOR_PROFILES[settings.vendor];
  const { transactions, batch } = effectiveSettings(settings);
  const served = SUPPORTED_RESOURCE_TYPES.filter((type) => !profile.resources || profile.resources[type]);
  const rest: CapabilityStatementRest = {
    mode: 'server',
    documentation: profile.description,
    security: security(smart),
    resource: served.map((type) => resourceEntry(type, settings, profile.resources?.[type])),
    interaction: [
      ...(transactions ? [{ code: 'transaction' as const }] : []),
      ...(batch ? [{ code: 'batch' as const }] : []),
    ],
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
