import type { ScoredResponse } from './score-all';
import type { Family, SupersededResponse } from './types';

const DAY_MS = 86_400_000;

/** The local day number of an instant seen in an offset (minutes east of UTC). */
function dayIn(instant: number, offset: number): number {
  return Math.floor((instant + offset * 60_000) / DAY_MS);
}

/**
 * A redo: the earlier response's local day is the later one's local day, read in either response's offset. So
 * a form redone after the device moved from −05:00 to −04:00 (or a response re-entered from another system
 * that writes UTC) still replaces the first attempt, whatever the offsets written.
 */
function sameLocalDay(earlier: ScoredResponse, later: ScoredResponse): boolean {
  return (
    earlier.day === later.day ||
    dayIn(later.instant, earlier.offset) === earlier.day ||
    dayIn(earlier.instant, later.offset) === later.day
  );
}

/**
 * Same-day duplicates: within a family, of the responses given on one local calendar day only the latest
 * (by instant) counts; the others are reported as superseded by it. Input must be sorted oldest first.
 */
export function dropSameDayDuplicates(sorted: readonly ScoredResponse[]): {
  counted: ScoredResponse[];
  superseded: SupersededResponse[];
} {
  // Walked newest first, each response is compared with the newest counted one of its family (same-day
  // responses of a family are neighbours in instant order): one pass, no key strings, no per-response maps.
  const newer: Record<Family, ScoredResponse | undefined> = {
    outcome: undefined,
    alliance: undefined,
    inventory: undefined,
  };
  const counted: ScoredResponse[] = [];
  const superseded: SupersededResponse[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const r = sorted[i]!;
    const winner = newer[r.family];
    if (!winner || !sameLocalDay(r, winner)) {
      newer[r.family] = r;
      counted.push(r);
      continue;
    }
    superseded.push({
      administrationId: r.id,
      instrument: r.score.instrument,
      authored: r.authored,
      date: r.date,
      total: r.score.total,
      supersededBy: winner.id,
      reason: 'same-day',
    });
  }
  return { counted: counted.reverse(), superseded: superseded.reverse() };
}
