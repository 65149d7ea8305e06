// The UI's reading of the clock, in the form the domain wants: local wall time with its own offset, the
// way a paper form would be dated in the room.

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** YYYY-MM-DD of `date` in the device's time zone. */
export function localDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** FHIR dateTime of `date` in the device's time zone, to the second, with its offset (`+01:00`). */
export function localDateTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${localDate(date)}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
