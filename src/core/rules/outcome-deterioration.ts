import { tenths } from '../series/change';
import type { Rule } from './types';

/** Reliable deterioration: latest outcome − intake ≤ −RCI (at exactly the RCI it is reliable). */
export const outcomeDeterioration: Rule = {
  code: 'outcome-deterioration', version: '1.0.0', severity: 'high', flag: true, basis: 'DES',
  evaluate({ outcome, config }) {
    const intake = outcome[0];
    const latest = outcome.at(-1);
    if (!intake || !latest || latest === intake) return undefined;
    const change = latest.totalTenths - intake.totalTenths;
    if (change > -tenths(config.orsReliableChange)) return undefined;
    return {
      thresholds: { reliableChange: config.orsReliableChange },
      evidence: [intake.administrationId, latest.administrationId],
      facts: { intake: intake.total, latest: latest.total, change: change / 10, sessionNumber: latest.sessionNumber },
    };
  },
};
