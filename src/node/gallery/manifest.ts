import { fail, succeed, type Result } from '../../core/result';
import type { ServerConfig, SmartLaunchConfig } from '../../fhir/smart-launch-config';

// What an app gallery or an EHR's app registration asks for, generated from smart-launch.json so the two never
// disagree. Field names follow RFC 7591 client metadata where one exists, as SMART app manifests do.

export interface ScopeEntry {
  readonly scope: string;
  readonly justification: string;
}

export interface GalleryManifest {
  readonly software_id: string;
  readonly software_version: string;
  readonly client_name: string;
  readonly description: string;
  readonly client_uri: string;
  readonly logo_uri: string;
  readonly launch_url: string;
  readonly redirect_uris: readonly string[];
  readonly scope: string;
  readonly scope_v1: string;
  readonly scopes: readonly ScopeEntry[];
  /** The provider launch without a patient (the caseload): its `user/` scopes, where the reference server has one. */
  readonly caseload_scope?: string;
  readonly caseload_scopes?: readonly ScopeEntry[];
  readonly token_endpoint_auth_method: 'none';
  readonly grant_types: readonly string[];
  readonly response_types: readonly string[];
  readonly code_challenge_method: 'S256';
  readonly fhir_versions: readonly string[];
  readonly launch_types: readonly string[];
  readonly policy_uri: string;
  readonly tos_uri: string;
  readonly contacts: readonly string[];
  readonly registrations: readonly {
    readonly ehr: string;
    readonly iss_pattern: string;
    readonly client_id: string;
    readonly scope: string;
    readonly caseload_scope?: string;
  }[];
}

export type ManifestResult = Result<GalleryManifest, string[]>;

const absolute = (origin: string, path: string): string => new URL(path, origin).href;

/** Scopes with their justifications, and the scopes that have none. */
function scopeEntries(config: SmartLaunchConfig, scopes: string): { entries: ScopeEntry[]; missing: string[] } {
  const entries: ScopeEntry[] = [];
  const missing: string[] = [];
  for (const scope of scopes.split(' ')) {
    const justification = config.scopeJustifications[scope];
    if (justification === undefined) missing.push(scope);
    else entries.push({ scope, justification });
  }
  return { entries, missing };
}

/** What one server asks for: the patient launch's scopes, and the caseload's where it has one. */
const askedScopes = (s: ServerConfig): string[] => [s.scopes, ...(s.caseload ? [s.caseload.scopes] : [])];

const caseloadPart = (config: SmartLaunchConfig, server: ServerConfig) =>
  server.caseload
    ? { caseload_scope: server.caseload.scopes, caseload_scopes: scopeEntries(config, server.caseload.scopes).entries }
    : {};

/**
 * Builds the manifest for one deployment origin. The first server entry is the reference registration; every
 * scope any server asks for must have a one-line justification, or the manifest is refused.
 */
export function buildGalleryManifest(config: SmartLaunchConfig, appOrigin: string): ManifestResult {
  const reference = config.servers[0]!;
  const missing = [
    ...new Set(
      config.servers.flatMap((s) =>
        askedScopes(s)
          .flatMap((scopes) => scopeEntries(config, scopes).missing)
          .map((m) => `${s.name}: scope "${m}" has no justification`),
      ),
    ),
  ];
  if (missing.length > 0) return fail(missing);
  const { app } = config;
  return succeed({
    software_id: app.softwareId,
    software_version: app.version,
    client_name: app.name,
    description: app.description,
    client_uri: absolute(appOrigin, '/'),
    logo_uri: absolute(appOrigin, app.logoUri),
    launch_url: absolute(appOrigin, app.launchUri),
    redirect_uris: [...new Set(config.servers.map((s) => absolute(appOrigin, s.redirectUri)))],
    scope: reference.scopes,
    scope_v1: reference.scopesV1,
    scopes: scopeEntries(config, reference.scopes).entries,
    ...caseloadPart(config, reference),
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    code_challenge_method: 'S256',
    fhir_versions: ['4.0.1'],
    launch_types: ['ehr', 'standalone'],
    policy_uri: absolute(appOrigin, app.privacyPolicyUri),
    tos_uri: absolute(appOrigin, app.termsOfServiceUri),
    contacts: [app.contact],
    registrations: config.servers.map((s) => ({
      ehr: s.name,
      iss_pattern: s.issMatch,
      client_id: s.clientId,
      scope: s.scopeVersion === 'v1' ? s.scopesV1 : s.scopes,
      ...(s.caseload ? { caseload_scope: s.scopeVersion === 'v1' ? s.caseload.scopesV1 : s.caseload.scopes } : {}),
    })),
  });
}
