import type { ScoringConfig } from '../config';
import type { AgeBand } from '../instruments/types';
import { tenths } from '../series/change';

// The contract a trajectory model fulfils. The default is rule-based (instruments.md §8.4 Mode C). A licensed
// vendor's expected-treatment-response curves (Mode A) or an organisation's empirical curves (Mode B) plug in
// by implementing this interface: e.g. a vendor adapter returns the vendor's TargetSessionScore as `expected`
// and its nTargetSession as `lowerBound`, and classifies with the vendor's green/amber/red logic. The model
// must be pure and synchronous; a vendor table is loaded before assessment and closed over.

/** What a model knows about the client's episode when it is asked. Scores in points. */
export interface TrajectoryContext {
  readonly intake: number;
  /** Age band on the intake day, when known. */
  readonly ageBand?: AgeBand;
  /** The clinical cutoff that applies to this episode. */
  readonly cutoff: number;
  readonly config: ScoringConfig;
}

/**
 * Whether the episode started in the clinical range (intake below the cutoff): only then do progress words
 * (on track, recovered) mean anything. Shared by the rules, the assessment and the default model so they agree.
 */
export function isClinicalIntake(context: TrajectoryContext): boolean {
  return tenths(context.intake) < tenths(context.cutoff);
}

/** The expected score at one session of the episode (session 1 = intake). */
export interface ExpectedScore {
  readonly sessionNumber: number;
  readonly expected: number;
  /** Below this the client is not on track (Mode A's nTarget); omitted when the model has no such band. */
  readonly lowerBound?: number;
}

/**
 * green `on-track`; amber `below-expected` (under the expected score but above the lower bound); red
 * `not-on-track`; `no-status` when the model does not judge (too few sessions, non-clinical intake).
 */
export type TrajectoryStatus = 'on-track' | 'below-expected' | 'not-on-track' | 'no-status';

export interface TrajectoryModel {
  readonly id: string;
  readonly label: string;
  readonly version: string;
  /** The expected score at a session, or undefined where the model makes no prediction. */
  expectedAt(sessionNumber: number, context: TrajectoryContext): ExpectedScore | undefined;
  /** Where the latest outcome response (`latest` at `sessionNumber`) stands against the model. */
  classify(latest: number, sessionNumber: number, context: TrajectoryContext): TrajectoryStatus;
}

/** The expected curve for sessions 1..through, skipping sessions the model does not predict. */
export function expectedCurve(model: TrajectoryModel, through: number, context: TrajectoryContext): ExpectedScore[] {
  const curve: ExpectedScore[] = [];
  for (let session = 1; session <= through; session++) {
    const point = model.expectedAt(session, context);
    if (point) curve.push(point);
  }
  return curve;
}
