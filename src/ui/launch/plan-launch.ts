import type { fhirclient } from 'fhirclient/lib/types';
import { serverForIssuer, type ServerConfig } from '../../fhir/smart-launch-config';
import { failed, type Outcome } from '../failure';
import { loadSmartLaunchConfig } from './load-config';
import { parseSmartConfiguration, type SmartCapabilities } from '../../fhir/capabilities/smart-configuration';
import { chooseScopeVersion, scopesFor, wellKnownUrl, type ScopeVersion } from './smart-configuration';
import { caseloadScopesFor, isCaseloadLaunch } from './caseload-scopes';

export interface LaunchEnv {
  /** The launch page's query string (`?iss=…&launch=…`). */
  readonly search: string;
  readonly origin: string;
  readonly fetch: typeof fetch;
}

export interface LaunchPlan {
  readonly server: ServerConfig;
  readonly scopeVersion: ScopeVersion;
  readonly standalone: boolean;
  /** The EHR's `locale` launch parameter, if it sent one. */
  readonly locale: string | undefined;
  readonly authorize: fhirclient.AuthorizeParams;
}

/** Everything the launch page decides before it hands over to the authorization server. */
export async function planLaunch(env: LaunchEnv): Promise<Outcome<LaunchPlan>> {
  const params = new URLSearchParams(env.search);
  const config = await loadSmartLaunchConfig(env.fetch, env.origin);
  if (!config.ok) return config;
  const iss = params.get('iss')?.trim();
  if (!iss) return failed('missing-iss');
  const server = serverForIssuer(config.value, iss);
  if (!server) return failed('unknown-issuer', { params: { iss } });

  const launch = params.get('launch')?.trim() || undefined;
  const standalone = launch === undefined;
  const discovery = server.scopeVersion === 'auto' ? await fetchDiscovery(env.fetch, iss) : undefined;
  const scopeVersion = chooseScopeVersion(server, discovery);
  const caseload = isCaseloadLaunch(params) ? server.caseload : undefined;
  const authorize: fhirclient.AuthorizeParams = {
    iss,
    clientId: server.clientId,
    scope: caseload
      ? caseloadScopesFor(caseload, scopeVersion, standalone)
      : scopesFor(server, scopeVersion, standalone),
    redirectUri: new URL(server.redirectUri, env.origin).href,
    pkceMode: server.pkceMode,
    completeInTarget: server.completeInTarget,
    ...(launch ? { launch } : {}),
  };
  return {
    ok: true,
    value: { server, scopeVersion, standalone, locale: params.get('locale') ?? undefined, authorize },
  };
}

async function fetchDiscovery(fetchFn: typeof fetch, iss: string): Promise<SmartCapabilities | undefined> {
  try {
    const response = await fetchFn(wellKnownUrl(iss), { headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    return parseSmartConfiguration(await response.json(), iss);
  } catch {
    return undefined;
  }
}
