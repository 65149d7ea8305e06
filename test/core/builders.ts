import type { InstrumentId } from '../../src/core/instruments/types';
import type { Administration } from '../../src/core/model';

// Builders for administrations in tests: totals in points are spread over the four rating lines in whole
// millimetres, so a total of 24.9 is exactly 249 mm.

function spreadMm(totalPoints: number): number[] {
  const mm = Math.round(totalPoints * 10);
  const base = Math.floor(mm / 4);
  return [0, 1, 2, 3].map((i) => base + (i < mm - base * 4 ? 1 : 0));
}

export function ratingLines(
  instrument: Exclude<InstrumentId, 'wai-sr'>,
  id: string,
  authored: string,
  totalPoints: number,
): Administration {
  const answers = Object.fromEntries(spreadMm(totalPoints).map((mm, i) => [`${instrument}-${i + 1}`, mm]));
  return { id, instrument, authored, status: 'completed', answers };
}

export const ors = (id: string, authored: string, total: number): Administration =>
  ratingLines('ors', id, authored, total);
export const srs = (id: string, authored: string, total: number): Administration =>
  ratingLines('srs', id, authored, total);
export const cors = (id: string, authored: string, total: number): Administration =>
  ratingLines('cors', id, authored, total);
export const csrs = (id: string, authored: string, total: number): Administration =>
  ratingLines('csrs', id, authored, total);

/** A WAI-SR with each subscale's four items set to one value. */
export function waiSr(id: string, authored: string, per: { task: number; bond: number; goal: number }): Administration {
  const key: Record<number, keyof typeof per> = {
    1: 'task',
    2: 'task',
    10: 'task',
    12: 'task',
    3: 'bond',
    5: 'bond',
    7: 'bond',
    9: 'bond',
    4: 'goal',
    6: 'goal',
    8: 'goal',
    11: 'goal',
  };
  const answers = Object.fromEntries(Object.entries(key).map(([n, s]) => [`wai-sr-${n}`, per[s]]));
  return { id, instrument: 'wai-sr', authored, status: 'completed', answers };
}

/** ISO date `n` days after 2024-01-01 at 10:00 in the given offset. */
export function day(n: number, offset = '+00:00'): string {
  const d = new Date(Date.UTC(2024, 0, 1 + n));
  return `${d.toISOString().slice(0, 10)}T10:00:00${offset}`;
}

/** ORS responses one week apart from the given totals, ids o1, o2, ... */
export function orsSeries(totals: readonly number[], start = 0): Administration[] {
  return totals.map((t, i) => ors(`o${i + 1}`, day(start + i * 7), t));
}
