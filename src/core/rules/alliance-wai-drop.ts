import type { SubscaleScore } from '../model';
import { lastTwo, type Rule } from './types';

// A WAI-SR subscale mean falling by at least `waiSubscaleMeanDrop` against the previous WAI-SR. Means are
// sums over four items, so the test runs on sums (exact): a mean drop of 0.5 is a sum drop of 2.

function meanDrop(previous: SubscaleScore, latest: SubscaleScore): number {
  return previous.mean - latest.mean;
}

export const allianceWaiDrop: Rule = {
  code: 'alliance-wai-drop', version: '1.0.0', severity: 'medium', flag: true, basis: 'DES',
  evaluate({ inventory, config }) {
    const { latest, previous } = lastTwo(inventory);
    if (!latest || !previous) return undefined;
    const threshold = config.waiSubscaleMeanDrop;
    const dropped = latest.subscales.filter((s) => {
      const before = previous.subscales.find((p) => p.id === s.id);
      // Compared in quarter points, the means' own precision, so 0.5 is exactly 0.5.
      return before !== undefined && Math.round(meanDrop(before, s) * 4) >= Math.round(threshold * 4);
    });
    if (dropped.length === 0) return undefined;
    const facts: Record<string, number | string> = { subscales: dropped.map((s) => s.id).join(',') };
    for (const s of dropped) {
      facts[`${s.id}Previous`] = previous.subscales.find((p) => p.id === s.id)!.mean;
      facts[`${s.id}Latest`] = s.mean;
    }
    return { thresholds: { subscaleMeanDrop: threshold }, evidence: [previous.administrationId, latest.administrationId], facts };
  },
};
