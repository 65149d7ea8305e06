import type { RuleDecision } from '../../core/model';
import type { AllianceReason, WaiSubscale } from '../dashboard/view-model';

// Why the alliance status is what it is, from the core's decisions. A rupture risk or a concern can hold
// while the latest session rating is at or above the cutoff (a sharp drop, a WAI-SR drop); without the
// reason the card would read as a contradiction.

const ruptureReasons = ['drop', 'fell-below-cutoff', 'consecutive-concern', 'concern-with-outcome-flag'] as const;
type RuptureReason = (typeof ruptureReasons)[number];
const isRuptureReason = (r: string): r is RuptureReason => (ruptureReasons as readonly string[]).includes(r);

const subscales: readonly WaiSubscale[] = ['task', 'bond', 'goal'];
const isSubscale = (s: string): s is WaiSubscale => (subscales as readonly string[]).includes(s);

const listOf = (fact: number | string | undefined): string[] =>
  typeof fact === 'string' ? fact.split(',').map((s) => s.trim()) : [];

function ruptureRiskReasons(decision: RuleDecision): AllianceReason[] {
  const change = decision.facts['change'];
  return listOf(decision.facts['reasons'])
    .filter(isRuptureReason)
    .map((kind): AllianceReason =>
      kind === 'drop' ? { kind, drop: typeof change === 'number' ? Math.abs(change) : undefined } : { kind },
    );
}

/** The reasons behind a concern or rupture risk, most serious first; empty when the alliance is good. */
export function allianceReasons(decisions: readonly RuleDecision[]): AllianceReason[] {
  const rupture = decisions.find((d) => d.rule === 'alliance-rupture-risk');
  const wai = decisions.find((d) => d.rule === 'alliance-wai-drop');
  const concern = decisions.find((d) => d.rule === 'alliance-concern');
  return [
    ...(rupture ? ruptureRiskReasons(rupture) : []),
    // Every rupture reason but a drop already says the rating is below the cutoff.
    ...(concern && !rupture ? [{ kind: 'below-cutoff' } as const] : []),
    ...(wai ? [{ kind: 'wai-drop', subscales: listOf(wai.facts['subscales']).filter(isSubscale) } as const] : []),
  ];
}
