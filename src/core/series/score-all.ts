import { ageBandAt, compareDateTimes, latestBirthDay, parseFhirDateTime } from '../dates';
import type { AgeBand } from '../instruments/types';
import type { Administration, Score } from '../model';
import { scoreAdministration } from '../scoring';
import { familyOf } from './family';
import type { Family, UnscorableResponse } from './types';

/** A response that scored, with its place in time worked out once. */
export interface ScoredResponse {
  readonly id: string;
  readonly authored: string;
  readonly date: string;
  readonly instant: number;
  /** The local day as a day count, for gap arithmetic. */
  readonly day: number;
  readonly family: Family;
  readonly score: Score;
  readonly ageBand?: AgeBand;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function unscorable(a: Administration, problem: UnscorableResponse['problem']): UnscorableResponse {
  const loose = a as Partial<Record<keyof Administration, unknown>> | null;
  return { administrationId: text(loose?.id), instrument: text(loose?.instrument), authored: text(loose?.authored), problem };
}

/** Oldest first by instant; same instant by the text written, then by id, so any input order gives one order. */
function compareScored(a: ScoredResponse, b: ScoredResponse): number {
  if (a.instant !== b.instant) return a.instant - b.instant;
  if (a.authored !== b.authored) return a.authored < b.authored ? -1 : 1;
  return compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Scores every administration with the age band of its own authored day. A birth date that gives no band
 * (invalid, or after the response) leaves the age check out rather than refusing the response.
 */
export function scoreAll(administrations: readonly Administration[], birthDate?: string): { scored: ScoredResponse[]; unscorable: UnscorableResponse[] } {
  const scored: ScoredResponse[] = [];
  const failed: UnscorableResponse[] = [];
  const birth = birthDate === undefined ? undefined : latestBirthDay(birthDate);
  for (const a of administrations) {
    const ageBand = birth !== undefined && typeof a?.authored === 'string' ? ageBandAt(birth, a.authored) : undefined;
    const result = scoreAdministration(a, ageBand === undefined ? {} : { ageBand });
    if (!result.ok) {
      failed.push(unscorable(a, result.problem));
      continue;
    }
    const when = parseFhirDateTime(a.authored)!;
    scored.push({
      id: a.id, authored: a.authored, date: when.date, instant: when.instant, day: when.day,
      family: familyOf(result.score.instrument), score: result.score, ...(ageBand === undefined ? {} : { ageBand }),
    });
  }
  scored.sort(compareScored);
  failed.sort((x, y) => compareDateTimes(x.authored, y.authored) || compareIds(x.administrationId, y.administrationId));
  return { scored, unscorable: failed };
}
