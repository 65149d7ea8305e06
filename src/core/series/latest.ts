import type { SeriesPoint } from './types';

/**
 * The latest point of a series and the one before it; a missing one is left out rather than undefined.
 * Several rules and the assessment call this per patient, so it sets keys instead of spreading.
 */
export function lastTwo(points: readonly SeriesPoint[]): { latest?: SeriesPoint; previous?: SeriesPoint } {
  const two: { latest?: SeriesPoint; previous?: SeriesPoint } = {};
  const latest = points.at(-1);
  const previous = points.at(-2);
  if (latest) two.latest = latest;
  if (previous) two.previous = previous;
  return two;
}
