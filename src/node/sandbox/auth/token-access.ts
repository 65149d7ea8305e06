import { z } from 'zod';
import { fail, succeed, type Result } from '../../../core/result';
import type { Clock } from './expiring-store';
import { verifyJwt, type SigningKeys } from './keys';
import type { TokenChains } from './token-chains';
import { resourceScopesOf, type Interaction, type ResourceScope } from './scopes';

// What a verified access token lets its bearer do: its scopes, its patient and any denied scope fault.

const claimsSchema = z.object({
  scope: z.string(),
  chain: z.string().optional(),
  patient: z.string().min(1).optional(),
  denied: z.object({ resourceType: z.string(), interactions: z.array(z.enum(['c', 'r', 'u', 'd', 's'])) }).optional(),
});

export interface TokenAccess {
  readonly scopes: readonly ResourceScope[];
  readonly patient?: string;
  readonly denied?: { readonly resourceType: string; readonly interactions: readonly Interaction[] };
}

export interface TokenVerifier {
  readonly keys: SigningKeys;
  readonly issuer: string;
  readonly fhirBaseUrl: string;
  readonly clock: Clock;
  /** Revoked token chains (a replayed code or refresh token revokes every access token of its chain). */
  readonly chains?: Pick<TokenChains, 'isRevoked'>;
}

/** Why a request's bearer token is not accepted, and whether it sent one at all. */
export interface BearerProblem {
  readonly reason: string;
  readonly tokenSent: boolean;
}

export type BearerResult = Result<TokenAccess, BearerProblem>;

export function bearerOf(headers: Readonly<Record<string, string | undefined>> | undefined): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(entry?.[1]?.trim() ?? '');
  return match?.[1];
}

export async function verifyBearer(
  headers: Readonly<Record<string, string | undefined>> | undefined,
  v: TokenVerifier,
): Promise<BearerResult> {
  const token = bearerOf(headers);
  if (!token) return fail({ reason: 'an access token is required (Authorization: Bearer)', tokenSent: false });
  const verified = await verifyJwt(v.keys, token, { issuer: v.issuer, audience: v.fhirBaseUrl, now: v.clock() });
  if (!verified.ok) return fail({ reason: verified.error, tokenSent: true });
  const claims = claimsSchema.safeParse(verified.value);
  if (!claims.success) return fail({ reason: 'the access token lacks a scope claim', tokenSent: true });
  const { scope, patient, denied, chain } = claims.data;
  if (chain !== undefined && v.chains?.isRevoked(chain))
    return fail({ reason: 'the access token was revoked', tokenSent: true });
  return succeed({
    scopes: resourceScopesOf(scope),
    ...(patient ? { patient } : {}),
    ...(denied ? { denied } : {}),
  });
}
