// Item answers that add up to a chosen total, so each story's scores are exactly what its rules need,
// while the items still vary like real responses.
import type { Random } from './prng';
import { randomInt } from './prng';

/** Splits a rating-line total (points, one decimal) into whole-millimetre items of 0–100 that sum exactly. */
export function ratingLineItems(totalPoints: number, itemCount: number, random: Random, spreadMm: number): number[] {
  let remaining = Math.round(totalPoints * 10);
  const items: number[] = [];
  for (let i = 0; i < itemCount - 1; i++) {
    const left = itemCount - i - 1;
    const share = Math.round(remaining / (left + 1)) + randomInt(random, -spreadMm, spreadMm);
    const value = Math.min(100, remaining, Math.max(0, remaining - 100 * left, share));
    items.push(value);
    remaining -= value;
  }
  items.push(remaining);
  return items;
}

/** Four Likert answers (1–5) whose mean is the subscale mean asked for (rounded to quarters). */
export function likertItems(mean: number, random: Random): number[] {
  let remaining = Math.min(20, Math.max(4, Math.round(mean * 4)));
  const items: number[] = [];
  for (let left = 3; left >= 0; left--) {
    const share = Math.round(remaining / (left + 1)) + randomInt(random, -1, 1);
    const value = Math.min(5, Math.max(1, remaining - 5 * left, Math.min(share, remaining - left)));
    items.push(left === 0 ? remaining : value);
    remaining -= items[items.length - 1] ?? 0;
  }
  return items;
}
