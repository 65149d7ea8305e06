import { daysInMonth, parseDateTime, type ParsedDateTime } from './date-time';
import type { AgeBand } from './instruments/types';

export type { ParsedDateTime } from './date-time';

// Dates the way the clinic lives them. A response's day is the calendar day written in its own offset (the
// client's local day), never the UTC day: a session at 23:30 in New York is that evening's session. Ordering
// of moments, on the other hand, is by the instant (UTC), so responses written in different offsets sort truly.

// Validation and scoring parse the same `authored` back to back; remembering the last answer halves the cost
// of the hottest path without any shared mutable state that could change a result.
let lastInput: string | undefined;
let lastParsed: ParsedDateTime | undefined;

/** Parses a FHIR date or dateTime; undefined when it is not one (wrong shape or an impossible day/time). */
export function parseFhirDateTime(value: string): ParsedDateTime | undefined {
  if (value !== lastInput) {
    lastParsed = parseDateTime(value);
    lastInput = value;
  }
  return lastParsed;
}

/** True for a FHIR dateTime precise to the day at least (what an `authored` needs to place a session). */
export function isDayPreciseDateTime(value: string): boolean {
  const parsed = parseFhirDateTime(value);
  return parsed !== undefined && (parsed.precision === 'day' || parsed.precision === 'time');
}

/**
 * The calendar date of a FHIR dateTime as written in its own offset (the client's local day), YYYY-MM-DD.
 * A partial value (YYYY or YYYY-MM) is returned as written; an invalid one yields ''.
 */
export function calendarDate(fhirDateTime: string): string {
  return parseFhirDateTime(fhirDateTime)?.date ?? '';
}

/** The instant of a FHIR dateTime in ms since the epoch (NaN when invalid). */
export function instantOf(fhirDateTime: string): number {
  return parseFhirDateTime(fhirDateTime)?.instant ?? Number.NaN;
}

/**
 * A total order of FHIR dateTimes: by instant (UTC), then by the text, so that the same instant written in
 * two offsets still sorts the same way whatever the input order. Invalid values sort last.
 */
export function compareDateTimes(a: string, b: string): number {
  return compareTimed(a, instantOf(a), b, instantOf(b));
}

function compareTimed(a: string, ia: number, b: string, ib: number): number {
  if (ia !== ib) {
    if (Number.isNaN(ia)) return 1;
    if (Number.isNaN(ib)) return -1;
    return ia - ib;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first in the order of compareDateTimes, each dateTime parsed once (not once per comparison). */
export function newestFirst<T>(items: readonly T[], dateTimeOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, text: dateTimeOf(item), instant: instantOf(dateTimeOf(item)) }));
  keyed.sort((x, y) => compareTimed(y.text, y.instant, x.text, x.instant));
  return keyed.map((k) => k.item);
}

function dayNumber(date: string): number {
  return parseFhirDateTime(date)?.day ?? Number.NaN;
}

/** Whole calendar days from a to b (b − a), each taken as its local calendar date. NaN when either is invalid. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const n = dayNumber(date) + days;
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The latest day a partial birth date can stand for: YYYY → YYYY-12-31, YYYY-MM → the month's last day.
 * Taking the latest day never overstates an age, so a client moves to the next age band only once they are
 * certainly old enough.
 */
export type BirthDay = readonly [year: number, month: number, day: number];

export function latestBirthDay(birthDate: string): BirthDay | undefined {
  return birthDayBound(birthDate, 'latest');
}

/** The earliest day a partial birth date can stand for: YYYY → YYYY-01-01, YYYY-MM → the month's first day. */
export function earliestBirthDay(birthDate: string): BirthDay | undefined {
  return birthDayBound(birthDate, 'earliest');
}

function birthDayBound(birthDate: string, bound: 'earliest' | 'latest'): BirthDay | undefined {
  const parsed = parseFhirDateTime(birthDate);
  if (!parsed || parsed.precision === 'time') return undefined;
  const y = digitsAt(parsed.date, 0, 4);
  if (parsed.precision === 'year') return bound === 'latest' ? [y, 12, 31] : [y, 1, 1];
  const m = digitsAt(parsed.date, 5, 2);
  if (parsed.precision === 'day') return [y, m, digitsAt(parsed.date, 8, 2)];
  return [y, m, bound === 'latest' ? daysInMonth(y, m) : 1];
}

/** A birth date's possible range, for age bands that must be certain (a partial date can straddle a birthday). */
export interface BirthRange {
  readonly earliest: BirthDay;
  readonly latest: BirthDay;
}

export function birthRange(birthDate: string): BirthRange | undefined {
  const earliest = earliestBirthDay(birthDate);
  const latest = latestBirthDay(birthDate);
  return earliest && latest ? { earliest, latest } : undefined;
}

/**
 * The age band on a date when the birth date settles it: a partial birth date whose earliest and latest days
 * give different bands on that day gives no band (the age checks are then left out, never guessed).
 */
export function certainAgeBandAt(birth: BirthRange, onDate: string): AgeBand | undefined {
  const { earliest, latest } = birth;
  const youngest = ageBandAt(latest, onDate);
  if (youngest === undefined) return undefined;
  // A full birth date is one day: its band is settled without asking twice (this runs for every response).
  if (earliest[0] === latest[0] && earliest[1] === latest[1] && earliest[2] === latest[2]) return youngest;
  return youngest === ageBandAt(earliest, onDate) ? youngest : undefined;
}

/** The number written by `length` ASCII digits from `from` (the caller knows they are digits). */
function digitsAt(text: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * Age in whole years on a date (the local day of a dateTime). A 29 February birthday counts as reached on
 * 1 March in other years. Undefined when a date is invalid or the day precedes the birth.
 */
export function ageInYears(birthDate: string | BirthDay, onDate: string): number | undefined {
  const birth = typeof birthDate === 'string' ? latestBirthDay(birthDate) : birthDate;
  const on = parseFhirDateTime(onDate);
  if (!birth || !on || on.precision === 'year' || on.precision === 'month') return undefined;
  const [by, bm, bd] = birth;
  // Read from the digits of YYYY-MM-DD in place (no substrings): this runs for every response scored.
  const oy = digitsAt(on.date, 0, 4);
  const om = digitsAt(on.date, 5, 2);
  const od = digitsAt(on.date, 8, 2);
  const before = om < bm || (om === bm && od < bd);
  const age = oy - by - (before ? 1 : 0);
  return age < 0 ? undefined : age;
}

/** 18+ adult, 13–17 adolescent, 6–12 child, under 6 young child; on the birthday the new band applies. */
export function ageBandAt(birthDate: string | BirthDay, onDate: string): AgeBand | undefined {
  const age = ageInYears(birthDate, onDate);
  if (age === undefined) return undefined;
  if (age >= 18) return 'adult';
  if (age >= 13) return 'adolescent';
  if (age >= 6) return 'child';
  return 'young-child';
}
