import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseByPattern, parseDateTime } from '../../src/core/date-time';

// The direct reading of the full dateTime form must give exactly what the pattern (the definition) gives:
// the same fields, the same -0 for a "-00:00" offset, and undefined for the same impossible values.

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const nearDigit = fc.constantFrom(...'0123456789', 'x', '/', ':', ' ');
const zone = fc.oneof(
  fc.constantFrom('Z', '', 'z', '+00:00', '-00:00', '+14:00', '-14:01', '+05:30', '-10:00', '+1:00', '+10-00'),
  fc.tuple(fc.constantFrom('+', '-'), digits(2), fc.constantFrom(':', ''), digits(2)).map((p) => p.join('')),
);
const fraction = fc.oneof(
  fc.constant(''),
  fc.constant('.'),
  digits(1).map((d) => `.${d}`),
  digits(3).map((d) => `.${d}`),
);

const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
/** Full-form dateTimes with random fields (half of them in range, half often impossible), offsets and fractions. */
const fullForm = fc
  .tuple(
    digits(4),
    fc.oneof(two(1, 12), digits(2)),
    fc.oneof(two(1, 31), digits(2)),
    fc.oneof(two(0, 23), digits(2)),
    fc.oneof(two(0, 59), digits(2)),
    fc.oneof(two(0, 59), digits(2)),
    fraction,
    zone,
  )
  .map(([y, mo, d, h, mi, s, frac, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${z}`);

/** The same, with one character replaced by another (digit or not). */
const mutated = fc
  .tuple(fullForm, fc.nat(), nearDigit)
  .map(([value, at, c]) => value.slice(0, at % value.length) + c + value.slice((at % value.length) + 1));

describe('reading a FHIR dateTime', () => {
  it('gives what the pattern gives for full dateTimes, valid or not', () => {
    fc.assert(
      fc.property(fullForm, (value) => {
        expect(parseDateTime(value)).toEqual(parseByPattern(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what the pattern gives for damaged full dateTimes', () => {
    fc.assert(
      fc.property(mutated, (value) => {
        expect(parseDateTime(value)).toEqual(parseByPattern(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what the pattern gives for other forms and for any text', () => {
    const other = fc.oneof(
      fc.constantFrom('2024', '2024-02', '2024-02-29', '2023-02-29', '2024-01-01T10:00Z', '2024-01-01T10:00:00'),
      fc.string(),
    );
    fc.assert(
      fc.property(other, (value) => {
        expect(parseDateTime(value)).toEqual(parseByPattern(value));
      }),
    );
  });

  it('reads a full dateTime with its fraction and a negative zero offset', () => {
    const parsed = parseDateTime('2024-03-10T23:30:00.25-00:00');
    expect(parsed).toEqual({
      date: '2024-03-10',
      instant: Date.UTC(2024, 2, 10, 23, 30, 0, 250),
      precision: 'time',
      day: 19792,
      offset: -0,
    });
    expect(Object.is(parsed?.offset, -0)).toBe(true);
  });
});
