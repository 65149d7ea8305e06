import { droppedBy, pointsBetween } from '../series/change';
import { lastTwo, type Rule } from './types';

/** The latest SRS/CSRS is at least `srsDip` points below the previous one (OpenFIT alerts on −1). */
export const allianceDip: Rule = {
  code: 'alliance-dip',
  version: '1.0.0',
  severity: 'low',
  flag: false,
  basis: 'PUB',
  evaluate({ alliance, config }) {
    const { latest, previous } = lastTwo(alliance);
    if (!latest || !previous || !droppedBy(previous, latest, config.srsDip)) return undefined;
    return {
      thresholds: { dip: config.srsDip },
      evidence: [previous.administrationId, latest.administrationId],
      facts: { previous: previous.total, latest: latest.total, change: pointsBetween(previous, latest) },
    };
  },
};
