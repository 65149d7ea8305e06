import { z } from 'zod';
import { fail, succeed, type Result } from './result';

// Every threshold the rules use, with the documented defaults of instruments.md Part A and the README's
// clinical-rules table (each with its PUB/DES basis). An organisation can override any of them; the
// configuration is validated once and then trusted by the core.

const points = z.number().min(0).max(60);
const subscaleMean = z.number().min(0).max(4);

/** An organisation's own expected course for intakes in [intakeFrom, intakeTo]: index 0 = session 1. */
export const expectedCurveSchema = z
  .object({
    intakeFrom: points,
    intakeTo: points,
    expected: z.array(points).min(1),
    /** Below this the client is not on track; omitted means the band of the intake-severity model. */
    lowerBound: z.array(points).min(1).optional(),
  })
  .refine((c) => c.intakeFrom <= c.intakeTo, 'intakeFrom must not exceed intakeTo')
  .refine(
    (c) => c.lowerBound === undefined || c.lowerBound.length === c.expected.length,
    'lowerBound needs one value per expected session',
  );

export const scoringConfigSchema = z.object({
  orsCutoff: z
    .object({ adult: points.default(25), adolescent: points.default(28), child: points.default(32) })
    .prefault({}),
  /** Reliable change on the ORS/CORS, in points. */
  orsReliableChange: points.default(5),
  /** SRS/CSRS alliance cutoff: a total below it is a concern. */
  srsCutoff: points.default(36),
  /** A drop of at least this much against the previous SRS (or the client's own level) is a rupture. */
  srsRuptureDrop: points.default(4),
  /** A drop of at least this much against the previous SRS is a dip. */
  srsDip: points.default(1),
  /** Any SRS item below this many points is an item-level concern. */
  srsItemConcern: z.number().min(0).max(10).default(9),
  /** A WAI-SR subscale mean falling this much (but less than the reliable drop) is an in-app hint. */
  waiSubscaleMeanDrop: subscaleMean.default(0.5),
  /**
   * Reliable drop of each WAI-SR subscale mean (Jacobson–Truax: 1.96·SD·√(2(1−r)) with SD 0.8 and r .80 gives
   * 0.99, rounded up to the means' precision of 0.25): a drop this large is a Flag and can open a rupture.
   */
  waiReliableDrop: z
    .object({ task: subscaleMean.default(1), bond: subscaleMean.default(1), goal: subscaleMean.default(1) })
    .prefault({}),
  /** A gap of more than this many days between any two contacts (any instrument) starts a new episode. */
  episodeGapDays: z.number().int().min(1).default(90),
  /**
   * The outcome trajectory is judged from this outcome session on (before it the status is `too-early`);
   * responses notOnTrackEarlyFrom..(notOnTrackPersistentFrom − 1) are "early", later ones "persistent".
   */
  notOnTrackEarlyFrom: z.number().int().min(2).default(3),
  notOnTrackPersistentFrom: z.number().int().min(3).default(6),
  /** The default trajectory model; `curves` uses `expectedCurves` (falling back to intake-severity outside them). */
  trajectoryModel: z.enum(['intake-severity', 'rule-based', 'curves']).default('intake-severity'),
  /** Parameters of the intake-severity model (README, "Expected change by intake severity"). */
  intakeSeverity: z
    .object({
      /** The mean of a non-clinical sample, towards which scores regress. */
      functionalMean: points.default(30),
      /** Share of the distance to the functional mean still left at the end of a course that ends well. */
      remainingShare: z.number().min(0).max(1).default(0.3),
      /** The session by which the expected gain is complete (log-session curve). */
      fullBySession: z.number().int().min(2).default(8),
    })
    .prefault({}),
  expectedCurves: z.array(expectedCurveSchema).default([]),
  /** A rupture is repaired when the rating returns to the client's own level within this many later ratings. */
  ruptureRepairWindow: z.number().int().min(1).default(3),
  /** The WAI-SR is due every this many sessions. */
  waiEverySessions: z.number().int().min(1).default(4),
  /** The first WAI-SR of an episode is due at the end of this outcome session. */
  waiFirstAtSession: z.number().int().min(1).default(3),
});

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;

export const defaultScoringConfig: ScoringConfig = scoringConfigSchema.parse({});

/** Validates an organisation's overrides; the error lists each wrong field by path. */
export function parseScoringConfig(input: unknown): Result<ScoringConfig, string[]> {
  const result = scoringConfigSchema.safeParse(input ?? {});
  if (result.success) return succeed(result.data);
  return fail(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
}
