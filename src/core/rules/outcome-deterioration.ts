import { pointsBetween, reliableChange } from '../series/change';
import type { Rule } from './types';

/** Reliable deterioration: latest outcome − intake ≤ −RCI (at exactly the RCI it is reliable). */
export const outcomeDeterioration: Rule = {
  code: 'outcome-deterioration',
  version: '1.0.0',
  severity: 'high',
  flag: true,
  basis: 'DES',
  evaluate({ outcome, config }) {
    const intake = outcome[0];
    const latest = outcome.at(-1);
    if (!intake || !latest || latest === intake) return undefined;
    // The same test as the assessment's `change.reliable`, so the Flag and the change shown never disagree.
    if (reliableChange(latest.totalTenths - intake.totalTenths, config.orsReliableChange) !== 'deteriorated')
      return undefined;
    return {
      thresholds: { reliableChange: config.orsReliableChange },
      evidence: [intake.administrationId, latest.administrationId],
      facts: {
        intake: intake.total,
        latest: latest.total,
        change: pointsBetween(intake, latest),
        sessionNumber: latest.sessionNumber,
      },
    };
  },
};
