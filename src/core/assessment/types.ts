import type { ScoringConfig } from '../config';
import type { AgeBand } from '../instruments/types';
import type { Rupture } from '../alliance/ruptures';
import type { Administration, RuleDecision, RuptureNote, ScoringWarning } from '../model';
import type { Change } from '../series/change';
import type { Episode, SeriesPoint, SupersededResponse, UnscorableResponse } from '../series/types';
import type { ExpectedScore, TrajectoryModel, TrajectoryStatus } from '../trajectory/model';
import type { ScoredAhead } from '../series/score-all';

/**
 * `too-early`: before the trajectory can be judged (session < notOnTrackEarlyFrom) and no reliable change yet.
 * `reliably-improved`: a reliable gain, still below the cutoff. Precedence: see assessment/status.ts.
 */
export type OutcomeStatus =
  | 'no-data'
  | 'too-early'
  | 'on-track'
  | 'not-on-track'
  | 'reliably-improved'
  | 'recovered'
  | 'deteriorating'
  | 'non-clinical-intake';
export type AllianceStatus = 'no-data' | 'good' | 'concern' | 'rupture-risk' | 'rupture-unresolved';

export interface AssessInput {
  readonly administrations: readonly Administration[];
  /** Patient.birthDate: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly birthDate?: string;
  readonly config?: ScoringConfig;
  /** A plugged-in model; without it the config's `trajectoryModel` is used. */
  readonly trajectory?: TrajectoryModel;
  /** What the clinician recorded about ruptures (kind, addressed), from the EHR. */
  readonly ruptureNotes?: readonly RuptureNote[];
  /** Administrations already scored for this birth date (see ScoredAhead): the same results, sooner. */
  readonly scoredAhead?: ScoredAhead;
}

/** The current episode's outcome series (ORS/CORS) and where it stands. */
export interface OutcomeAssessment {
  readonly points: readonly SeriesPoint[];
  readonly intake?: SeriesPoint;
  readonly previous?: SeriesPoint;
  readonly latest?: SeriesPoint;
  readonly change?: Change;
  /** The clinical cutoff of this episode (from the age band on the intake day). */
  readonly cutoff?: number;
  /** Age band on the intake day, when the birth date is known. */
  readonly intakeAgeBand?: AgeBand;
  /** Expected score per session, through the later of the latest session and the persistent-review session. */
  readonly expected: readonly ExpectedScore[];
  readonly trajectoryStatus: TrajectoryStatus;
  readonly status: OutcomeStatus;
}

/** The current episode's SRS/CSRS series. */
export interface AllianceAssessment {
  readonly points: readonly SeriesPoint[];
  readonly previous?: SeriesPoint;
  readonly latest?: SeriesPoint;
  readonly cutoff: number;
  readonly status: AllianceStatus;
  /** Rupture episodes of the SRS/CSRS and the WAI-SR subscales, with whether each was repaired. */
  readonly ruptures: readonly Rupture[];
  /** The clinician's rupture notes dated in the current episode. */
  readonly notes: readonly RuptureNote[];
}

/** The current episode's WAI-SR series (no cutoffs exist; trend only). */
export interface InventoryAssessment {
  readonly points: readonly SeriesPoint[];
  readonly previous?: SeriesPoint;
  readonly latest?: SeriesPoint;
}

/** Everything the app shows and writes for one client, computed from the whole history. */
export interface ClientAssessment {
  /** Every counted response of every episode, oldest first, per family (for history charts and tables). */
  readonly series: {
    readonly outcome: readonly SeriesPoint[];
    readonly alliance: readonly SeriesPoint[];
    readonly inventory: readonly SeriesPoint[];
  };
  readonly episodes: readonly Episode[];
  readonly currentEpisode?: Episode;
  readonly outcome: OutcomeAssessment;
  readonly alliance: AllianceAssessment;
  readonly inventory: InventoryAssessment;
  /** Rules that hold after the latest responses of the current episode (Flags and in-app hints). */
  readonly decisions: readonly RuleDecision[];
  readonly unscorable: readonly UnscorableResponse[];
  /** Same-day redos and replaced versions: responses that do not count because another replaces them. */
  readonly superseded: readonly SupersededResponse[];
  /** Scored responses with a caveat (an instrument outside the client's age band that day). */
  readonly warnings: readonly ScoringWarning[];
  /** How many responses are not scored (the unscorable ones), for the status line. */
  readonly notScored: number;
  /** Age band on the day of the latest scored response, when the birth date is known. */
  readonly latestAgeBand?: AgeBand;
  readonly trajectoryModel: { readonly id: string; readonly label: string; readonly version: string };
  readonly config: ScoringConfig;
}
