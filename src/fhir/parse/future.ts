// A response "authored" in the future is wrong data (a mistyped year, a device clock), and taken as the
// latest it would hide the real latest one and its alerts. Clocks differ by a little, so a few minutes
// ahead are tolerated. The reader's "now" comes in from outside: parsing itself reads no clock.

/** Clock difference tolerated between the server, the EHR and this machine. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** A date without a time may be "today" anywhere on Earth: up to 14 hours ahead of UTC. */
const EARLIEST_ZONE_MS = 14 * 3600_000;

/** Whether `authored` lies beyond the tolerance after `now` (ms since the epoch), read as early as it can be. */
export function isBeyondNow(authored: string, now: number): boolean {
  const at = Date.parse(authored);
  if (Number.isNaN(at)) return false;
  const earliest = authored.includes('T') ? at : at - EARLIEST_ZONE_MS;
  return earliest > now + FUTURE_TOLERANCE_MS;
}
