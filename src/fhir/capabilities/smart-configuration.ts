import { resolveAgainstBase } from '../gateway/wire';
import { smartConfigurationSchema } from '../schemas/smart-configuration';
import { validate } from '../schemas/validate';

// `.well-known/smart-configuration` → the SMART facts the server checker (issue 7) reports and the launch
// relies on. Problems are listed, not thrown: a checker must report every gap at once.

export interface SmartCapabilities {
  /** The document was readable and has every field SMART 2 requires. */
  readonly valid: boolean;
  readonly problems: readonly string[];
  readonly permissionV1: boolean;
  readonly permissionV2: boolean;
  /** S256 offered (SMART 2 requires it, and forbids `plain`). */
  readonly pkceS256: boolean;
  readonly pkcePlainOffered: boolean;
  readonly launchEhr: boolean;
  readonly launchStandalone: boolean;
  readonly clientPublic: boolean;
  readonly refreshOnline: boolean;
  readonly refreshOffline: boolean;
  readonly capabilities: readonly string[];
  readonly grantTypes: readonly string[];
  readonly scopesSupported?: readonly string[];
  /** Absolute (relative endpoints are resolved against the FHIR base, as SMART says). */
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
}

function absolute(url: string | undefined, base: string): string | undefined {
  if (url === undefined) return undefined;
  try {
    return resolveAgainstBase(url, base);
  } catch {
    return undefined;
  }
}

const NOTHING: Omit<SmartCapabilities, 'valid' | 'problems'> = {
  permissionV1: false,
  permissionV2: false,
  pkceS256: false,
  pkcePlainOffered: false,
  launchEhr: false,
  launchStandalone: false,
  clientPublic: false,
  refreshOnline: false,
  refreshOffline: false,
  capabilities: [],
  grantTypes: [],
};

export function parseSmartConfiguration(document: unknown, fhirBaseUrl: string): SmartCapabilities {
  const parsed = validate(smartConfigurationSchema, document);
  if (!parsed.ok) return { ...NOTHING, valid: false, problems: parsed.error };
  const config = parsed.value;
  const caps = new Set(config.capabilities);
  const methods = config.code_challenge_methods_supported ?? [];
  const problems = [
    ...(methods.includes('S256')
      ? []
      : ['code_challenge_methods_supported: S256 is not offered (SMART 2 requires PKCE S256)']),
    ...(methods.includes('plain') ? ['code_challenge_methods_supported: offers "plain", which SMART 2 forbids'] : []),
    ...(caps.has('launch-ehr') && !config.authorization_endpoint
      ? ['authorization_endpoint: missing, but launch-ehr is advertised']
      : []),
  ];
  const authorizationEndpoint = absolute(config.authorization_endpoint, fhirBaseUrl);
  const tokenEndpoint = absolute(config.token_endpoint, fhirBaseUrl);
  return {
    valid: problems.length === 0,
    problems,
    permissionV1: caps.has('permission-v1'),
    permissionV2: caps.has('permission-v2'),
    pkceS256: methods.includes('S256'),
    pkcePlainOffered: methods.includes('plain'),
    launchEhr: caps.has('launch-ehr'),
    launchStandalone: caps.has('launch-standalone'),
    clientPublic: caps.has('client-public'),
    refreshOnline: caps.has('permission-online'),
    refreshOffline: caps.has('permission-offline'),
    capabilities: config.capabilities,
    grantTypes: config.grant_types_supported,
    ...(config.scopes_supported ? { scopesSupported: config.scopes_supported } : {}),
    ...(authorizationEndpoint ? { authorizationEndpoint } : {}),
    ...(tokenEndpoint ? { tokenEndpoint } : {}),
  };
}
