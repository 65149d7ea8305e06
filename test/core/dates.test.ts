import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageBandAt,
  ageInYears,
  calendarDate,
  compareDateTimes,
  daysBetween,
  instantOf,
  isDayPreciseDateTime,
  newestFirst,
  parseFhirDateTime,
} from '../../src/core/dates';

describe('calendarDate', () => {
  it('is the day as written in its own offset, not the UTC day', () => {
    expect(calendarDate('2024-03-01T23:30:00-05:00')).toBe('2024-03-01');
    expect(calendarDate('2024-03-02T01:00:00+14:00')).toBe('2024-03-02');
    expect(calendarDate('2024-03-02')).toBe('2024-03-02');
  });
  it('keeps partial dates as written and gives "" for invalid ones', () => {
    expect(calendarDate('2024-03')).toBe('2024-03');
    expect(calendarDate('2024')).toBe('2024');
    expect(calendarDate('2024-02-30')).toBe('');
    expect(calendarDate('2024-03-01T10:00:00')).toBe(''); // a time without an offset is not FHIR
    expect(calendarDate('yesterday')).toBe('');
  });
});

describe('parseFhirDateTime', () => {
  it('computes the instant across offsets and fractions', () => {
    expect(instantOf('2024-03-01T10:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 8));
    expect(instantOf('2024-03-01T10:00:00.250Z')).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 250));
    expect(instantOf('2024-03-01T10:00-03:30')).toBe(Date.UTC(2024, 2, 1, 13, 30));
    expect(Number.isNaN(instantOf('nope'))).toBe(true);
  });
  it('rejects impossible times and offsets', () => {
    expect(parseFhirDateTime('2024-03-01T24:00:00Z')).toBeUndefined();
    expect(parseFhirDateTime('2024-03-01T10:00:00+15:00')).toBeUndefined();
    expect(parseFhirDateTime('2023-02-29')).toBeUndefined();
    expect(parseFhirDateTime('2024-02-29')?.precision).toBe('day');
  });
  it('knows which values are precise to the day', () => {
    expect(isDayPreciseDateTime('2024-03-01')).toBe(true);
    expect(isDayPreciseDateTime('2024-03-01T10:00:00Z')).toBe(true);
    expect(isDayPreciseDateTime('2024-03')).toBe(false);
  });
});

describe('compareDateTimes', () => {
  it('orders by the instant, not the text', () => {
    const list = ['2024-03-01T09:00:00+01:00', '2024-03-01T08:30:00Z', '2024-03-01T07:00:00-02:00'];
    expect([...list].sort(compareDateTimes)).toEqual([
      '2024-03-01T09:00:00+01:00',
      '2024-03-01T08:30:00Z',
      '2024-03-01T07:00:00-02:00',
    ]);
  });
  it('is total: the same instant written twice sorts by text, invalid values last', () => {
    expect(compareDateTimes('2024-03-01T10:00:00+01:00', '2024-03-01T09:00:00Z')).toBeGreaterThan(0);
    expect(compareDateTimes('2024-03-01T09:00:00Z', '2024-03-01T10:00:00+01:00')).toBeLessThan(0);
    expect(compareDateTimes('bad', '2024-03-01')).toBeGreaterThan(0);
    expect(compareDateTimes('2024-03-01', 'bad')).toBeLessThan(0);
    expect(compareDateTimes('2024-03-01', '2024-03-01')).toBe(0);
  });
});

describe('daysBetween', () => {
  it('counts local calendar days', () => {
    expect(daysBetween('2024-01-01', '2024-03-31')).toBe(90);
    expect(daysBetween('2024-03-01T23:59:00-05:00', '2024-03-02T00:01:00+09:00')).toBe(1);
    expect(daysBetween('2024-03-10', '2024-03-01')).toBe(-9);
    expect(Number.isNaN(daysBetween('x', '2024-03-01'))).toBe(true);
  });
  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('ageBandAt', () => {
  it('moves to the next band on the birthday itself', () => {
    expect(ageBandAt('2006-05-10', '2024-05-09')).toBe('adolescent');
    expect(ageBandAt('2006-05-10', '2024-05-10T08:00:00+02:00')).toBe('adult');
    expect(ageBandAt('2011-05-10', '2024-05-10')).toBe('adolescent');
    expect(ageBandAt('2011-05-10', '2024-05-09')).toBe('child');
    expect(ageBandAt('2018-05-10', '2024-05-10')).toBe('child');
    expect(ageBandAt('2018-05-10', '2024-05-09')).toBe('young-child');
  });
  it('takes a partial birth date as its latest possible day', () => {
    expect(ageBandAt('2011', '2024-12-30')).toBe('child');
    expect(ageBandAt('2011', '2024-12-31')).toBe('adolescent');
    expect(ageBandAt('2011-02', '2024-02-27')).toBe('child');
    expect(ageBandAt('2011-02', '2024-02-28')).toBe('adolescent');
    expect(ageBandAt('2012-02', '2025-02-28')).toBe('child'); // February 2012 ends on the 29th
    expect(ageBandAt('2012-02', '2025-03-01')).toBe('adolescent');
  });
  it('reaches a 29 February birthday on 1 March in other years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('has no band for invalid dates or a day before the birth', () => {
    expect(ageBandAt('not a date', '2024-01-01')).toBeUndefined();
    expect(ageBandAt('2024-05-10', '2024-05-09')).toBeUndefined();
    expect(ageBandAt('2000-01-01', '2024-05')).toBeUndefined();
    expect(ageBandAt('2000-01-01T10:00:00Z', '2024-05-01')).toBeUndefined();
  });
});

describe('newestFirst', () => {
  it('is exactly the reverse of compareDateTimes order (invalid values, which sort last, come first)', () => {
    const items = [
      '2024-03-01T09:00:00+01:00',
      'not a date',
      '2024-03-01T08:00:00Z',
      '2024-02-29',
      '2024-03-01T07:00:00-01:00',
      'x',
    ].map((authored, i) => ({ authored, i }));
    const expected = [...items].sort((x, y) => compareDateTimes(y.authored, x.authored));
    expect(newestFirst(items, (item) => item.authored)).toEqual(expected);
    const order = newestFirst(items, (item) => item.authored).map((item) => item.authored);
    expect(new Set(order.slice(0, 2))).toEqual(new Set(['x', 'not a date']));
    // One instant written in three offsets: by the text, reversed.
    expect(order.slice(2)).toEqual([
      '2024-03-01T09:00:00+01:00',
      '2024-03-01T08:00:00Z',
      '2024-03-01T07:00:00-01:00',
      '2024-02-29',
    ]);
  });
});
