import type { RuptureMeasure } from '../alliance/ruptures';
import type { RuleCode, RuleDecision, ScoringWarning } from '../model';
import { describeProblem } from '../scoring/describe';
import type { Change } from '../series/change';
import type { SeriesPoint } from '../series/types';
import type { TrajectoryStatus } from '../trajectory/model';
import type { AllianceStatus, ClientAssessment, OutcomeStatus } from './types';

// A compact, JSON-ready digest of an assessment for machines (the NDJSON scorer, population work): the
// ordered series with their episodes, where the current episode stands (status codes of issue 12), every
// active rule code, rupture episodes with `repaired`, and every response that is not scored with its reason.
// Callers (e.g. the scorer's output stage) only serialise it.

export interface SummaryPoint {
  readonly id: string;
  readonly instrument: string;
  readonly authored: string;
  readonly episode: number;
  readonly session: number;
  readonly total: number;
  readonly subscales?: Readonly<Record<string, { sum: number; mean: number }>>;
}

export interface FamilySummary {
  readonly series: readonly SummaryPoint[];
  readonly intake?: number;
  readonly latest?: number;
  readonly change?: Change;
  readonly cutoff?: number;
  readonly status?: OutcomeStatus | AllianceStatus;
  /** Outcome only: where the latest score stands against the trajectory model's band. */
  readonly trajectory?: TrajectoryStatus;
}

export interface RuptureSummary {
  readonly measure: RuptureMeasure;
  readonly trigger: 'reliable-drop' | 'below-cutoff';
  readonly session: number;
  readonly date: string;
  readonly level: number;
  readonly value: number;
  /** null while the repair window is open. */
  readonly repaired: boolean | null;
  readonly evidence: readonly string[];
  readonly recorded?: readonly string[];
}

export interface UnscoredSummary {
  readonly id: string;
  /** The reason's code: a ScoringProblem kind, `same-day` or `replaced-version`. */
  readonly reason: string;
  readonly detail: string;
}

export interface AssessmentSummary {
  readonly episodes: number;
  readonly outcome: FamilySummary;
  readonly alliance: FamilySummary;
  readonly inventory: FamilySummary;
  /** Every rule that holds (Flags and in-app hints). */
  readonly rules: readonly RuleCode[];
  readonly decisions: readonly RuleDecision[];
  readonly ruptures: readonly RuptureSummary[];
  /** Every response that does not count, with why: not scorable, a same-day redo, or a replaced version. */
  readonly unscored: readonly UnscoredSummary[];
  readonly warnings: readonly ScoringWarning[];
  readonly trajectoryModel: string;
}

function summaryPoint(p: SeriesPoint): SummaryPoint {
  const subscales =
    p.subscales.length === 0
      ? undefined
      : Object.fromEntries(p.subscales.map((s) => [s.id, { sum: s.sum, mean: s.mean }]));
  // Built field by field, never by spreading: every response of a population is summarised here.
  const point: { -readonly [K in keyof SummaryPoint]: SummaryPoint[K] } = {
    id: p.administrationId,
    instrument: p.instrument,
    authored: p.authored,
    episode: p.episode,
    session: p.sessionNumber,
    total: p.total,
  };
  if (subscales) point.subscales = subscales;
  return point;
}

function unscored(a: ClientAssessment): UnscoredSummary[] {
  return [
    ...a.unscorable.map((u) => ({
      id: u.administrationId,
      reason: u.problem.kind,
      detail: describeProblem(u.problem),
    })),
    ...a.superseded.map((s) => ({
      id: s.administrationId,
      reason: s.reason,
      detail:
        s.reason === 'same-day'
          ? `A later response of the same day (${s.supersededBy}) counts instead.`
          : `A newer version (${s.supersededBy}) replaces it.`,
    })),
  ];
}

export function summarizeAssessment(a: ClientAssessment): AssessmentSummary {
  const { outcome, alliance, inventory } = a;
  return {
    episodes: a.episodes.length,
    outcome: {
      series: a.series.outcome.map(summaryPoint),
      ...(outcome.intake ? { intake: outcome.intake.total } : {}),
      ...(outcome.latest ? { latest: outcome.latest.total } : {}),
      ...(outcome.change ? { change: outcome.change } : {}),
      ...(outcome.cutoff === undefined ? {} : { cutoff: outcome.cutoff }),
      status: outcome.status,
      trajectory: outcome.trajectoryStatus,
    },
    alliance: {
      series: a.series.alliance.map(summaryPoint),
      ...(alliance.latest ? { latest: alliance.latest.total } : {}),
      cutoff: alliance.cutoff,
      status: alliance.status,
    },
    inventory: {
      series: a.series.inventory.map(summaryPoint),
      ...(inventory.latest ? { latest: inventory.latest.total } : {}),
    },
    rules: a.decisions.map((d) => d.rule),
    decisions: a.decisions,
    ruptures: alliance.ruptures.map((r) => ({
      measure: r.measure,
      trigger: r.trigger,
      session: r.startSession,
      date: r.startDate,
      level: r.level,
      value: r.value,
      repaired: r.repaired,
      evidence: r.evidence,
      ...(r.notes.length > 0 ? { recorded: r.notes.map((n) => n.kind) } : {}),
    })),
    unscored: unscored(a),
    warnings: a.warnings,
    trajectoryModel: a.trajectoryModel.id,
  };
}
