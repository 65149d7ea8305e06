import type { RuleDecision } from '../model';
import type { SeriesPoint } from '../series/types';
import type { TrajectoryStatus } from '../trajectory/model';
import type { AllianceStatus, OutcomeStatus } from './types';

const has = (decisions: readonly RuleDecision[], rule: RuleDecision['rule']): boolean => decisions.some((d) => d.rule === rule);

/**
 * One word for the outcome series. Deterioration outranks everything (it applies whatever the intake);
 * a non-clinical intake then outranks the progress words, which only make sense from a clinical intake.
 * An amber `below-expected` from a plugged-in model shows as on track here and as itself in trajectoryStatus.
 */
export function outcomeStatus(points: readonly SeriesPoint[], clinicalIntake: boolean, decisions: readonly RuleDecision[], trajectory: TrajectoryStatus): OutcomeStatus {
  if (points.length === 0) return 'no-data';
  if (has(decisions, 'outcome-deterioration')) return 'deteriorating';
  if (!clinicalIntake) return 'non-clinical-intake';
  if (has(decisions, 'outcome-recovered')) return 'recovered';
  if (has(decisions, 'outcome-not-on-track-early') || has(decisions, 'outcome-not-on-track-persistent') || trajectory === 'not-on-track') return 'not-on-track';
  return 'on-track';
}

/** Rupture risk outranks a concern; a WAI-SR drop counts as a concern; dips and item hints do not. */
export function allianceStatus(points: readonly SeriesPoint[], decisions: readonly RuleDecision[]): AllianceStatus {
  if (points.length === 0) return 'no-data';
  if (has(decisions, 'alliance-rupture-risk')) return 'rupture-risk';
  if (has(decisions, 'alliance-concern') || has(decisions, 'alliance-wai-drop')) return 'concern';
  return 'good';
}
