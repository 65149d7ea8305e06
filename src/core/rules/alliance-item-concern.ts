import type { Rule } from './types';

/** Any item of the latest SRS/CSRS below `srsItemConcern` points, even with an acceptable total. */
export const allianceItemConcern: Rule = {
  code: 'alliance-item-concern',
  version: '1.0.0',
  severity: 'low',
  flag: false,
  basis: 'DES',
  evaluate({ alliance, config }) {
    const latest = alliance.at(-1);
    if (!latest) return undefined;
    const low = latest.items.filter((item) => item.value < config.srsItemConcern);
    if (low.length === 0) return undefined;
    return {
      thresholds: { itemConcern: config.srsItemConcern },
      evidence: [latest.administrationId],
      facts: {
        items: low.map((i) => i.code).join(','),
        lowest: Math.min(...low.map((i) => i.value)),
        latest: latest.total,
      },
    };
  },
};
