import { z } from 'zod';
import { instrumentIds, instruments } from '../core/instruments';
import type { InstrumentId } from '../core/instruments/types';

// How another system's forms are read (smart-launch.json `instrumentMappings`, issue 12's contract): per source
// form (its Questionnaire canonical URL, or the base its items' `definition` points at), which instrument it
// is, which of its linkIds answers which of ours, the unit and scale of its answers, and for the WAI-SR the
// weight of each answer code. Units are declared, never guessed: without a mapping a response not made with
// our Questionnaire is listed as "unknown scale", not scored.

const isOurLinkId = (instrument: InstrumentId, linkId: string): boolean =>
  instruments[instrument].items.some((i) => i.linkId === linkId);

export const instrumentMappingSchema = z
  .object({
    /** Their canonical URL (a version after `|` is ignored), or the base their items' `definition` points at. */
    questionnaire: z.string().min(1),
    instrument: z.enum(instrumentIds as [InstrumentId, ...InstrumentId[]]),
    /** Their linkId → our linkId. */
    linkIds: z.record(z.string().min(1), z.string().min(1)),
    /** What their numbers are: points on a 0–10 line, or millimetres. */
    unit: z.enum(['points', 'mm']),
    /** The range of their numbers (e.g. 0–10 points, 0–100 mm; for the WAI-SR e.g. 0–4 or 1–5). */
    scale: z
      .object({ min: z.number(), max: z.number() })
      .refine((s) => s.min < s.max, 'scale.min must be below scale.max'),
    /** Coded answers only: their code → our option value (WAI-SR 1–5). */
    answers: z.record(z.string().min(1), z.number().int().min(1).max(5)).optional(),
  })
  .superRefine((m, ctx) => {
    for (const [theirs, ours] of Object.entries(m.linkIds)) {
      if (!isOurLinkId(m.instrument, ours))
        ctx.addIssue({
          code: 'custom',
          path: ['linkIds', theirs],
          message: `"${ours}" is not a linkId of the ${m.instrument}`,
        });
    }
    if (m.answers && m.instrument !== 'wai-sr')
      ctx.addIssue({
        code: 'custom',
        path: ['answers'],
        message: 'answer codes apply to coded items only (the WAI-SR)',
      });
  });

export type InstrumentMapping = z.infer<typeof instrumentMappingSchema>;

export const instrumentMappingsSchema = z.array(instrumentMappingSchema).default([]);

/** The mapping for a canonical URL (version ignored) or a definition base; undefined when there is none. */
export function mappingFor(
  mappings: readonly InstrumentMapping[],
  url: string | undefined,
): InstrumentMapping | undefined {
  if (url === undefined) return undefined;
  const bare = url.split('|')[0];
  return mappings.find((m) => m.questionnaire.split('|')[0] === bare);
}
