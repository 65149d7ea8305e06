import type { Administration } from '../model';

// Versions of one response: the same id (a response's identifier, else its server id) seen more than once,
// e.g. an original and its `amended` copy, or a copy retracted as `entered-in-error`. Only the newest version
// counts; the others are reported as replaced. "Newest" without server version ids: the status that can only
// come later wins (entered-in-error, then amended, then completed, then anything else), then the later
// `authored` text, then the later position in the input.

const statusRank: Readonly<Record<string, number>> = { 'entered-in-error': 3, amended: 2, completed: 1 };

function rank(a: Administration): number {
  return statusRank[a.status] ?? 0;
}

function isNewer(candidate: Administration, current: Administration): boolean {
  const byStatus = rank(candidate) - rank(current);
  if (byStatus !== 0) return byStatus > 0;
  return candidate.authored >= current.authored;
}

/** Strictly newer: a later status, else a later `authored` (a tie keeps the version already held). */
export function supersedes(candidate: Administration, current: Administration): boolean {
  const byStatus = rank(candidate) - rank(current);
  return byStatus !== 0 ? byStatus > 0 : candidate.authored > current.authored;
}

/**
 * The newest version per id, or undefined when no id occurs twice (the usual case: one Set, no other work).
 * Administrations without a string id are left to the scorer, which reports them as malformed.
 */
export function newestVersions(
  administrations: readonly Administration[],
): ReadonlyMap<string, Administration> | undefined {
  const seen = new Set<string>();
  let repeated = false;
  for (const a of administrations) {
    const id = (a as Partial<Administration> | null)?.id;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) repeated = true;
    seen.add(id);
  }
  if (!repeated) return undefined;
  const newest = new Map<string, Administration>();
  for (const a of administrations) {
    const id = (a as Partial<Administration> | null)?.id;
    if (typeof id !== 'string') continue;
    const current = newest.get(id);
    if (!current || isNewer(a, current)) newest.set(id, a);
  }
  return newest;
}
