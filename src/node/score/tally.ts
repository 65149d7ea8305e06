// What a run (or one thread's share of it) counted; threads' tallies are added up for the summary line.

export interface Tally {
  lines: number;
  responses: number;
  bad: number;
  patients: number;
  /** Resources of types the scorer does not read, by type. */
  skipped: Record<string, number>;
}

export function emptyTally(): Tally {
  return { lines: 0, responses: 0, bad: 0, patients: 0, skipped: {} };
}

export function addTally(into: Tally, from: Tally): void {
  into.lines += from.lines;
  into.responses += from.responses;
  into.bad += from.bad;
  into.patients += from.patients;
  for (const [type, count] of Object.entries(from.skipped)) into.skipped[type] = (into.skipped[type] ?? 0) + count;
}

export function describeTally(tally: Tally): string {
  const skipped = Object.entries(tally.skipped)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => `${type} ${count}`);
  const tail = skipped.length > 0 ? `; skipped (not scored): ${skipped.join(', ')}` : '';
  return `scored ${tally.responses} responses for ${tally.patients} patients; ${tally.bad} bad${tail}`;
}
