import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { randomBytes } from 'node:crypto';
import { fail, succeed, type Result } from '../../../core/result';

// One RS256 key per sandbox start: RS256 is what OpenID Connect clients must accept. Nothing is persisted,
// so a restart invalidates every token, as a fresh sandbox should.

export interface SigningKeys {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

export const SIGNING_ALG = 'RS256';

export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomToken(8);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

export function jwks(keys: SigningKeys): { keys: JWK[] } {
  return { keys: [keys.publicJwk] };
}

export interface SignOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export function signJwt(keys: SigningKeys, claims: JWTPayload, options: SignOptions): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.subject)
    .setIssuedAt(Math.floor(options.issuedAt / 1000))
    .setExpirationTime(Math.floor(options.expiresAt / 1000))
    .setJti(randomToken(12))
    .sign(keys.privateKey);
}

/** The token's claims, or the reason it is not accepted. */
export type VerifyResult = Result<JWTPayload>;

/** Verifies signature, issuer, audience and expiry against the sandbox clock (tests move it). */
export async function verifyJwt(
  keys: SigningKeys,
  token: string,
  expected: { issuer: string; audience: string; now: number },
): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: [SIGNING_ALG],
      currentDate: new Date(expected.now),
      clockTolerance: 0,
    });
    return succeed(payload);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'invalid';
    return fail(code === 'ERR_JWT_EXPIRED' ? 'the access token has expired' : 'the access token is not valid');
  }
}

/** Unguessable opaque values: codes, refresh tokens, launch ids. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
