import type { SeriesPoint } from './types';

/** The latest point of a series and the one before it. */
export function lastTwo(points: readonly SeriesPoint[]): { latest?: SeriesPoint; previous?: SeriesPoint } {
  const latest = points.at(-1);
  const previous = points.at(-2);
  return { ...(latest ? { latest } : {}), ...(previous ? { previous } : {}) };
}
