import type { ScoredResponse } from './score-all';
import type { SupersededResponse } from './types';

/**
 * Same-day duplicates: within a family, of the responses given on one local calendar day only the latest
 * (by instant) counts; the others are reported as superseded by it. Input must be sorted oldest first.
 */
export function dropSameDayDuplicates(sorted: readonly ScoredResponse[]): { counted: ScoredResponse[]; superseded: SupersededResponse[] } {
  const latestOfDay = new Map<string, ScoredResponse>();
  for (const r of sorted) latestOfDay.set(`${r.family}|${r.date}`, r);
  const counted: ScoredResponse[] = [];
  const superseded: SupersededResponse[] = [];
  for (const r of sorted) {
    const winner = latestOfDay.get(`${r.family}|${r.date}`)!;
    if (winner === r) {
      counted.push(r);
      continue;
    }
    superseded.push({
      administrationId: r.id, instrument: r.score.instrument, authored: r.authored, date: r.date,
      total: r.score.total, supersededBy: winner.id,
    });
  }
  return { counted, superseded };
}
