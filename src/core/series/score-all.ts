import { type BirthRange, birthRange, certainAgeBandAt, compareDateTimes, parseFhirDateTime } from '../dates';
import { instruments } from '../instruments';
import type { AgeBand } from '../instruments/types';
import type { Administration, Score, ScoringWarning } from '../model';
import { scoreAdministration } from '../scoring';
import { familyOf } from './family';
import type { Family, SupersededResponse, UnscorableResponse } from './types';
import { newestVersions } from './versions';

/** A response that scored, with its place in time worked out once. */
export interface ScoredResponse {
  readonly id: string;
  readonly authored: string;
  readonly date: string;
  readonly instant: number;
  /** The local day as a day count, for gap arithmetic. */
  readonly day: number;
  /** The offset written, in minutes east of UTC. */
  readonly offset: number;
  readonly family: Family;
  readonly score: Score;
  readonly ageBand?: AgeBand;
}

export interface ScoredHistory {
  readonly scored: ScoredResponse[];
  readonly unscorable: UnscorableResponse[];
  readonly warnings: ScoringWarning[];
  /** Older versions of a response replaced by a newer one (same id). */
  readonly replaced: SupersededResponse[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function unscorable(a: Administration, problem: UnscorableResponse['problem']): UnscorableResponse {
  const loose = a as Partial<Record<keyof Administration, unknown>> | null;
  return {
    administrationId: text(loose?.id),
    instrument: text(loose?.instrument),
    authored: text(loose?.authored),
    problem,
  };
}

function replacedBy(a: Administration, newest: Administration): SupersededResponse {
  const authored = text(a.authored);
  return {
    administrationId: a.id,
    instrument: text(a.instrument),
    authored,
    date: parseFhirDateTime(authored)?.date ?? '',
    supersededBy: newest.id,
    reason: 'replaced-version',
  };
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

/** One administration scored on its own, as scoreAll scores each before it orders them (no wrapper: one object each). */
export type ScoredOne = ScoredResponse | UnscorableResponse;

const isScored = (one: ScoredOne): one is ScoredResponse => 'score' in one;

function scoreOne(a: Administration, birth: BirthRange | undefined): ScoredOne {
  const ageBand =
    birth !== undefined && typeof a?.authored === 'string' ? certainAgeBandAt(birth, a.authored) : undefined;
  const result = scoreAdministration(a, ageBand === undefined ? {} : { ageBand });
  if (!result.ok) return unscorable(a, result.error);
  const { instrument } = result.value;
  const when = parseFhirDateTime(a.authored)!;
  const scored: { -readonly [K in keyof ScoredResponse]: ScoredResponse[K] } = {
    id: a.id,
    authored: a.authored,
    date: when.date,
    instant: when.instant,
    day: when.day,
    offset: when.offset,
    family: familyOf(instrument),
    score: result.value,
  };
  if (ageBand !== undefined) scored.ageBand = ageBand;
  return scored;
}

/**
 * Administrations scored ahead of their assessment, for one birth date: a long history's pages are scored as
 * each arrives, while the next is still on its way, and scoreAll takes these instead of scoring them again.
 * The results are the ones scoreAll reaches; asked for another birth date, it has none.
 */
export class ScoredAhead {
  private readonly byAdministration = new WeakMap<Administration, ScoredOne>();
  private readonly birth: BirthRange | undefined;

  constructor(readonly birthDate: string | undefined) {
    this.birth = birthDate === undefined ? undefined : birthRange(birthDate);
  }

  add(administrations: readonly Administration[]): void {
    for (const a of administrations)
      if (!this.byAdministration.has(a)) this.byAdministration.set(a, scoreOne(a, this.birth));
  }

  get(a: Administration, birthDate: string | undefined): ScoredOne | undefined {
    return birthDate === this.birthDate ? this.byAdministration.get(a) : undefined;
  }
}

/**
 * Scores every administration with the age band of its own authored day. Nothing is set aside silently:
 * a band that does not match the instrument is scored and warned about (the episode keeps the cutoff chosen
 * at intake); a birth date that cannot settle the band (partial and straddling a birthday, invalid, or after
 * the response) leaves the age check out; every response that is not scored is listed with its reason.
 */
export function scoreAll(
  administrations: readonly Administration[],
  birthDate?: string,
  ahead?: ScoredAhead,
): ScoredHistory {
  const history: ScoredHistory = { scored: [], unscorable: [], warnings: [], replaced: [] };
  const birth = birthDate === undefined ? undefined : birthRange(birthDate);
  const newest = newestVersions(administrations);
  for (const a of administrations) {
    const latestVersion = newest?.get(a.id);
    if (latestVersion !== undefined && latestVersion !== a) {
      history.replaced.push(replacedBy(a, latestVersion));
      continue;
    }
    const one = ahead?.get(a, birthDate) ?? scoreOne(a, birth);
    if (isScored(one)) history.scored.push(one);
    else history.unscorable.push(one);
  }
  history.scored.sort(compareScored);
  for (const r of history.scored) {
    const { instrument } = r.score;
    if (r.ageBand !== undefined && !instruments[instrument].ageBands.includes(r.ageBand)) {
      history.warnings.push({ administrationId: r.id, kind: 'age-band-mismatch', instrument, ageBand: r.ageBand });
    }
  }
  history.unscorable.sort(
    (x, y) => compareDateTimes(x.authored, y.authored) || compareIds(x.administrationId, y.administrationId),
  );
  return history;
}
