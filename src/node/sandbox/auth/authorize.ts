import type { RegisteredClient } from './clients';
import type { Grant, LaunchContext, PendingAuthorization, PendingCode } from './context';
import type { ExpiringStore } from './expiring-store';
import { NO_FAULTS } from './faults';
import { randomToken } from './keys';
import { grantScopes, hasScope, needsPatientPicked } from './grant';

// The authorization endpoint's decisions, free of HTTP. Until client_id and redirect_uri are proven, errors
// are shown as a page and never redirected (no open redirect); after that they go back to the app with state.

export type AuthorizeOutcome =
  | { kind: 'error-page'; status: number; message: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'pick'; pendingId: string; needsPatient: boolean };

export interface AuthorizeDeps {
  readonly clients: ReadonlyMap<string, RegisteredClient>;
  readonly fhirBaseUrl: string;
  readonly launches: ExpiringStore<LaunchContext>;
  readonly codes: ExpiringStore<PendingCode>;
  readonly pending: ExpiringStore<PendingAuthorization>;
}

export type AuthorizeParams = Readonly<Record<string, string | undefined>>;

const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): AuthorizeOutcome {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return { kind: 'redirect', location: url.href };
}

function requestError(p: AuthorizeParams, deps: AuthorizeDeps): [string, string] | undefined {
  if (p.response_type !== 'code') return ['unsupported_response_type', 'response_type must be "code"'];
  if (!p.state) return ['invalid_request', 'state is required'];
  if (p.code_challenge_method !== 'S256') {
    return ['invalid_request', 'PKCE is required with code_challenge_method=S256 ("plain" is not supported)'];
  }
  if (!p.code_challenge || !CODE_CHALLENGE.test(p.code_challenge)) {
    return ['invalid_request', 'code_challenge must be the base64url SHA-256 of the code_verifier (43 characters)'];
  }
  if (p.aud !== deps.fhirBaseUrl) return ['invalid_request', `aud must be this FHIR server: ${deps.fhirBaseUrl}`];
  if (!p.scope?.trim()) return ['invalid_scope', 'scope is required'];
  return undefined;
}

export function authorize(p: AuthorizeParams, deps: AuthorizeDeps): AuthorizeOutcome {
  const client = p.client_id ? deps.clients.get(p.client_id) : undefined;
  if (!client)
    return {
      kind: 'error-page',
      status: 400,
      message: 'Unknown client_id: this client is not registered with the sandbox.',
    };
  if (!p.redirect_uri || !client.redirectUris.includes(p.redirect_uri)) {
    return {
      kind: 'error-page',
      status: 400,
      message: `redirect_uri is not registered for client "${client.clientId}".`,
    };
  }
  const redirectUri = p.redirect_uri;
  const failure = requestError(p, deps);
  if (failure) return redirectWith(redirectUri, { error: failure[0], error_description: failure[1], state: p.state });
  const launched = p.launch ? deps.launches.get(p.launch) : undefined;
  if (p.launch && !launched) {
    return redirectWith(redirectUri, {
      error: 'invalid_request',
      error_description: 'unknown or expired launch',
      state: p.state,
    });
  }
  const context = launched ?? { needPatientBanner: true, faults: NO_FAULTS };
  const grant: Grant = {
    clientId: client.clientId,
    chain: randomToken(12),
    redirectUri,
    scope: grantScopes(p.scope!, client.scopes, context.faults),
    context,
    ...(p.nonce ? { nonce: p.nonce } : {}),
  };
  const needsPatient = !launched && needsPatientPicked(p.scope!);
  if (!launched && (needsPatient || hasScope(grant.scope, 'fhirUser'))) {
    const pendingId = deps.pending.put({ grant, codeChallenge: p.code_challenge!, state: p.state!, needsPatient });
    return { kind: 'pick', pendingId, needsPatient };
  }
  return issueCode(grant, p.code_challenge!, p.state!, deps);
}

function issueCode(grant: Grant, codeChallenge: string, state: string, deps: AuthorizeDeps): AuthorizeOutcome {
  const code = deps.codes.put({ grant, codeChallenge });
  return redirectWith(grant.redirectUri, { code, state });
}

/** Finishes a standalone authorization once the user picked; the ids were checked against the directory. */
export function completePick(
  pendingId: string,
  pick: { patient?: string; clinician?: string },
  deps: AuthorizeDeps,
): AuthorizeOutcome {
  const pending = deps.pending.take(pendingId);
  if (!pending)
    return {
      kind: 'error-page',
      status: 400,
      message: 'This authorization request has expired. Start the launch again.',
    };
  if (pending.needsPatient && !pick.patient) return { kind: 'error-page', status: 400, message: 'Pick a patient.' };
  const context: LaunchContext = {
    ...pending.grant.context,
    ...(pending.needsPatient && pick.patient ? { patient: pick.patient } : {}),
    ...(pick.clinician ? { clinician: pick.clinician } : {}),
  };
  return issueCode({ ...pending.grant, context }, pending.codeChallenge, pending.state, deps);
}
