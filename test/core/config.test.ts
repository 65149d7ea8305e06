import { describe, expect, it } from 'vitest';
import { defaultScoringConfig, parseScoringConfig } from '../../src/core/config';

describe('scoring configuration', () => {
  it('has the documented defaults of instruments.md Part A', () => {
    expect(defaultScoringConfig.orsCutoff).toEqual({ adult: 25, adolescent: 28, child: 32 });
    expect(defaultScoringConfig.orsReliableChange).toBe(5);
    expect(defaultScoringConfig.srsCutoff).toBe(36);
    expect(defaultScoringConfig.episodeGapDays).toBe(90);
  });

  it('keeps defaults for fields an organisation does not override', () => {
    const result = parseScoringConfig({ orsCutoff: { adult: 24 } });
    expect(result.ok && result.value.orsCutoff).toEqual({ adult: 24, adolescent: 28, child: 32 });
  });

  it('names each wrong field', () => {
    const result = parseScoringConfig({ srsCutoff: -1, episodeGapDays: 2.5 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.some((e) => e.startsWith('srsCutoff:'))).toBe(true);
      expect(result.error.some((e) => e.startsWith('episodeGapDays:'))).toBe(true);
    }
  });
});
