// Reading a FHIR date or dateTime (dates.ts explains how the clinic's days are taken from it). The pattern
// below is the definition; the full form every response's `authored` has (YYYY-MM-DDThh:mm:ss, an optional
// fraction, an offset) is also read character by character, without the pattern's match array and
// substrings, because it is read for every response scored. Both give the same answer (a property test
// holds them to it); anything the direct reading does not recognise goes to the pattern.

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export interface ParsedDateTime {
  /** YYYY, YYYY-MM or YYYY-MM-DD as written. */
  readonly date: string;
  /** Milliseconds since the epoch; a value without a time is its day's start in UTC. */
  readonly instant: number;
  readonly precision: 'year' | 'month' | 'day' | 'time';
  /** The local calendar day as a day count since 1970-01-01 (for day arithmetic). */
  readonly day: number;
  /** The offset written, in minutes east of UTC (0 when none). */
  readonly offset: number;
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : monthLengths[month - 1]!;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

type Precision = ParsedDateTime['precision'];

/** The checks and arithmetic shared by both readings. */
function build(
  value: string,
  precision: Precision,
  [year, month, day, hour, minute, second]: readonly number[],
  millis: number,
  offset: number,
): ParsedDateTime | undefined {
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59 || Math.abs(offset) > 14 * 60) return undefined;
  const instant = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millis) - offset * 60_000;
  return {
    date: value.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10),
    instant,
    precision,
    day: Date.UTC(year!, month! - 1, day!) / 86_400_000,
    offset,
  };
}

const millisOf = (frac: string | undefined): number => (frac === undefined ? 0 : Math.floor(Number(`0${frac}`) * 1000));

/** The definition: every FHIR date or dateTime form, read through the pattern. */
export function parseByPattern(value: string): ParsedDateTime | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h !== undefined && zone === undefined) return undefined; // FHIR: a time needs its offset
  const precision = h !== undefined ? 'time' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  const parts = [Number(y), mo === undefined ? 1 : Number(mo), d === undefined ? 1 : Number(d)];
  parts.push(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  return build(value, precision, parts, millisOf(frac), offsetMinutes(zone));
}

const ZERO = 48;
const isDigit = (code: number): boolean => code >= ZERO && code <= ZERO + 9;

/** Two digits at `at` as a number, or -1 when either is not a digit. */
function twoDigits(value: string, at: number): number {
  const a = value.charCodeAt(at);
  const b = value.charCodeAt(at + 1);
  return isDigit(a) && isDigit(b) ? (a - ZERO) * 10 + (b - ZERO) : -1;
}

/** The offset at the end of a full dateTime (from `at`), in minutes; undefined when it is not one. */
function trailingOffset(value: string, at: number): number | undefined {
  if (at === value.length - 1 && value.charCodeAt(at) === 0x5a) return 0; // Z
  const sign = value.charCodeAt(at);
  if (at !== value.length - 6 || (sign !== 0x2b && sign !== 0x2d) || value.charCodeAt(at + 3) !== 0x3a)
    return undefined;
  const hours = twoDigits(value, at + 1);
  const minutes = twoDigits(value, at + 4);
  if (hours < 0 || minutes < 0) return undefined;
  return (sign === 0x2d ? -1 : 1) * (hours * 60 + minutes);
}

/** YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm) read directly; undefined when the value has another form. */
function parseFullForm(value: string): ParsedDateTime | undefined {
  if (value.length < 20 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return undefined;
  if (value.charCodeAt(10) !== 0x54 || value.charCodeAt(13) !== 0x3a || value.charCodeAt(16) !== 0x3a) return undefined;
  const century = twoDigits(value, 0);
  const yearInCentury = twoDigits(value, 2);
  const parts = [
    century * 100 + yearInCentury,
    twoDigits(value, 5),
    twoDigits(value, 8),
    twoDigits(value, 11),
    twoDigits(value, 14),
    twoDigits(value, 17),
  ];
  if (century < 0 || yearInCentury < 0 || parts.includes(-1)) return undefined;
  let zoneAt = 19;
  if (value.charCodeAt(19) === 0x2e) {
    do zoneAt++;
    while (isDigit(value.charCodeAt(zoneAt)));
    if (zoneAt === 20) return undefined;
  }
  const offset = trailingOffset(value, zoneAt);
  if (offset === undefined) return undefined;
  const millis = zoneAt === 19 ? 0 : millisOf(value.slice(19, zoneAt));
  return build(value, 'time', parts, millis, offset);
}

/** Parses a FHIR date or dateTime; undefined when it is not one (wrong shape or an impossible day/time). */
export function parseDateTime(value: string): ParsedDateTime | undefined {
  return parseFullForm(value) ?? parseByPattern(value);
}
