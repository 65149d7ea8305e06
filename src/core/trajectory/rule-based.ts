import { reliableChange, tenths } from '../series/change';
import {
  type ExpectedScore,
  isClinicalIntake,
  type TrajectoryContext,
  type TrajectoryModel,
  type TrajectoryStatus,
} from './model';

// Mode C of instruments.md §8.4 (a design choice; no published numeric ETR exists). Only a clinical intake
// (below the cutoff) has an expected course. The expected line rises evenly from the intake at session 1
// to intake + RCI at the first session the not-on-track rules judge (the 3rd by default), and stays there:
// that line is the on-track threshold, so the chart shows exactly what the rules test. Capped at 40.

const maxTotal = 40;

function expectedAt(sessionNumber: number, context: TrajectoryContext): ExpectedScore | undefined {
  if (!isClinicalIntake(context) || sessionNumber < 1 || !Number.isInteger(sessionNumber)) return undefined;
  const judgedFrom = context.config.notOnTrackEarlyFrom;
  const share = Math.min(1, (sessionNumber - 1) / (judgedFrom - 1));
  const expectedTenths = tenths(context.intake) + Math.round(share * tenths(context.config.orsReliableChange));
  return { sessionNumber, expected: Math.min(maxTotal * 10, expectedTenths) / 10 };
}

function classify(latest: number, sessionNumber: number, context: TrajectoryContext): TrajectoryStatus {
  // Nothing is judged before the early review session: no green on the intake or at session 2.
  if (!isClinicalIntake(context) || sessionNumber < context.config.notOnTrackEarlyFrom) return 'no-status';
  const gain = tenths(latest) - tenths(context.intake);
  return reliableChange(gain, context.config.orsReliableChange) === 'improved' ? 'on-track' : 'not-on-track';
}

export const ruleBasedTrajectory: TrajectoryModel = {
  id: 'rule-based',
  label: 'Rule-based: reliable change expected by the early review session',
  version: '1.0.0',
  expectedAt,
  classify,
};
