import { useCallback, useEffect, useState } from 'react';

// "Show all" on a history of thousands of rows: the rows are added a slice at a time, one slice per task
// (each slice its own memoised row group in SessionTable.tsx),
// so the page never stops answering for long (drawing 4,500 rows at once froze it for seconds). Every row
// still ends up in the document: find-in-page, screen readers and print see them all.

/** Rows added per task: drawing this many stays well under the 100 ms a long task starts at. */
export const ROWS_PER_SLICE = 100;

/** How many of `total` rows to draw: `first` until `showAll` is called, then growing to `total`. */
export function useProgressiveRows(
  total: number,
  first: number,
): { readonly count: number; readonly showAll: () => void; readonly growing: boolean } {
  const [target, setTarget] = useState(first);
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= Math.min(target, total)) return undefined;
    const timer = setTimeout(() => setCount((n) => Math.min(n + ROWS_PER_SLICE, target, total)), 0);
    return () => clearTimeout(timer);
  }, [count, target, total]);
  const showAll = useCallback(() => {
    setTarget(Number.POSITIVE_INFINITY);
    setCount((n) => Math.min(n + ROWS_PER_SLICE, total));
  }, [total]);
  return { count: Math.min(count, total), showAll, growing: count < Math.min(target, total) };
}
