import type { ScoringConfig } from '../../core/config';
import type { InstrumentMapping } from '../../fhir/instrument-mappings';

// What the organisation's smart-launch.json changes in a scoring run, exactly as the app applies it: the
// clinical thresholds and how other systems' forms are read. Plain data, so it crosses to worker threads.

export interface ScoreSettings {
  readonly scoring?: ScoringConfig;
  readonly mappings: readonly InstrumentMapping[];
}

export const defaultScoreSettings: ScoreSettings = { mappings: [] };
