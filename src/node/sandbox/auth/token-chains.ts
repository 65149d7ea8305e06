import type { Clock } from './expiring-store';

// Token chains (OAuth 2.0 Security BCP, RFC 9700 §2.2.2 and §4.14.2): every code, refresh token and access
// token of one authorization share a chain id. A code or refresh token used a second time means one of them
// was stolen, and the server cannot tell the thief from the client: the whole chain is revoked.

export interface TokenChains {
  /** Records that a code or refresh token of the chain has been used. */
  spend(handle: string, chain: string): void;
  /** The chain of a handle used before (a replay), if it is still remembered. */
  spentChain(handle: string): string | undefined;
  revoke(chain: string): void;
  isRevoked(chain: string): boolean;
}

/** `memoryMs` must outlive every code, refresh token and access token of a chain. */
export function createTokenChains(memoryMs: number, clock: Clock): TokenChains {
  const spent = new Map<string, { chain: string; until: number }>();
  const revoked = new Map<string, number>();
  const forgetExpired = () => {
    const now = clock();
    for (const [handle, entry] of spent) if (entry.until <= now) spent.delete(handle);
    for (const [chain, until] of revoked) if (until <= now) revoked.delete(chain);
  };
  return {
    spend(handle, chain) {
      forgetExpired();
      spent.set(handle, { chain, until: clock() + memoryMs });
    },
    spentChain: (handle) => spent.get(handle)?.chain,
    revoke(chain) {
      revoked.set(chain, clock() + memoryMs);
    },
    isRevoked: (chain) => (revoked.get(chain) ?? 0) > clock(),
  };
}
