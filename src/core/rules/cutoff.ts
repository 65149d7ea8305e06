import type { ScoringConfig } from '../config';
import type { AgeBand, InstrumentId } from '../instruments/types';

/**
 * The clinical cutoff for an episode, from the age band on the intake day. Without a birth date the intake's
 * instrument decides: the CORS is the child form (child cutoff), the ORS is taken as adult (the adolescent
 * cutoff needs an age). Undefined for under-6s, who are not scored.
 */
export function outcomeCutoff(
  config: ScoringConfig,
  ageBand: AgeBand | undefined,
  intakeInstrument: InstrumentId,
): number | undefined {
  const band = ageBand ?? (intakeInstrument === 'cors' ? 'child' : 'adult');
  if (band === 'young-child') return undefined;
  return config.orsCutoff[band];
}
