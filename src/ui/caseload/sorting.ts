import { compareByNeed } from '../../core/caseload/row';
import type { CaseloadEntry } from './load-caseload';

// The list's orders. Need is the default (the core's ranking); the other columns sort as people expect, with
// the clients that have no value (no appointment, never measured) last either way.

export type SortKey = 'need' | 'name' | 'next' | 'since';
export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

export const NEED_SORT: Sort = { key: 'need', descending: false };

function compareOptional<T>(
  a: T | undefined,
  b: T | undefined,
  compare: (x: T, y: T) => number,
  descending: boolean,
): number {
  if (a === undefined || b === undefined) return Number(a === undefined) - Number(b === undefined);
  return descending ? compare(b, a) : compare(a, b);
}

const byString = (x: string, y: string): number => x.localeCompare(y);
const byNumber = (x: number, y: number): number => x - y;

export function sortEntries(entries: readonly CaseloadEntry[], sort: Sort): CaseloadEntry[] {
  const need = (a: CaseloadEntry, b: CaseloadEntry): number => compareByNeed(a.row, b.row);
  const compare = {
    need: (a: CaseloadEntry, b: CaseloadEntry) => (sort.descending ? need(b, a) : need(a, b)),
    name: (a: CaseloadEntry, b: CaseloadEntry) => compareOptional(a.name, b.name, byString, sort.descending),
    next: (a: CaseloadEntry, b: CaseloadEntry) => compareOptional(a.nextVisit, b.nextVisit, byString, sort.descending),
    since: (a: CaseloadEntry, b: CaseloadEntry) =>
      compareOptional(a.row.daysSinceLastMeasure, b.row.daysSinceLastMeasure, byNumber, sort.descending),
  }[sort.key];
  return [...entries].sort((a, b) => compare(a, b) || need(a, b));
}

/** Pressing a column's button: a new column sorts ascending, the same column flips. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}
