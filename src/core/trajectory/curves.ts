import type { ScoringConfig } from '../config';
import { tenths } from '../series/change';
import { curveModel, differenceError, toTenth } from './band';
import { intakeSeverityTrajectory } from './intake-severity';
import { type ExpectedScore, isClinicalIntake, type TrajectoryContext, type TrajectoryModel } from './model';

// An organisation's own curves (config `expectedCurves`, e.g. from its own data, instruments.md §8.4 Mode B):
// the first curve whose intake range holds the intake gives the expected score per session (its last value
// holds for later sessions) and optionally its own lower bound; intakes outside every range use the
// intake-severity model.

type Curve = ScoringConfig['expectedCurves'][number];

function curveFor(context: TrajectoryContext): Curve | undefined {
  const intake = tenths(context.intake);
  return context.config.expectedCurves.find((c) => tenths(c.intakeFrom) <= intake && intake <= tenths(c.intakeTo));
}

function expectedAt(sessionNumber: number, context: TrajectoryContext): ExpectedScore | undefined {
  const curve = curveFor(context);
  if (!curve) return intakeSeverityTrajectory.expectedAt(sessionNumber, context);
  if (!isClinicalIntake(context) || sessionNumber < 1 || !Number.isInteger(sessionNumber)) return undefined;
  const index = Math.min(sessionNumber, curve.expected.length) - 1;
  const expected = curve.expected[index]!;
  const lowerBound = curve.lowerBound?.[index] ?? Math.max(0, toTenth(expected - differenceError(context)));
  return { sessionNumber, expected, lowerBound };
}

export const curvesTrajectory: TrajectoryModel = curveModel(
  {
    id: 'curves',
    label: "The organisation's own expected curves (intake-severity model outside them)",
    version: '1.0.0',
  },
  expectedAt,
);
