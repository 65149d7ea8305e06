import { tenths } from '../series/change';
import type { ExpectedScore, TrajectoryContext, TrajectoryModel, TrajectoryStatus } from './model';

// The band shared by the curve models: green at or above the expected course, amber below it but within the
// measurement error of a difference (S_diff = RCI / 1.96, the Jacobson–Truax standard error the RCI is built
// from: 5 / 1.96 ≈ 2.55 points by default), red below that. Scores in whole tenths, so boundaries are exact.

/** The standard error of a difference between two ORS totals, in points, from the configured RCI. */
export function differenceError(context: TrajectoryContext): number {
  return context.config.orsReliableChange / 1.96;
}

/** A score in points rounded to the scores' own precision (tenths). */
export function toTenth(points: number): number {
  return Math.round(points * 10) / 10;
}

export function classifyInBand(latest: number, expected: number, lowerBound: number): TrajectoryStatus {
  if (tenths(latest) >= tenths(expected)) return 'on-track';
  return tenths(latest) >= tenths(lowerBound) ? 'below-expected' : 'not-on-track';
}

/** Classifies against a curve model's expected score; `no-status` before the trajectory can be judged. */
export function classifyByCurve(
  expectedAt: (sessionNumber: number, context: TrajectoryContext) => ExpectedScore | undefined,
  latest: number,
  sessionNumber: number,
  context: TrajectoryContext,
): TrajectoryStatus {
  if (sessionNumber < context.config.notOnTrackEarlyFrom) return 'no-status';
  const point = expectedAt(sessionNumber, context);
  return point ? classifyInBand(latest, point.expected, point.lowerBound ?? point.expected) : 'no-status';
}

/** A model made of an expected curve with its band: classification is the band's (green / amber / red). */
export function curveModel(
  identity: Pick<TrajectoryModel, 'id' | 'label' | 'version'>,
  expectedAt: TrajectoryModel['expectedAt'],
): TrajectoryModel {
  return {
    ...identity,
    expectedAt,
    classify: (latest, sessionNumber, context) => classifyByCurve(expectedAt, latest, sessionNumber, context),
  };
}
