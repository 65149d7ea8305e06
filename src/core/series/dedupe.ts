import type { ScoredResponse } from './score-all';
import type { SupersededResponse } from './types';

/**
 * Same-day duplicates: within a family, of the responses given on one local calendar day only the latest
 * (by instant) counts; the others are reported as superseded by it. Input must be sorted oldest first.
 */
export function dropSameDayDuplicates(sorted: readonly ScoredResponse[]): { counted: ScoredResponse[]; superseded: SupersededResponse[] } {
  // Walked newest first, the first response met for a family and day is the one that counts: one pass and
  // one key per response (this runs for every response of a population). Both lists are reversed back.
  const latestOfDay = new Map<string, ScoredResponse>();
  const counted: ScoredResponse[] = [];
  const superseded: SupersededResponse[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const r = sorted[i]!;
    const key = `${r.family}|${r.date}`;
    const winner = latestOfDay.get(key);
    if (!winner) {
      latestOfDay.set(key, r);
      counted.push(r);
      continue;
    }
    superseded.push({
      administrationId: r.id, instrument: r.score.instrument, authored: r.authored, date: r.date,
      total: r.score.total, supersededBy: winner.id,
    });
  }
  return { counted: counted.reverse(), superseded: superseded.reverse() };
}
