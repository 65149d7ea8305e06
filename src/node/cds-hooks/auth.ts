import type { IncomingMessage } from 'node:http';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWSAlgorithm,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { fail, succeed, type Result } from '../../core/result';

// Who may call the service. An EHR proves itself with a JWT it signs for every call (CDS Hooks,
// "Trusting CDS Clients"): signed with an asymmetric key from a JWK Set we trust, issued by an issuer we
// trust, addressed (`aud`) to the exact endpoint called, unexpired, and never replayed. Without a trust
// configuration (the local sandbox) only callers on this machine are served, unsigned.

export interface TrustedEhrs {
  /** `iss` values accepted. */
  readonly issuers: readonly string[];
  /** The EHRs' public keys: a JWK Set URL (deployments; fetched and cached) or the key set itself (tests, pinned keys). */
  readonly jwks: URL | JSONWebKeySet;
  /** The service's public base URL as the EHR calls it (before `/cds-services`); `aud` is checked against it. */
  readonly publicBaseUrl: string;
  /** Leeway for clocks that differ, in seconds (default 30). */
  readonly clockToleranceSeconds?: number;
}

/** Served, or the message saying why not. */
export type Authorized = Result<undefined>;

/**
 * CDS Hooks: the token's expiration SHOULD be no more than 5 minutes from its issue. A longer-lived one is
 * refused: stolen, it would open the service for as long as it lives, and replay memory would have to
 * keep its id that long.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 300;

/** Symmetric (HS*) and `none` are forbidden by the specification; the `jku` header is never followed. */
const ASYMMETRIC: JWSAlgorithm[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Replay protection: a `jti` is remembered until its token expires. */
class SeenTokens {
  private readonly expiries = new Map<string, number>();

  /** false when this id was seen before and has not expired. */
  remember(jti: string, expSeconds: number, nowSeconds: number): boolean {
    for (const [id, exp] of this.expiries) if (exp < nowSeconds) this.expiries.delete(id);
    if (this.expiries.has(jti)) return false;
    this.expiries.set(jti, expSeconds);
    return true;
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function bearerOf(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's "${error.claim}" claim is not accepted (${error.reason})`;
  if (error instanceof errors.JOSEError) return `the token could not be verified (${error.code})`;
  throw error;
}

export type Authorizer = (req: IncomingMessage, endpointPath: string) => Promise<Authorized>;

/** `endpointPath` is the path after the base URL (`/cds-services/therapy-feedback-alerts`): the expected audience. */
export function authorizer(trust: TrustedEhrs | undefined): Authorizer {
  if (!trust) {
    return async (req) =>
      isLoopback(req.socket.remoteAddress)
        ? succeed(undefined)
        : fail('This service runs without EHR trust configured and serves callers on this machine only.');
  }
  const keys: JWTVerifyGetKey =
    trust.jwks instanceof URL ? createRemoteJWKSet(trust.jwks) : createLocalJWKSet(trust.jwks);
  const seen = new SeenTokens();
  const base = trust.publicBaseUrl.replace(/\/+$/, '');
  return async (req, endpointPath) => {
    const token = bearerOf(req);
    if (!token) return fail('Missing "Authorization: Bearer <JWT>" signed by a trusted EHR.');
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: [...trust.issuers],
        audience: `${base}${endpointPath}`,
        algorithms: ASYMMETRIC,
        requiredClaims: ['exp', 'iat', 'jti'],
        clockTolerance: trust.clockToleranceSeconds ?? 30,
        maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      });
      const lifetime = Number(payload.exp) - Number(payload.iat);
      if (lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
        return fail(
          `Not authorized: the token is valid for ${lifetime} s; at most ${MAX_TOKEN_LIFETIME_SECONDS} s (5 minutes) is accepted.`,
        );
      }
      const fresh = seen.remember(String(payload.jti), Number(payload.exp), Math.floor(Date.now() / 1000));
      return fresh ? succeed(undefined) : fail('The token was used before (jti replayed).');
    } catch (error) {
      return fail(`Not authorized: ${reasonOf(error)}.`);
    }
  };
}
