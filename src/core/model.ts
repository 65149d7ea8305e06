// The domain's data, as the core sees it: no FHIR shapes. The FHIR boundary turns QuestionnaireResponses
// into Administrations; the core turns Administrations into scores, series and rule decisions.
import type { Result } from './result';
import type { AgeBand, InstrumentId, WaiSubscale } from './instruments/types';

/** Status of a response as the core cares about it. */
export type AdministrationStatus = 'completed' | 'amended' | 'in-progress' | 'stopped' | 'entered-in-error';

/**
 * One filled-in instrument. Answers are keyed by item linkId. Rating-line answers are whole millimetres
 * 0–100 (the boundary converts responses from other systems that answer in points); Likert answers are
 * the option value (1–5). A missing key is an unanswered item.
 */
export interface Administration {
  /** Stable identity (the response's identifier or id); evidence and series refer to it. */
  readonly id: string;
  readonly instrument: InstrumentId;
  /** FHIR dateTime with its offset, as written by the responder. */
  readonly authored: string;
  readonly status: AdministrationStatus;
  readonly answers: Readonly<Record<string, number>>;
}

export interface ItemScore {
  readonly linkId: string;
  readonly code: string;
  /** Points (rating lines: mm / 10) or option value (Likert). */
  readonly value: number;
}

export interface SubscaleScore {
  readonly id: WaiSubscale;
  readonly sum: number;
  readonly mean: number;
}

export interface Score {
  readonly instrument: InstrumentId;
  /** Total in points: 0–40 for rating-line instruments (one decimal), 12–60 for the WAI-SR. */
  readonly total: number;
  /** Total in tenths of a point, exact, for comparisons (WAI-SR: total × 10). */
  readonly totalTenths: number;
  readonly items: readonly ItemScore[];
  readonly subscales: readonly SubscaleScore[];
  /** Mean item score (WAI-SR reports means as well as sums). */
  readonly itemMean: number;
}

/** Why an administration has no score. Every case carries enough to explain it to a person. */
export type ScoringProblem =
  | { readonly kind: 'unknown-instrument'; readonly instrument: string }
  | { readonly kind: 'incomplete'; readonly missing: readonly string[] }
  | {
      readonly kind: 'out-of-range';
      readonly linkId: string;
      readonly value: number;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'not-integer'; readonly linkId: string; readonly value: number }
  | { readonly kind: 'unknown-item'; readonly linkId: string }
  | { readonly kind: 'wrong-age-band'; readonly instrument: InstrumentId; readonly ageBand: AgeBand }
  | { readonly kind: 'not-scored-status'; readonly status: AdministrationStatus }
  /** The value is not shaped like an Administration at all (reached the core without validation). */
  | { readonly kind: 'malformed'; readonly reason: string };

/** A response scored with a caveat the clinician should see (never a reason to set it aside). */
export interface ScoringWarning {
  readonly administrationId: string;
  /** The instrument is not the one for the client's age band that day (e.g. a CORS after the 13th birthday). */
  readonly kind: 'age-band-mismatch';
  readonly instrument: InstrumentId;
  readonly ageBand: AgeBand;
}

/** What the clinician recorded after a session about a rupture (Safran & Muran's two markers). */
export type RuptureKind = 'withdrawal' | 'confrontation';

export interface RuptureNote {
  /** Stable identity of the record (the Observation's identifier or id). */
  readonly id: string;
  /** FHIR dateTime of the session the note is about. */
  readonly date: string;
  readonly kind: RuptureKind;
  /** Whether the rupture was talked about with the client (metacommunication). */
  readonly addressed: boolean;
}

/** One administration's score, or the first problem that keeps it from being scored. */
export type ScoreResult = Result<Score, ScoringProblem>;

export type Severity = 'high' | 'medium' | 'low' | 'info';

export type RuleCode =
  | 'outcome-deterioration'
  | 'outcome-not-on-track-early'
  | 'outcome-not-on-track-persistent'
  | 'outcome-sharp-drop'
  | 'outcome-recovered'
  | 'alliance-concern'
  | 'alliance-rupture-risk'
  | 'alliance-dip'
  | 'alliance-item-concern'
  | 'alliance-wai-drop'
  | 'alliance-wai-dip'
  | 'alliance-rupture-unresolved';

/** A rule that holds after the latest response: what it is, why, and on what evidence. */
export interface RuleDecision {
  readonly rule: RuleCode;
  readonly ruleVersion: string;
  readonly severity: Severity;
  /** Whether the decision is kept as a FHIR Flag (else it is an in-app hint). */
  readonly flag: boolean;
  /** The thresholds the rule used, by name, in points. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** Administration ids the decision rests on, oldest first. */
  readonly evidence: readonly string[];
  /** Figures for the explanation (e.g. intake, latest, change), in points. */
  readonly facts: Readonly<Record<string, number | string>>;
}
