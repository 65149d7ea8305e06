import type { RuleDecision } from '../model';
import type { Change } from '../series/change';
import type { SeriesPoint } from '../series/types';
import type { AllianceStatus, OutcomeStatus } from './types';

const has = (decisions: readonly RuleDecision[], rule: RuleDecision['rule']): boolean =>
  decisions.some((d) => d.rule === rule);

export interface OutcomeStatusFacts {
  readonly points: readonly SeriesPoint[];
  readonly clinicalIntake: boolean;
  readonly change: Change | undefined;
  readonly decisions: readonly RuleDecision[];
  /** The outcome session from which the trajectory is judged (config notOnTrackEarlyFrom). */
  readonly judgedFrom: number;
}

/**
 * One word for the outcome series, by precedence: deteriorating > (non-clinical intake) > recovered >
 * reliably-improved > too-early > not-on-track > on-track. A reliable change (either way) can be judged from
 * the second session; the trajectory only from `judgedFrom`, so nothing is green on the intake alone or at
 * session 2. A non-clinical intake outranks the progress words, which only make sense from a clinical intake.
 * An amber `below-expected` trajectory shows as on track here and as itself in `trajectoryStatus`; a
 * not-on-track rule can stay active beside `reliably-improved`.
 */
export function outcomeStatus({
  points,
  clinicalIntake,
  change,
  decisions,
  judgedFrom,
}: OutcomeStatusFacts): OutcomeStatus {
  const latest = points.at(-1);
  if (!latest) return 'no-data';
  if (has(decisions, 'outcome-deterioration')) return 'deteriorating';
  if (!clinicalIntake) return 'non-clinical-intake';
  if (has(decisions, 'outcome-recovered')) return 'recovered';
  if (change?.reliable === 'improved') return 'reliably-improved';
  if (latest.sessionNumber < judgedFrom) return 'too-early';
  if (has(decisions, 'outcome-not-on-track-early') || has(decisions, 'outcome-not-on-track-persistent'))
    return 'not-on-track';
  return 'on-track';
}

/** An unresolved rupture outranks a rupture risk, which outranks a concern; a reliable WAI-SR drop is a concern. */
export function allianceStatus(
  points: readonly SeriesPoint[],
  inventory: readonly SeriesPoint[],
  decisions: readonly RuleDecision[],
): AllianceStatus {
  if (has(decisions, 'alliance-rupture-unresolved')) return 'rupture-unresolved';
  if (points.length === 0) return has(decisions, 'alliance-wai-drop') && inventory.length > 0 ? 'concern' : 'no-data';
  if (has(decisions, 'alliance-rupture-risk')) return 'rupture-risk';
  if (has(decisions, 'alliance-concern') || has(decisions, 'alliance-wai-drop')) return 'concern';
  return 'good';
}
