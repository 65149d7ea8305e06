import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import { perInstrument } from '../../src/core/instruments/per-instrument';
import type { Instrument } from '../../src/core/instruments/types';

describe('perInstrument', () => {
  it('works a value out once per instrument and gives that same value after', () => {
    const made: Instrument[] = [];
    const itemCount = perInstrument((instrument) => {
      made.push(instrument);
      return { items: instrument.items.length };
    });
    const first = itemCount(instruments.ors);
    expect(itemCount(instruments['wai-sr'])).toEqual({ items: 12 });
    expect(itemCount(instruments.ors)).toBe(first);
    expect(first).toEqual({ items: 4 });
    expect(made).toEqual([instruments.ors, instruments['wai-sr']]);
  });
});
