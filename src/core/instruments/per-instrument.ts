import type { Instrument } from './types';

/**
 * `make`, worked out once per instrument and kept: what the items of a form imply (positions, ranges, subscales)
 * is looked up for every response of a population, never rebuilt for each.
 */
export function perInstrument<T>(make: (instrument: Instrument) => T): (instrument: Instrument) => T {
  const made = new Map<Instrument, T>();
  return (instrument) => {
    let value = made.get(instrument);
    if (value === undefined) {
      value = make(instrument);
      made.set(instrument, value);
    }
    return value;
  };
}
