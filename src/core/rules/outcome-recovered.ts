import { pointsBetween, reliableChange, tenths } from '../series/change';
import { isClinicalIntake } from '../trajectory/model';
import type { Rule } from './types';

/** Reliable recovery (Jacobson–Truax): a clinical intake, latest at or above the cutoff, gain ≥ RCI. */
export const outcomeRecovered: Rule = {
  code: 'outcome-recovered',
  version: '1.0.0',
  severity: 'info',
  flag: false,
  basis: 'PUB',
  evaluate({ outcome, config, trajectoryContext }) {
    const intake = outcome[0];
    const latest = outcome.at(-1);
    if (!intake || !latest || latest === intake || !trajectoryContext) return undefined;
    if (!isClinicalIntake(trajectoryContext) || latest.totalTenths < tenths(trajectoryContext.cutoff)) return undefined;
    if (reliableChange(latest.totalTenths - intake.totalTenths, config.orsReliableChange) !== 'improved')
      return undefined;
    return {
      thresholds: { cutoff: trajectoryContext.cutoff, reliableChange: config.orsReliableChange },
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
