import type { SmartCapabilities } from '../../fhir/capabilities/smart-configuration';
import type { ServerConfig } from '../../fhir/smart-launch-config';

// The launch reads the server's SMART discovery document (validated by the FHIR layer) only for one
// decision: which scope grammar to request. fhirclient reads the endpoints itself.

export type ScopeVersion = 'v2' | 'v1';

export const wellKnownUrl = (iss: string): string => `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;

/**
 * v2 when the configuration says so or (auto) when the server advertises permission-v2; v1 otherwise,
 * including when the discovery document is missing or unreadable (v1 is the older, wider-supported grammar).
 */
export function chooseScopeVersion(server: ServerConfig, discovery: SmartCapabilities | undefined): ScopeVersion {
  if (server.scopeVersion !== 'auto') return server.scopeVersion;
  return discovery?.permissionV2 ? 'v2' : 'v1';
}

/**
 * The scopes to request. A standalone launch has no `launch` handle: it asks the server to establish the
 * patient (`launch/patient`, the server shows its patient picker) instead.
 */
export function scopesFor(server: ServerConfig, version: ScopeVersion, standalone: boolean): string {
  const scopes = (version === 'v2' ? server.scopes : server.scopesV1).split(' ');
  if (!standalone) return scopes.join(' ');
  const withoutLaunch = scopes.filter((s) => s !== 'launch' && !s.startsWith('launch/'));
  return ['launch/patient', ...withoutLaunch].join(' ');
}
