import type { ClientAssessment } from '../assessment/types';
import { daysBetween } from '../dates';
import { type Interval, leastSquares, mean, sampleSd, t95, wilson } from './stats';

// The clinician's own outcomes, from the same assessments the list shows (the current episode of each client).
// Shares with Wilson intervals; effect sizes as pre–post change over the intake SD; the severity-adjusted effect
// size adjusts the mean change to a common intake score by regression (residualised change, after Brown,
// Lambert, Jones & Minami 2005), so a caseload of more distressed clients is not rewarded or penalised for the
// room it had to improve. The method and its limits are in the README.

export interface ClientOutcome {
  readonly intake: number;
  readonly latest: number;
  readonly sessions: number;
  /** Intake below the clinical cutoff. */
  readonly clinicalIntake: boolean;
  readonly cutoff: number | undefined;
  readonly lastDate: string;
  /** A further session is booked. */
  readonly booked: boolean;
}

export interface Share {
  readonly count: number;
  readonly n: number;
  readonly value: number;
  readonly ci: Interval;
  readonly tooFew: boolean;
}
export interface Estimate {
  readonly n: number;
  readonly value: number;
  readonly ci: Interval;
  readonly tooFew: boolean;
}

export interface OutcomeOptions {
  readonly reliableChange: number;
  readonly today: string;
  /** One session this long ago and nothing since, nothing booked: dropped out. */
  readonly dropoutAfterDays: number;
  /** The intake the severity adjustment refers every caseload to (a typical adult outpatient ORS intake). */
  readonly referenceIntake: number;
  /** Below this many clients a figure carries the "too few" warning. */
  readonly minimumN: number;
}

export const DEFAULT_OUTCOME_OPTIONS: Omit<OutcomeOptions, 'reliableChange' | 'today'> = {
  dropoutAfterDays: 30,
  referenceIntake: 17.5,
  minimumN: 10,
};

export interface MyOutcomeFigures {
  /** Clients with at least one outcome measure in their current episode. */
  readonly clientsSeen: number;
  readonly reliableImprovement: Share;
  readonly recovered: Share;
  readonly deterioration: Share;
  readonly dropout: Share;
  readonly effectSize?: Estimate;
  readonly severityAdjustedEffectSize?: Estimate;
}

/** The figures one client contributes; undefined without an outcome measure. */
export function clientOutcome(assessment: ClientAssessment, booked: boolean): ClientOutcome | undefined {
  const { intake, latest, points, cutoff } = assessment.outcome;
  if (!intake || !latest) return undefined;
  return {
    intake: intake.total,
    latest: latest.total,
    sessions: points.length,
    cutoff,
    lastDate: latest.date,
    booked,
    clinicalIntake: cutoff !== undefined && intake.total < cutoff,
  };
}

function share(count: number, n: number, minimumN: number): Share {
  return { count, n, value: n === 0 ? 0 : count / n, ci: wilson(count, n), tooFew: n < minimumN };
}

function effectSizes(
  changed: readonly ClientOutcome[],
  options: OutcomeOptions,
): Pick<MyOutcomeFigures, 'effectSize' | 'severityAdjustedEffectSize'> {
  const n = changed.length;
  if (n < 3) return {};
  const intakes = changed.map((c) => c.intake);
  const changes = changed.map((c) => c.latest - c.intake);
  const sd = sampleSd(intakes);
  if (!(sd > 0)) return {};
  const halfRaw = (t95(n - 1) * sampleSd(changes)) / Math.sqrt(n);
  const raw = mean(changes);
  const effectSize: Estimate = {
    n,
    value: raw / sd,
    ci: { low: (raw - halfRaw) / sd, high: (raw + halfRaw) / sd },
    tooFew: n < options.minimumN,
  };
  const line = leastSquares(intakes, changes);
  if (!line) return { effectSize };
  // The regression's prediction at the reference intake, with its standard error (the mean response's).
  const adjusted = line.intercept + line.slope * options.referenceIntake;
  const se = line.residualSd * Math.sqrt(1 / n + (options.referenceIntake - line.meanX) ** 2 / line.sxx);
  const half = t95(n - 2) * se;
  return {
    effectSize,
    severityAdjustedEffectSize: {
      n,
      value: adjusted / sd,
      ci: { low: (adjusted - half) / sd, high: (adjusted + half) / sd },
      tooFew: n < options.minimumN,
    },
  };
}

export function myOutcomes(clients: readonly ClientOutcome[], options: OutcomeOptions): MyOutcomeFigures {
  const rc = options.reliableChange;
  const changed = clients.filter((c) => c.sessions >= 2);
  const clinical = changed.filter((c) => c.clinicalIntake);
  const singles = clients.filter((c) => c.sessions === 1);
  const droppedOut = singles.filter(
    (c) => !c.booked && daysBetween(c.lastDate, options.today) >= options.dropoutAfterDays,
  );
  const m = options.minimumN;
  return {
    clientsSeen: clients.length,
    reliableImprovement: share(changed.filter((c) => c.latest - c.intake >= rc).length, changed.length, m),
    recovered: share(
      clinical.filter((c) => c.latest - c.intake >= rc && c.cutoff !== undefined && c.latest >= c.cutoff).length,
      clinical.length,
      m,
    ),
    deterioration: share(changed.filter((c) => c.intake - c.latest >= rc).length, changed.length, m),
    dropout: share(droppedOut.length, clients.length, m),
    ...effectSizes(changed, options),
  };
}
