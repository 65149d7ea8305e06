import type { RuptureMeasure } from '../../core/alliance/ruptures';
import type { AgeBand, InstrumentId } from '../../core/instruments/types';
import type { RuleCode, RuptureKind, ScoringProblem, Severity } from '../../core/model';
import type { TrajectoryStatus } from '../../core/trajectory/model';
import type { UnreadableKind } from '../../fhir/load';
import type { Licence } from '../../fhir/smart-launch-config';

// What the clinician view shows, already decided: the components only lay it out. Built from the loaded
// history and the core's assessment by `toDashboardModel`, so the components never see FHIR shapes.

export type { AllianceStatus, OutcomeStatus } from '../../core/assessment/types';
import type { AllianceStatus, OutcomeStatus } from '../../core/assessment/types';

export interface ScorePoint {
  readonly administrationId: string;
  /** Session number within the current episode. */
  readonly session: number;
  /** Calendar date as written by the responder, YYYY-MM-DD. */
  readonly date: string;
  /** Total in points. */
  readonly total: number;
  /** Each item's answer (ORS domains, SRS items), in form order. */
  readonly items?: readonly ItemScore[];
  /** Kept in this tab, not yet in the health record (the client's real answers, so they count). */
  readonly unsaved?: boolean;
}

export interface ExpectedPoint {
  readonly session: number;
  readonly value: number;
  /** Below this the client is not on track (the band's lower edge), where the model has one. */
  readonly lower?: number;
}

export interface OutcomeView {
  readonly status: OutcomeStatus;
  readonly instrument: 'ors' | 'cors' | undefined;
  /** Clinical cutoff for the client's age band, in points. */
  readonly cutoff: number | undefined;
  readonly reliableChange: number;
  readonly points: readonly ScorePoint[];
  /** The trajectory model's expected total per session. */
  readonly expected: readonly ExpectedPoint[];
  /** Where the latest score stands in the expected band: green, amber, red, or not judged. */
  readonly band: TrajectoryStatus;
  /** The trajectory model in use (the organisation's choice or a plugged-in one), named in the chart's legend. */
  readonly trajectoryModel?: { readonly id: string; readonly label: string };
  /** Responses in the record that are not scored (each listed with its reason in the table). */
  readonly notScored: number;
}

export type WaiSubscale = 'task' | 'bond' | 'goal';

/** Why the alliance is a concern or at risk (from the core's rule decisions), most serious first. */
export type AllianceReason =
  | { readonly kind: 'drop'; readonly drop: number | undefined }
  | { readonly kind: 'fell-below-cutoff' | 'consecutive-concern' | 'concern-with-outcome-flag' | 'below-cutoff' }
  | { readonly kind: 'wai-drop'; readonly subscales: readonly WaiSubscale[] };

export interface AllianceView {
  readonly status: AllianceStatus;
  readonly instrument: 'srs' | 'csrs' | undefined;
  readonly cutoff: number;
  readonly points: readonly ScorePoint[];
  readonly reasons?: readonly AllianceReason[];
  /** Rupture episodes of the current episode, oldest first. */
  readonly ruptures?: readonly RuptureView[];
}

export interface RuptureView {
  readonly measure: RuptureMeasure;
  readonly session: number;
  readonly date: string;
  /** null while the repair window is open. */
  readonly repaired: boolean | null;
  /** What the clinician recorded about it. */
  readonly notes: readonly { readonly kind: RuptureKind; readonly addressed: boolean }[];
}

export interface InventoryPoint {
  readonly administrationId: string;
  readonly date: string;
  readonly unsaved?: boolean;
  /** Subscale item means, 1–5. */
  readonly task: number;
  readonly bond: number;
  readonly goal: number;
  readonly items?: readonly ItemScore[];
}

export interface EvidenceView {
  readonly administrationId: string;
  readonly date: string | undefined;
  readonly instrument: InstrumentId | undefined;
  readonly session: number | undefined;
}

/** The clinical concern an alert is about: every reason for the same concern is one alert. */
export type Concern = 'outcome' | 'alliance' | 'rupture';

/** An item of a response with its answer in points (an SRS item, an ORS domain). */
export interface ItemScore {
  readonly code: string;
  readonly value: number;
}

/** One rule that holds, as a reason inside its concern's alert. */
export interface ReasonView {
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly evidence: readonly EvidenceView[];
  readonly facts: Readonly<Record<string, number | string>>;
  /** The items the rule names (`facts.items`), with their answers in the response it rests on. */
  readonly items?: readonly ItemScore[];
}

/** Where an alert is kept, in the words the clinician reads. */
export type Recording =
  /** Every reason kept in the chart is there (an active Flag per rule was read). */
  | { readonly kind: 'recorded' }
  /** The chart will get it with the next save. */
  | { readonly kind: 'on-save' }
  /** A reminder in this app only; nothing of it is kept in the chart. */
  | { readonly kind: 'app-only' }
  /** The health record does not let this app write it. */
  | { readonly kind: 'not-recordable'; readonly why: 'not-permitted' | 'not-supported' }
  /** The chart's alerts could not be read, so whether it is there is not known. */
  | { readonly kind: 'unknown'; readonly status: number };

export interface ConcernView {
  readonly concern: Concern;
  /** The highest priority among its reasons: shown the same whether or not it is recorded yet. */
  readonly severity: Severity;
  /** Highest priority first. */
  readonly reasons: readonly ReasonView[];
  readonly recording: Recording;
}

export type SessionStatus = 'saved' | 'not-saved' | 'incomplete' | 'unreadable' | 'not-scored';

export interface SessionRow {
  readonly id: string;
  readonly date: string | undefined;
  readonly instrument: InstrumentId | undefined;
  readonly session: number | undefined;
  /** The episode of care of its day, when it has one. */
  readonly episode?: number | undefined;
  readonly total: number | undefined;
  /** WAI-SR subscale means. */
  readonly subscales: { readonly task: number; readonly bond: number; readonly goal: number } | undefined;
  /** Each item's answer, in form order; undefined when the response has no score. */
  readonly items?: readonly ItemScore[];
  readonly status: SessionStatus;
  /** Why it has no score, or why it is not saved: worded by the view in the active language. */
  readonly note: RowNote | undefined;
  /** Ours, kept in progress and in the record: it can be continued with its answers. */
  readonly resumable?: boolean;
}

export type RowNote =
  | { readonly kind: 'problem'; readonly problem: ScoringProblem }
  /** A later response of the same day counts instead. */
  | { readonly kind: 'superseded' }
  /** Scored, but the instrument is meant for another age band (e.g. a CORS after the 13th birthday). */
  | { readonly kind: 'age-band'; readonly instrument: InstrumentId; readonly ageBand: AgeBand }
  /** In the Outbox: kept in this tab and re-sent. */
  | { readonly kind: 'unsaved' }
  /** Refused by the health record: kept in this tab only. */
  | { readonly kind: 'refused' }
  /** Why a response in the record could not be read, worded by the view. */
  | { readonly kind: 'unreadable'; readonly reason: UnreadableKind };

/** A kind of record as the clinician knows it (never its FHIR type). */
export type RecordKind = 'answers' | 'stored-score' | 'alert' | 'note' | 'client' | 'form' | 'other';

export interface UnreadableView {
  readonly record: RecordKind;
  readonly date: string | undefined;
  readonly instrument: string | undefined;
  readonly reason: UnreadableKind;
  /** For support staff only, in a collapsed element: the record's FHIR type and id, and the technical detail. */
  readonly support: { readonly reference: string; readonly detail: string };
}

/** A part of the record the health record refused to show (403 on Flag, say): the rest still loaded. */
export interface RefusedRead {
  readonly resourceType: string;
  readonly status: number;
}

export interface PatientView {
  readonly name: string | undefined;
  readonly birthDate: string | undefined;
  readonly gender: string | undefined;
}

/** An episode of care as the charts show it: the current one, or an earlier one opened to look back. */
export interface EpisodeView {
  readonly index: number;
  readonly startDate: string;
  readonly outcomeInstrument: OutcomeView['instrument'];
  readonly allianceInstrument: AllianceView['instrument'];
  readonly outcome: readonly ScorePoint[];
  readonly alliance: readonly ScorePoint[];
  readonly inventory: readonly InventoryPoint[];
}

export interface DashboardModel {
  readonly patient: PatientView;
  readonly ageBand: AgeBand | undefined;
  readonly needPatientBanner: boolean;
  /** The signed-in clinician's name for the printout, when the EHR gave one. */
  readonly clinicianName: string | undefined;
  readonly licence: Licence | null;
  readonly outcome: OutcomeView;
  readonly alliance: AllianceView;
  readonly inventory: readonly InventoryPoint[];
  readonly alerts: readonly ConcernView[];
  /**
   * Every row of the session table, built on the first call: the table is drawn after the first chart (see
   * Dashboard), so a long history's thousands of rows do not delay it.
   */
  readonly sessions: () => readonly SessionRow[];
  /** Every episode, oldest first; the last is the current one (the one the status and alerts are about). */
  readonly episodes: readonly EpisodeView[];
  readonly unreadable: readonly UnreadableView[];
  readonly refused: readonly RefusedRead[];
}
