import { pointsBetween } from '../series/change';
import { isClinicalIntake } from '../trajectory/model';
import type { Rule, RuleContext } from './types';

// Not on track, judged by the pluggable trajectory model (default: intake below the cutoff and a gain under
// the RCI). Early at outcome responses notOnTrackEarlyFrom..(notOnTrackPersistentFrom − 1), persistent after.

function notOnTrack({ outcome, config, trajectory, trajectoryContext }: RuleContext, from: number, until: number) {
  const intake = outcome[0];
  const latest = outcome.at(-1);
  if (!intake || !latest || !trajectoryContext) return undefined;
  // A non-clinical intake is never "not on track", whatever a plugged-in model says.
  if (!isClinicalIntake(trajectoryContext)) return undefined;
  const session = latest.sessionNumber;
  if (session < from || session >= until) return undefined;
  if (trajectory.classify(latest.total, session, trajectoryContext) !== 'not-on-track') return undefined;
  return {
    thresholds: { cutoff: trajectoryContext.cutoff, reliableChange: config.orsReliableChange, fromSession: from },
    evidence: [intake.administrationId, latest.administrationId],
    facts: {
      intake: intake.total,
      latest: latest.total,
      change: pointsBetween(intake, latest),
      sessionNumber: session,
      trajectoryModel: trajectory.id,
    },
  };
}

export const outcomeNotOnTrackEarly: Rule = {
  code: 'outcome-not-on-track-early',
  version: '1.0.0',
  severity: 'medium',
  flag: true,
  basis: 'DES',
  evaluate: (context) =>
    notOnTrack(context, context.config.notOnTrackEarlyFrom, context.config.notOnTrackPersistentFrom),
};

export const outcomeNotOnTrackPersistent: Rule = {
  code: 'outcome-not-on-track-persistent',
  version: '1.0.0',
  severity: 'high',
  flag: true,
  basis: 'DES',
  evaluate: (context) => notOnTrack(context, context.config.notOnTrackPersistentFrom, Number.POSITIVE_INFINITY),
};
