import type { AgeBand } from '../instruments/types';
import type { Score, ScoringProblem } from '../model';

/** Outcome = ORS/CORS, alliance = SRS/CSRS, inventory = WAI-SR. A child moving to the ORS stays in one series. */
export type Family = 'outcome' | 'alliance' | 'inventory';

/** One scored response placed in time: what a chart or a table row needs. Scores are in points. */
export interface SeriesPoint extends Score {
  readonly administrationId: string;
  readonly family: Family;
  readonly authored: string;
  /** The client's local calendar day (YYYY-MM-DD as written in `authored`). */
  readonly date: string;
  /** ms since the epoch, for ordering across offsets. */
  readonly instant: number;
  /** 1-based episode of care the response belongs to. */
  readonly episode: number;
  /**
   * Outcome: the ordinal of the response in its episode. Alliance and inventory: the number of the latest
   * outcome session on or before its day (0 when none yet in the episode).
   */
  readonly sessionNumber: number;
  /** Age band on the authored day, when the birth date is known. */
  readonly ageBand?: AgeBand;
}

/**
 * A response that does not count because another replaces it: `same-day`, a later response of the same family
 * on the same local day (a redo); `replaced-version`, a newer version of the same response (same id or
 * identifier, e.g. its `amended` copy). `total` is present when the replaced response was scored.
 */
export interface SupersededResponse {
  readonly administrationId: string;
  readonly instrument: string;
  readonly authored: string;
  readonly date: string;
  readonly total?: number;
  readonly supersededBy: string;
  readonly reason: 'same-day' | 'replaced-version';
}

/** A response that could not be scored, with the reason. */
export interface UnscorableResponse {
  readonly administrationId: string;
  readonly instrument: string;
  readonly authored: string;
  readonly problem: ScoringProblem;
}

/** An episode of care: from its intake (first outcome response) to its last outcome response. */
export interface Episode {
  readonly index: number;
  /** Day of the intake; for an episode without outcome responses, of its first response. */
  readonly startDate: string;
  /** Day of the last outcome response (or last response when there is none). */
  readonly lastOutcomeDate: string;
  readonly intakeId?: string;
  readonly outcomeSessions: number;
}
