import type { SeriesPoint } from './types';

export type ReliableChange = 'improved' | 'deteriorated' | 'none';

/** Change between two points, in points, decided in whole tenths so that exactly the RCI counts as reliable. */
export interface Change {
  readonly sinceIntake: number;
  readonly sincePrevious?: number;
  readonly reliable: ReliableChange;
}

/** A threshold in points as whole tenths (thresholds are applied at the scores' own precision). */
export function tenths(points: number): number {
  return Math.round(points * 10);
}

/** Change from one point to a later one, in points (computed from exact tenths). */
export function pointsBetween(from: SeriesPoint, to: SeriesPoint): number {
  return (to.totalTenths - from.totalTenths) / 10;
}

/** Whether `to` is at least `points` below `from`; exactly the threshold counts as a drop. */
export function droppedBy(from: SeriesPoint, to: SeriesPoint, points: number): boolean {
  return to.totalTenths - from.totalTenths <= -tenths(points);
}

export function reliableChange(changeTenths: number, rciPoints: number): ReliableChange {
  const rci = tenths(rciPoints);
  if (changeTenths >= rci) return 'improved';
  if (changeTenths <= -rci) return 'deteriorated';
  return 'none';
}

/** Change of the latest point against the intake (first point) and the one before it; undefined when empty. */
export function changeOf(points: readonly SeriesPoint[], rciPoints: number): Change | undefined {
  const intake = points[0];
  const latest = points.at(-1);
  if (!intake || !latest) return undefined;
  const previous = points.at(-2);
  return {
    sinceIntake: pointsBetween(intake, latest),
    ...(previous ? { sincePrevious: pointsBetween(previous, latest) } : {}),
    reliable: reliableChange(latest.totalTenths - intake.totalTenths, rciPoints),
  };
}
