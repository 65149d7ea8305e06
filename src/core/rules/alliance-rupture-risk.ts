import type { RuleDecision } from '../model';
import { droppedBy, pointsBetween } from '../series/change';
import { isAllianceConcern } from './alliance-concern';
import { lastTwo, type Rule } from './types';

// Possible rupture (a design composite; no published numeric rule): (a) a drop of at least `srsRuptureDrop`
// against the previous SRS, or a fall from at/above the cutoff to below it; (b) a concern in two consecutive
// alliance responses; (c) a concern while an outcome Flag (deterioration or not on track) is active in the
// same episode. The reasons that hold are listed in the facts.

const outcomeFlagRules: ReadonlySet<string> = new Set([
  'outcome-deterioration',
  'outcome-not-on-track-early',
  'outcome-not-on-track-persistent',
]);

function activeOutcomeFlags(earlier: readonly RuleDecision[]): RuleDecision[] {
  return earlier.filter((d) => d.flag && outcomeFlagRules.has(d.rule));
}

export const allianceRuptureRisk: Rule = {
  code: 'alliance-rupture-risk',
  version: '1.0.0',
  severity: 'high',
  flag: true,
  basis: 'DES',
  evaluate({ alliance, config }, earlier) {
    const { latest, previous } = lastTwo(alliance);
    if (!latest) return undefined;
    const concern = isAllianceConcern(latest, config.srsCutoff);
    const reasons: string[] = [];
    if (previous && droppedBy(previous, latest, config.srsRuptureDrop)) reasons.push('drop');
    if (previous && concern)
      reasons.push(isAllianceConcern(previous, config.srsCutoff) ? 'consecutive-concern' : 'fell-below-cutoff');
    const outcomeFlags = concern ? activeOutcomeFlags(earlier) : [];
    if (outcomeFlags.length > 0) reasons.push('concern-with-outcome-flag');
    if (reasons.length === 0) return undefined;
    const ids = [...(previous && reasons.some((r) => r !== 'concern-with-outcome-flag') ? [previous] : []), latest].map(
      (p) => p.administrationId,
    );
    return {
      thresholds: { cutoff: config.srsCutoff, ruptureDrop: config.srsRuptureDrop },
      evidence: ids,
      facts: {
        reasons: reasons.join(','),
        latest: latest.total,
        ...(previous ? { previous: previous.total, change: pointsBetween(previous, latest) } : {}),
        ...(outcomeFlags.length > 0 ? { outcomeFlags: outcomeFlags.map((d) => d.rule).join(',') } : {}),
      },
    };
  },
};
