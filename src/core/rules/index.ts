import type { RuleDecision } from '../model';
import { allianceConcern } from './alliance-concern';
import { allianceDip } from './alliance-dip';
import { allianceItemConcern } from './alliance-item-concern';
import { allianceRuptureRisk } from './alliance-rupture-risk';
import { allianceRuptureUnresolved } from './alliance-rupture-unresolved';
import { allianceWaiDip, allianceWaiDrop } from './alliance-wai-drop';
import { outcomeDeterioration } from './outcome-deterioration';
import { outcomeNotOnTrackEarly, outcomeNotOnTrackPersistent } from './outcome-not-on-track';
import { outcomeRecovered } from './outcome-recovered';
import { outcomeSharpDrop } from './outcome-sharp-drop';
import { decide, type Rule, type RuleContext } from './types';

export type { Rule, RuleContext } from './types';

const outcomeRules: readonly Rule[] = [
  outcomeDeterioration,
  outcomeNotOnTrackEarly,
  outcomeNotOnTrackPersistent,
  outcomeSharpDrop,
  outcomeRecovered,
];
const allianceRules: readonly Rule[] = [
  allianceConcern,
  allianceRuptureRisk,
  allianceRuptureUnresolved,
  allianceDip,
  allianceItemConcern,
  allianceWaiDrop,
  allianceWaiDip,
];

/** Every rule, in evaluation order: the catalogue the CodeSystem, the docs and the UI list. */
export const rules: readonly Rule[] = [...outcomeRules, ...allianceRules];

function run(list: readonly Rule[], context: RuleContext, earlier: readonly RuleDecision[]): RuleDecision[] {
  // A plain loop: flatMap's throwaway arrays showed up when assessing a whole population.
  const decisions: RuleDecision[] = [];
  for (const rule of list) {
    const finding = rule.evaluate(context, earlier);
    if (finding) decisions.push(decide(rule, finding));
  }
  return decisions;
}

/**
 * The rules that hold after the latest responses of the current episode. Recovery clears the other outcome
 * decisions; the alliance rules then see the outcome decisions that remain (rupture risk uses them).
 */
export function evaluateRules(context: RuleContext): RuleDecision[] {
  const outcome = run(outcomeRules, context, []);
  const recovered = outcome.find((d) => d.rule === 'outcome-recovered');
  const activeOutcome = recovered ? [recovered] : outcome;
  return [...activeOutcome, ...run(allianceRules, context, activeOutcome)];
}
