import { type ExpectedScore, isClinicalIntake, type TrajectoryContext, type TrajectoryModel } from './model';
import { curveModel, differenceError, toTenth } from './band';

// Expected change by intake severity: the default model (README, "Expected change by intake severity").
// It is NOT the licensed PCOMS/ICCE expected-treatment-response curves, whose coefficients are unpublished.
// Its structure is published; its three coefficients are design choices, configurable per organisation:
// - Where a course that ends well ends: scores regress towards the mean of a non-clinical sample, and the
//   intake is the major predictor of how much a client changes (severe intakes change most; intakes in the
//   normal range change little on average): Speer (1992) on regression to the mean in Jacobson–Truax
//   change; the severity-adjusted effect size of Brown / Seidel, Miller & Chow (2014). Target T(I) =
//   M − s·(M − I), with M = `functionalMean` (30: non-clinical ORS samples average 29–31) and s =
//   `remainingShare` (0.3 of the distance left; DES).
// - How the course gets there: a log-session curve, as the expected recovery curves of Finch, Lambert &
//   Schaalje (2001) (mixed model on log(session) stratified by intake severity), complete by session
//   `fullBySession` (8: half of clients reliably improve by about 8 sessions, Lambert's OQ data; DES).
//   E(k) = I + (T − I)·min(1, ln k / ln K).
// - The band: green at or above E(k); amber within one standard error of a difference below it
//   (RCI / 1.96); red below (trajectory/band.ts).
// Worked: intake 8 → T = 30 − 0.3·22 = 23.4; E(3) = 8 + 15.4·ln 3/ln 8 = 8 + 15.4·0.528 = 16.1; lower
// 16.1 − 2.55 = 13.6: a session-3 score of 13.5 is red although it is +5.5. Intake 24 → T = 28.2;
// E(3) = 24 + 4.2·0.528 = 26.2: a score of 28 is green. (Both bounds are rounded to tenths from the exact curve.)

const maxTotal = 40;

function courseShare(sessionNumber: number, fullBy: number): number {
  return Math.min(1, Math.log(sessionNumber) / Math.log(fullBy));
}

/** Where a course that ends well ends, from the intake (never below the intake). */
export function targetScore(context: TrajectoryContext): number {
  const { functionalMean, remainingShare } = context.config.intakeSeverity;
  return Math.max(context.intake, functionalMean - remainingShare * (functionalMean - context.intake));
}

function expectedAt(sessionNumber: number, context: TrajectoryContext): ExpectedScore | undefined {
  if (!isClinicalIntake(context) || sessionNumber < 1 || !Number.isInteger(sessionNumber)) return undefined;
  const gain = targetScore(context) - context.intake;
  const course = Math.min(
    maxTotal,
    context.intake + gain * courseShare(sessionNumber, context.config.intakeSeverity.fullBySession),
  );
  return {
    sessionNumber,
    expected: toTenth(course),
    lowerBound: Math.max(0, toTenth(course - differenceError(context))),
  };
}

export const intakeSeverityTrajectory: TrajectoryModel = curveModel(
  {
    id: 'intake-severity',
    label:
      'Expected change by intake severity (regression towards the non-clinical mean, log-session course; not the licensed ETR)',
    version: '1.0.0',
  },
  expectedAt,
);
