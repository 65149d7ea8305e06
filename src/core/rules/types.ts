import type { Rupture } from '../alliance/ruptures';
import type { ScoringConfig } from '../config';
import type { RuleCode, RuleDecision, Severity } from '../model';
import type { SeriesPoint } from '../series/types';
import type { TrajectoryContext, TrajectoryModel } from '../trajectory/model';

/** The current episode as the rules see it: each family's counted responses, oldest first. */
export interface RuleContext {
  readonly config: ScoringConfig;
  readonly outcome: readonly SeriesPoint[];
  readonly alliance: readonly SeriesPoint[];
  readonly inventory: readonly SeriesPoint[];
  /** Rupture episodes of the current episode (alliance/ruptures.ts). */
  readonly ruptures: readonly Rupture[];
  readonly trajectory: TrajectoryModel;
  /** Present when the episode has an intake. */
  readonly trajectoryContext?: TrajectoryContext;
}

/** What a rule found, before the rule's identity is stamped on it. */
export type Finding = Pick<RuleDecision, 'thresholds' | 'evidence' | 'facts'>;

export interface Rule {
  readonly code: RuleCode;
  readonly version: string;
  readonly severity: Severity;
  /** Whether its decisions become FHIR Flags (instruments.md Part A table). */
  readonly flag: boolean;
  /** PUB = published threshold, DES = design choice (instruments.md §8). */
  readonly basis: 'PUB' | 'DES';
  /** The finding when the rule holds after the latest response. `earlier` = decisions of rules run before. */
  evaluate(context: RuleContext, earlier: readonly RuleDecision[]): Finding | undefined;
}

export function decide(rule: Rule, finding: Finding): RuleDecision {
  return { rule: rule.code, ruleVersion: rule.version, severity: rule.severity, flag: rule.flag, ...finding };
}

export { lastTwo } from '../series/latest';
