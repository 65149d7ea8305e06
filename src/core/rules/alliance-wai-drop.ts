import type { ScoringConfig } from '../config';
import type { WaiSubscale } from '../instruments/types';
import type { SeriesPoint } from '../series/types';
import { lastTwo, type Finding, type Rule, type RuleContext } from './types';

// A WAI-SR subscale mean falling against the previous WAI-SR. Each mean is a sum over four items, so drops
// are compared in quarter points (the means' own precision, i.e. whole sum points).
// - `alliance-wai-drop` (a Flag): a reliable drop, at least `waiReliableDrop` of that subscale. Jacobson–Truax,
//   RCI = 1.96·SD·√(2(1−r)) on the item mean: with SD 0.8 (WAI-SR item-mean SD in published samples) and
//   r = .80 (the lower bound of the subscale alphas, Munder et al. 2010; Hatcher & Gillaspy 2006 report
//   higher), 1.96 × 0.8 × √0.4 = 1.96 × 0.8 × 0.632 = 0.99, rounded up to the means' precision: 1.0.
// - `alliance-wai-dip` (an in-app hint): a drop of at least `waiSubscaleMeanDrop` (0.5) but less than that.

const quarters = (points: number): number => Math.round(points * 4);

interface SubscaleDrop {
  readonly id: WaiSubscale;
  readonly before: number;
  readonly after: number;
}

function drops(
  previous: SeriesPoint,
  latest: SeriesPoint,
  holds: (id: WaiSubscale, dropQuarters: number) => boolean,
): SubscaleDrop[] {
  const found: SubscaleDrop[] = [];
  for (const s of latest.subscales) {
    const before = previous.subscales.find((p) => p.id === s.id);
    if (before && holds(s.id, quarters(before.mean - s.mean)))
      found.push({ id: s.id, before: before.mean, after: s.mean });
  }
  return found;
}

function finding(
  previous: SeriesPoint,
  latest: SeriesPoint,
  dropped: readonly SubscaleDrop[],
  thresholds: Record<string, number>,
): Finding {
  const facts: Record<string, number | string> = { subscales: dropped.map((d) => d.id).join(',') };
  for (const d of dropped) {
    facts[`${d.id}Previous`] = d.before;
    facts[`${d.id}Latest`] = d.after;
  }
  return { thresholds, evidence: [previous.administrationId, latest.administrationId], facts };
}

const reliable = (config: ScoringConfig, id: WaiSubscale, drop: number): boolean =>
  drop >= quarters(config.waiReliableDrop[id]);

function evaluateDrop({ inventory, config }: RuleContext, hint: boolean): Finding | undefined {
  const { latest, previous } = lastTwo(inventory);
  if (!latest || !previous) return undefined;
  const dropped = drops(previous, latest, (id, drop) =>
    hint ? drop >= quarters(config.waiSubscaleMeanDrop) && !reliable(config, id, drop) : reliable(config, id, drop),
  );
  if (dropped.length === 0) return undefined;
  const { task, bond, goal } = config.waiReliableDrop;
  return finding(
    previous,
    latest,
    dropped,
    hint
      ? { subscaleMeanDrop: config.waiSubscaleMeanDrop, reliableTask: task, reliableBond: bond, reliableGoal: goal }
      : { reliableTask: task, reliableBond: bond, reliableGoal: goal },
  );
}

export const allianceWaiDrop: Rule = {
  code: 'alliance-wai-drop',
  version: '2.0.0',
  severity: 'medium',
  flag: true,
  basis: 'DES',
  evaluate: (context) => evaluateDrop(context, false),
};

export const allianceWaiDip: Rule = {
  code: 'alliance-wai-dip',
  version: '1.0.0',
  severity: 'low',
  flag: false,
  basis: 'DES',
  evaluate: (context) => evaluateDrop(context, true),
};
