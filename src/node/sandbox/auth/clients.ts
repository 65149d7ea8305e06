import { fail, succeed, type Result } from '../../../core/result';
import type { SmartLaunchConfig } from '../../../fhir/smart-launch-config';
import { readSmartLaunchFile } from '../../config/smart-launch-file';

// The clients this authorization server knows: the app's "Local sandbox" registration in smart-launch.json
// (its redirect URI resolved against the sandbox origin), plus any a test adds.

export interface RegisteredClient {
  readonly clientId: string;
  /** Absolute URIs; a redirect_uri must equal one of them exactly. */
  readonly redirectUris: readonly string[];
  /** The scopes registered for the client, space-separated: the ceiling of what it can be granted. */
  readonly scopes: string;
}

export interface ClientRegistration {
  readonly clientId: string;
  /** Relative to the sandbox origin, or absolute. */
  readonly redirectUris: readonly string[];
  /** Registered scopes (v2 and v1 forms alike); nothing beyond them is ever granted. */
  readonly scopes: string;
}

export const LOCAL_SANDBOX_SERVER_NAME = 'Local sandbox';

/** `text` is the file as read, which the sandbox serves to the app as it is. */
export type ClientsResult = Result<{ clients: ClientRegistration[]; text: string; settings: SmartLaunchConfig }>;

/** Reads the "Local sandbox" registration from smart-launch.json, validated. */
export async function readSandboxRegistration(file: string): Promise<ClientsResult> {
  const read = await readSmartLaunchFile(file);
  if (!read.ok) return read;
  const server = read.value.config.servers.find((s) => s.name === LOCAL_SANDBOX_SERVER_NAME);
  if (!server) return fail(`smart-launch.json has no "${LOCAL_SANDBOX_SERVER_NAME}" server entry`);
  // A launch without patient (the caseload) asks for its own user/ scopes: registered too, so part of the ceiling.
  const scopes = [server.scopes, server.scopesV1, server.caseload?.scopes, server.caseload?.scopesV1]
    .filter(Boolean)
    .join(' ');
  return succeed({
    clients: [{ clientId: server.clientId, redirectUris: [server.redirectUri], scopes }],
    text: read.value.text,
    settings: read.value.config,
  });
}

/** Resolves relative redirect URIs against the sandbox origin; registrations with the same id are merged. */
export function resolveClients(
  registrations: readonly ClientRegistration[],
  origin: string,
): Map<string, RegisteredClient> {
  const clients = new Map<string, RegisteredClient>();
  for (const r of registrations) {
    const uris = r.redirectUris.map((u) => new URL(u, origin).href);
    const known = clients.get(r.clientId);
    const scopes = [...new Set([...(known?.scopes ?? '').split(' '), ...r.scopes.split(/\s+/)])]
      .filter((s) => s)
      .join(' ');
    clients.set(r.clientId, {
      clientId: r.clientId,
      redirectUris: [...new Set([...(known?.redirectUris ?? []), ...uris])],
      scopes,
    });
  }
  return clients;
}

/** Origins allowed to call the token endpoint from a browser: those of the registered redirect URIs. */
export function registeredOrigins(clients: ReadonlyMap<string, RegisteredClient>): Set<string> {
  return new Set([...clients.values()].flatMap((c) => c.redirectUris.map((u) => new URL(u).origin)));
}
