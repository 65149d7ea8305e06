import { tenths } from '../series/change';
import type { SeriesPoint } from '../series/types';
import type { Rule } from './types';

export function isAllianceConcern(point: SeriesPoint, cutoff: number): boolean {
  return point.totalTenths < tenths(cutoff);
}

/** The latest SRS/CSRS total is below the alliance cutoff (36 by default; 36 itself is not a concern). */
export const allianceConcern: Rule = {
  code: 'alliance-concern',
  version: '1.0.0',
  severity: 'medium',
  flag: true,
  basis: 'PUB',
  evaluate({ alliance, config }) {
    const latest = alliance.at(-1);
    if (!latest || !isAllianceConcern(latest, config.srsCutoff)) return undefined;
    return {
      thresholds: { cutoff: config.srsCutoff },
      evidence: [latest.administrationId],
      facts: { latest: latest.total, sessionNumber: latest.sessionNumber },
    };
  },
};
