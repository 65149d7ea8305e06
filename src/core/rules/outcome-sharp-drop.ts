import { droppedBy, pointsBetween } from '../series/change';
import { lastTwo, type Rule } from './types';

/** A drop of at least the RCI against the previous outcome response, even when the change from intake is not reliable. */
export const outcomeSharpDrop: Rule = {
  code: 'outcome-sharp-drop',
  version: '1.0.0',
  severity: 'medium',
  flag: false,
  basis: 'DES',
  evaluate({ outcome, config }) {
    const { latest, previous } = lastTwo(outcome);
    if (!latest || !previous || !droppedBy(previous, latest, config.orsReliableChange)) return undefined;
    return {
      thresholds: { reliableChange: config.orsReliableChange },
      evidence: [previous.administrationId, latest.administrationId],
      facts: {
        previous: previous.total,
        latest: latest.total,
        change: pointsBetween(previous, latest),
        sessionNumber: latest.sessionNumber,
      },
    };
  },
};
