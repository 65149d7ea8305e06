import { z } from 'zod';

// Every threshold the rules use, with the documented defaults of instruments.md Part A. An organisation
// can override any of them; the configuration is validated once and then trusted by the core.

const points = z.number().min(0).max(60);

export const scoringConfigSchema = z.object({
  orsCutoff: z.object({ adult: points.default(25), adolescent: points.default(28), child: points.default(32) }).prefault({}),
  /** Reliable change on the ORS/CORS, in points. */
  orsReliableChange: points.default(5),
  /** SRS/CSRS alliance cutoff: a total below it is a concern. */
  srsCutoff: points.default(36),
  /** A drop of at least this much against the previous SRS is a rupture risk. */
  srsRuptureDrop: points.default(4),
  /** A drop of at least this much against the previous SRS is a dip. */
  srsDip: points.default(1),
  /** Any SRS item below this many points is an item-level concern. */
  srsItemConcern: z.number().min(0).max(10).default(9),
  /** A WAI-SR subscale mean falling this much against the previous WAI-SR. */
  waiSubscaleMeanDrop: z.number().min(0).max(4).default(0.5),
  /** A gap of more than this many days between outcome responses starts a new episode. */
  episodeGapDays: z.number().int().min(1).default(90),
  /** Outcome responses 3–5 of an episode are "early", 6 and later "persistent". */
  notOnTrackEarlyFrom: z.number().int().min(2).default(3),
  notOnTrackPersistentFrom: z.number().int().min(3).default(6),
  /** The WAI-SR is due every this many sessions. */
  waiEverySessions: z.number().int().min(1).default(4),
  /** The first WAI-SR of an episode is due at the end of this outcome session. */
  waiFirstAtSession: z.number().int().min(1).default(3),
});

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;

export const defaultScoringConfig: ScoringConfig = scoringConfigSchema.parse({});

/** Validates an organisation's overrides; the error lists each wrong field by path. */
export function parseScoringConfig(input: unknown): { ok: true; config: ScoringConfig } | { ok: false; errors: string[] } {
  const result = scoringConfigSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
