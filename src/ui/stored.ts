// Reading the app's own entries back out of session storage (drafts, refused responses). Storage is
// outside the app's control, so what comes back is `unknown` until the caller has validated it.

/** The reading part of the Web Storage API (sessionStorage in the app, a stand-in in tests). */
export type ReadableStorage = Pick<Storage, 'getItem' | 'length' | 'key'>;

/** Every key under `prefix`, collected before the caller removes any (removing shifts the indices). */
export function keysStartingWith(storage: ReadableStorage, prefix: string): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (k): k is string => k?.startsWith(prefix) === true,
  );
}

/** The stored value as parsed JSON; undefined when absent or not JSON. */
export function readJson(storage: ReadableStorage, key: string): unknown {
  const text = storage.getItem(key);
  try {
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
