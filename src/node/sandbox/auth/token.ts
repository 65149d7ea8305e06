import { createHash } from 'node:crypto';
import { fail, succeed, type Result } from '../../../core/result';
import type { Grant, PendingCode } from './context';
import type { Clock, ExpiringStore } from './expiring-store';
import { SHORT_TOKEN_SECONDS } from './faults';
import { hasScope, isNarrowing } from './grant';
import { signJwt, type SigningKeys } from './keys';
import type { TokenChains } from './token-chains';

// The token endpoint's decisions: the authorization_code grant (PKCE verified) and the refresh_token grant
// (rotated: a refresh token works once). A code or refresh token used twice revokes its whole chain (see
// token-chains.ts). Answers are plain objects; the HTTP layer adds no-store.

export const ACCESS_TOKEN_SECONDS = 3600;

export interface TokenDeps {
  readonly keys: SigningKeys;
  readonly issuer: string;
  readonly fhirBaseUrl: string;
  readonly styleUrl: string;
  readonly clock: Clock;
  readonly codes: ExpiringStore<PendingCode>;
  readonly refreshTokens: ExpiringStore<Grant>;
  readonly chains: TokenChains;
}

/** A refused token request: the HTTP status and the OAuth error body. */
export interface TokenRefusal {
  readonly status: number;
  readonly body: { error: string; error_description: string };
}

/** The token response body, or the refusal. */
export type TokenOutcome = Result<Record<string, unknown>, TokenRefusal>;

type Form = Readonly<Record<string, string | undefined>>;

const refuse = (error: string, description: string, status = 400): TokenOutcome =>
  fail({ status, body: { error, error_description: description } });

export function pkceChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export async function exchangeToken(form: Form, deps: TokenDeps): Promise<TokenOutcome> {
  if (form.grant_type === 'authorization_code') return exchangeCode(form, deps);
  if (form.grant_type === 'refresh_token') return exchangeRefresh(form, deps);
  return refuse('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

async function exchangeCode(form: Form, deps: TokenDeps): Promise<TokenOutcome> {
  if (!form.code || !form.code_verifier || !form.redirect_uri || !form.client_id) {
    return refuse('invalid_request', 'code, code_verifier, redirect_uri and client_id are required');
  }
  // Taken before any check, so a code is spent even by a failed attempt.
  const pending = deps.codes.take(form.code);
  if (!pending)
    return replayed(form.code, 'code', deps) ?? refuse('invalid_grant', 'the code is unknown, expired or already used');
  deps.chains.spend(form.code, pending.grant.chain);
  if (pending.grant.clientId !== form.client_id)
    return refuse('invalid_grant', 'the code was issued to another client');
  if (pending.grant.redirectUri !== form.redirect_uri)
    return refuse('invalid_grant', 'redirect_uri differs from the authorization request');
  if (pkceChallengeOf(form.code_verifier) !== pending.codeChallenge)
    return refuse('invalid_grant', 'code_verifier does not match the code_challenge');
  return succeed(await tokenResponse(pending.grant, deps));
}

async function exchangeRefresh(form: Form, deps: TokenDeps): Promise<TokenOutcome> {
  if (!form.refresh_token) return refuse('invalid_request', 'refresh_token is required');
  const grant = deps.refreshTokens.take(form.refresh_token);
  if (!grant)
    return (
      replayed(form.refresh_token, 'refresh token', deps) ??
      refuse('invalid_grant', 'the refresh token is unknown, expired or already used')
    );
  deps.chains.spend(form.refresh_token, grant.chain);
  if (deps.chains.isRevoked(grant.chain)) return refuse('invalid_grant', 'the refresh token was revoked');
  if (form.client_id && form.client_id !== grant.clientId)
    return refuse('invalid_grant', 'the refresh token was issued to another client');
  if (form.scope && !isNarrowing(form.scope, grant.scope))
    return refuse('invalid_scope', 'a refresh may only narrow the granted scope');
  const narrowed = form.scope ? { ...grant, scope: form.scope } : grant;
  return succeed(await tokenResponse(narrowed, deps));
}

/** A second use of a code or refresh token: the chain it belongs to is revoked, every token of it. */
function replayed(handle: string, what: string, deps: TokenDeps): TokenOutcome | undefined {
  const chain = deps.chains.spentChain(handle);
  if (chain === undefined) return undefined;
  deps.chains.revoke(chain);
  return refuse('invalid_grant', `the ${what} was already used: every token issued from this authorization is revoked`);
}

function lifetimeSeconds(grant: Grant): number {
  return grant.context.faults.shortLivedToken ? SHORT_TOKEN_SECONDS : ACCESS_TOKEN_SECONDS;
}

function fhirUserOf(grant: Grant, deps: TokenDeps): string | undefined {
  return grant.context.clinician ? `${deps.fhirBaseUrl}/Practitioner/${grant.context.clinician}` : undefined;
}

async function tokenResponse(grant: Grant, deps: TokenDeps): Promise<Record<string, unknown>> {
  const now = deps.clock();
  const expiresIn = lifetimeSeconds(grant);
  const { patient, encounter, needPatientBanner, faults } = grant.context;
  const fhirUser = fhirUserOf(grant, deps);
  const accessToken = await signJwt(
    deps.keys,
    {
      client_id: grant.clientId,
      scope: grant.scope,
      chain: grant.chain,
      ...(patient ? { patient } : {}),
      ...(encounter ? { encounter } : {}),
      ...(fhirUser ? { fhirUser } : {}),
      // A wildcard scope cannot be narrowed in text, so a denied scope fault is carried here too.
      ...(faults.denyScope ? { denied: faults.denyScope } : {}),
    },
    {
      issuer: deps.issuer,
      audience: deps.fhirBaseUrl,
      subject: fhirUser ?? grant.clientId,
      issuedAt: now,
      expiresAt: now + expiresIn * 1000,
    },
  );
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: grant.scope,
    ...(patient ? { patient } : {}),
    ...(encounter ? { encounter } : {}),
    ...(fhirUser ? { fhirUser } : {}),
    need_patient_banner: needPatientBanner,
    smart_style_url: deps.styleUrl,
    ...(await idTokenPart(grant, fhirUser, deps)),
    ...refreshPart(grant, deps),
  };
}

async function idTokenPart(
  grant: Grant,
  fhirUser: string | undefined,
  deps: TokenDeps,
): Promise<{ id_token?: string }> {
  if (!hasScope(grant.scope, 'openid') || !fhirUser) return {};
  const now = deps.clock();
  const idToken = await signJwt(
    deps.keys,
    {
      fhirUser,
      // The user's name, as EHRs that release the OpenID profile claims give it (the app prints it).
      ...(grant.context.clinicianName ? { name: grant.context.clinicianName } : {}),
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    },
    {
      issuer: deps.issuer,
      audience: grant.clientId,
      subject: fhirUser,
      issuedAt: now,
      expiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
    },
  );
  return { id_token: idToken };
}

function refreshPart(grant: Grant, deps: TokenDeps): { refresh_token?: string } {
  if (!hasScope(grant.scope, 'offline_access') && !hasScope(grant.scope, 'online_access')) return {};
  return { refresh_token: deps.refreshTokens.put(grant) };
}
