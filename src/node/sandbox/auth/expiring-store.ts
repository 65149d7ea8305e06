import { randomToken } from './keys';

// Server-side records behind opaque handles (launch ids, authorization codes, refresh tokens, pending
// patient picks). Each lives for a fixed time on the sandbox clock; `take` makes a handle single-use.

export type Clock = () => number;

export interface ExpiringStore<T> {
  /** Stores the value under a new unguessable handle. */
  put(value: T): string;
  /** Reads without consuming (launch ids may be used again when the EHR frame reloads). */
  get(handle: string): T | undefined;
  /** Reads and deletes: the second use of a code or refresh token finds nothing. */
  take(handle: string): T | undefined;
}

export function createExpiringStore<T>(lifetimeMs: number, clock: Clock): ExpiringStore<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const live = (handle: string) => {
    const entry = entries.get(handle);
    if (!entry) return undefined;
    if (entry.expiresAt <= clock()) {
      entries.delete(handle);
      return undefined;
    }
    return entry;
  };
  return {
    put(value) {
      const handle = randomToken();
      entries.set(handle, { value, expiresAt: clock() + lifetimeMs });
      return handle;
    },
    get: (handle) => live(handle)?.value,
    take(handle) {
      const entry = live(handle);
      entries.delete(handle);
      return entry?.value;
    },
  };
}
