import { lastTwo, type Rule } from './types';

// A WAI-SR subscale mean falling by at least `waiSubscaleMeanDrop` against the previous WAI-SR. Each mean is
// a sum over four items, so the drop is compared in quarter points (the means' own precision, i.e. whole
// sum points) and 0.5 is exactly 0.5.

const quarters = (points: number): number => Math.round(points * 4);

export const allianceWaiDrop: Rule = {
  code: 'alliance-wai-drop', version: '1.0.0', severity: 'medium', flag: true, basis: 'DES',
  evaluate({ inventory, config }) {
    const { latest, previous } = lastTwo(inventory);
    if (!latest || !previous) return undefined;
    const threshold = config.waiSubscaleMeanDrop;
    const dropped: { id: string; before: number; after: number }[] = [];
    for (const s of latest.subscales) {
      const before = previous.subscales.find((p) => p.id === s.id);
      if (before && quarters(before.mean - s.mean) >= quarters(threshold)) dropped.push({ id: s.id, before: before.mean, after: s.mean });
    }
    if (dropped.length === 0) return undefined;
    const facts: Record<string, number | string> = { subscales: dropped.map((d) => d.id).join(',') };
    for (const d of dropped) {
      facts[`${d.id}Previous`] = d.before;
      facts[`${d.id}Latest`] = d.after;
    }
    return { thresholds: { subscaleMeanDrop: threshold }, evidence: [previous.administrationId, latest.administrationId], facts };
  },
};
