import type { ScoringConfig } from '../config';
import type { AgeBand } from '../instruments/types';
import type { Administration, RuleDecision } from '../model';
import type { Change } from '../series/change';
import type { Episode, SeriesPoint, SupersededResponse, UnscorableResponse } from '../series/types';
import type { ExpectedScore, TrajectoryModel, TrajectoryStatus } from '../trajectory/model';

export type OutcomeStatus = 'no-data' | 'on-track' | 'not-on-track' | 'deteriorating' | 'recovered' | 'non-clinical-intake';
export type AllianceStatus = 'no-data' | 'good' | 'concern' | 'rupture-risk';

export interface AssessInput {
  readonly administrations: readonly Administration[];
  /** Patient.birthDate: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly birthDate?: string;
  readonly config?: ScoringConfig;
  readonly trajectory?: TrajectoryModel;
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
  readonly series: { readonly outcome: readonly SeriesPoint[]; readonly alliance: readonly SeriesPoint[]; readonly inventory: readonly SeriesPoint[] };
  readonly episodes: readonly Episode[];
  readonly currentEpisode?: Episode;
  readonly outcome: OutcomeAssessment;
  readonly alliance: AllianceAssessment;
  readonly inventory: InventoryAssessment;
  /** Rules that hold after the latest responses of the current episode (Flags and in-app hints). */
  readonly decisions: readonly RuleDecision[];
  readonly unscorable: readonly UnscorableResponse[];
  readonly superseded: readonly SupersededResponse[];
  /** Age band on the day of the latest scored response, when the birth date is known. */
  readonly latestAgeBand?: AgeBand;
  readonly trajectoryModel: { readonly id: string; readonly label: string; readonly version: string };
  readonly config: ScoringConfig;
}
