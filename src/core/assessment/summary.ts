import type { RuleDecision } from '../model';
import type { Change } from '../series/change';
import type { SeriesPoint } from '../series/types';
import type { AllianceStatus, ClientAssessment, OutcomeStatus } from './types';

// A compact, JSON-ready digest of an assessment for machines (the NDJSON scorer, population work): the
// ordered series with their episodes, where the current episode stands, and the rules that hold.

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
}

export interface AssessmentSummary {
  readonly episodes: number;
  readonly outcome: FamilySummary;
  readonly alliance: FamilySummary;
  readonly inventory: FamilySummary;
  readonly decisions: readonly RuleDecision[];
  readonly unscorable: readonly { readonly id: string; readonly problem: string }[];
  readonly superseded: readonly string[];
}

function summaryPoint(p: SeriesPoint): SummaryPoint {
  const subscales = p.subscales.length === 0 ? undefined : Object.fromEntries(p.subscales.map((s) => [s.id, { sum: s.sum, mean: s.mean }]));
  return {
    id: p.administrationId, instrument: p.instrument, authored: p.authored, episode: p.episode, session: p.sessionNumber,
    total: p.total, ...(subscales ? { subscales } : {}),
  };
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
    },
    alliance: {
      series: a.series.alliance.map(summaryPoint),
      ...(alliance.latest ? { latest: alliance.latest.total } : {}),
      cutoff: alliance.cutoff,
      status: alliance.status,
    },
    inventory: { series: a.series.inventory.map(summaryPoint), ...(inventory.latest ? { latest: inventory.latest.total } : {}) },
    decisions: a.decisions,
    unscorable: a.unscorable.map((u) => ({ id: u.administrationId, problem: u.problem.kind })),
    superseded: a.superseded.map((s) => s.administrationId),
  };
}
