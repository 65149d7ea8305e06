import {
  detectCapabilities,
  parseSmartConfiguration,
  scopesAllow,
  serverSupports,
  type ServerCapabilities,
  type SmartCapabilities,
} from '../../fhir/capabilities';
import type { FhirTransport } from '../../fhir/gateway';
import { planWrites } from '../../fhir/write/plan';
import type { WritePlan } from '../../fhir/write/types';
import { caseloadRows } from './caseload-rows';
import { RESOURCE_NEEDS } from './requirements';

// Reads what a server says of itself and sets it beside what the app needs. Every gap is reported at once:
// a checker that stops at the first problem makes integrators run it ten times.

export type Verdict = 'yes' | 'no' | 'unknown';

export interface CheckRow {
  readonly area: 'SMART' | 'FHIR' | 'Resources' | 'Caseload';
  readonly need: string;
  readonly verdict: Verdict;
  readonly detail: string;
  /** Without it the app cannot work on this server at all. */
  readonly blocking: boolean;
}

export interface CheckReport {
  readonly fhirBaseUrl: string;
  readonly software?: string;
  readonly fhirVersion: string;
  readonly rows: readonly CheckRow[];
  readonly writePlan: WritePlan;
  /** Scopes the report assumed were granted. */
  readonly assumedScopes: string;
}

const yesNo = (ok: boolean): Verdict => (ok ? 'yes' : 'no');

function smartRows(smart: SmartCapabilities | undefined): CheckRow[] {
  if (!smart)
    return [
      {
        area: 'SMART',
        need: '.well-known/smart-configuration',
        verdict: 'no',
        detail: 'not found: no SMART launch',
        blocking: true,
      },
    ];
  const row = (need: string, ok: boolean, detail: string, blocking = false): CheckRow => ({
    area: 'SMART',
    need,
    verdict: yesNo(ok),
    detail,
    blocking,
  });
  return [
    row('.well-known/smart-configuration', smart.valid, smart.problems.join('; ') || 'valid', !smart.valid),
    row(
      'SMART v2 scopes (permission-v2)',
      smart.permissionV2,
      smart.permissionV2 ? 'app asks v2 scopes' : 'app falls back to v1 scopes',
    ),
    row('SMART v1 scopes (permission-v1)', smart.permissionV1, ''),
    row(
      'PKCE S256',
      smart.pkceS256,
      smart.pkcePlainOffered ? 'also offers plain (forbidden by SMART 2)' : '',
      !smart.pkceS256,
    ),
    row('EHR launch', smart.launchEhr, '', false),
    row('standalone launch', smart.launchStandalone, '', false),
    row('public clients', smart.clientPublic, 'the app is a public client'),
    row(
      'refresh while online',
      smart.refreshOnline || smart.refreshOffline,
      'without it sessions end when the token expires',
    ),
  ];
}

/** The include targets that would let the app fetch a response's evidence with it, named; the rest counted. */
const WANTED_REVINCLUDES = ['Observation:derived-from', 'Provenance:target'];

function includeDetail(declared: readonly string[], wanted: readonly string[]): string {
  if (declared.length === 0) return '';
  const present = wanted.filter((w) => declared.includes(w));
  const missing = wanted.filter((w) => !declared.includes(w));
  const named = [
    present.length > 0 ? `has ${present.join(', ')}` : '',
    missing.length > 0 ? `lacks ${missing.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `${named} (${declared.length} declared)`;
}

function fhirRows(caps: ServerCapabilities): CheckRow[] {
  const conditional = ['QuestionnaireResponse', 'Observation', 'Flag'].filter(
    (t) => caps.resources[t]?.conditionalCreate,
  );
  const conditionalUpdate = ['Questionnaire'].filter((t) => caps.resources[t]?.conditionalUpdate);
  return [
    {
      area: 'FHIR',
      need: 'FHIR R4 (4.0.x)',
      verdict: yesNo(!caps.unsupportedReason),
      detail: caps.unsupportedReason ?? caps.fhirVersion,
      blocking: Boolean(caps.unsupportedReason),
    },
    {
      area: 'FHIR',
      need: 'transaction',
      verdict: yesNo(caps.transaction),
      detail: caps.transaction ? 'one round trip per save' : 'falls back to batch or single requests',
      blocking: false,
    },
    {
      area: 'FHIR',
      need: 'batch',
      verdict: yesNo(caps.batch),
      detail: caps.batch ? 'history in one round trip' : 'history in parallel requests',
      blocking: false,
    },
    {
      area: 'FHIR',
      need: 'conditional create',
      verdict: yesNo(conditional.length === 3),
      detail:
        conditional.length === 3
          ? 'If-None-Exist on identifiers'
          : `only ${conditional.join(', ') || 'none'}: searches before creating`,
      blocking: false,
    },
    {
      area: 'FHIR',
      need: 'conditional update',
      verdict: yesNo(conditionalUpdate.length > 0),
      detail: 'publishing Questionnaires by url + version',
      blocking: false,
    },
    {
      area: 'FHIR',
      need: '_include',
      verdict: yesNo(caps.include),
      detail: includeDetail(caps.resources['QuestionnaireResponse']?.searchInclude ?? [], [
        'QuestionnaireResponse:subject',
      ]),
      blocking: false,
    },
    {
      area: 'FHIR',
      need: '_revinclude',
      verdict: yesNo(caps.revinclude),
      detail: includeDetail(caps.resources['QuestionnaireResponse']?.searchRevInclude ?? [], WANTED_REVINCLUDES),
      blocking: false,
    },
  ];
}

function resourceRows(caps: ServerCapabilities): CheckRow[] {
  return RESOURCE_NEEDS.map((need) => {
    const offered = serverSupports(caps, need.resourceType, need.interaction);
    const allowed = scopesAllow(caps.scopes, need.resourceType, need.interaction);
    const detail = !offered ? 'server does not offer it' : allowed ? need.why : 'not in the granted scopes';
    return {
      area: 'Resources',
      need: `${need.resourceType} ${need.interaction}`,
      verdict: yesNo(offered && allowed),
      detail,
      blocking: need.required && !(offered && allowed),
    };
  });
}

async function getJson(transport: FhirTransport, url: string): Promise<unknown> {
  const response = await transport.send({ method: 'GET', url });
  return response.status >= 200 && response.status < 300 ? response.body : undefined;
}

/** Fetches the CapabilityStatement and the SMART configuration together and reports against the app's needs. */
export async function checkServer(transport: FhirTransport, assumedScopes: string): Promise<CheckReport> {
  const [statement, smartDocument] = await Promise.all([
    getJson(transport, 'metadata'),
    getJson(transport, '.well-known/smart-configuration'),
  ]);
  const caps = detectCapabilities(statement, assumedScopes);
  const smart = smartDocument === undefined ? undefined : parseSmartConfiguration(smartDocument, transport.baseUrl);
  return {
    fhirBaseUrl: transport.baseUrl,
    ...(caps.software ? { software: caps.software } : {}),
    fhirVersion: caps.fhirVersion,
    rows: [...smartRows(smart), ...fhirRows(caps), ...resourceRows(caps), ...caseloadRows(caps, smart)],
    writePlan: planWrites(caps),
    assumedScopes,
  };
}
