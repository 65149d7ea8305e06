import { type RefObject, type UIEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

// "Show all" on a history of thousands of rows: only the rows in and near the table's scroll box are in the
// document, with one spacer row above and one below standing in for the rest, so drawing, scrolling and every
// later keystroke cost what a short history's do (4,500 rows in the document froze the page for seconds and
// slowed every keystroke after). The table states its full size (aria-rowcount) and each row its place
// (aria-rowindex), so screen readers still announce "row 2,317 of 4,501". Paper gets every row (SessionTable).

/** A row's height before any has been measured (one line of the app's table at its base font size). */
export const ESTIMATED_ROW_PX = 33;
/** The scroll box's height before it has been measured (24rem at the base font size; no layout in tests). */
export const ESTIMATED_VIEWPORT_PX = 384;
/** Rows drawn beyond each edge of the box, so a quick scroll shows rows, not blank space, before the next frame. */
export const OVERSCAN_ROWS = 30;
/** Window edges move in steps of this many rows: scrolling within a step draws nothing again. */
const STEP_ROWS = 10;

export interface RowWindow {
  /** Index of the first row drawn. */
  readonly start: number;
  /** Index after the last row drawn. */
  readonly end: number;
}

interface Viewport {
  readonly scrollTop: number;
  readonly height: number;
}

/** Which of `total` rows of about `rowPx` each to draw for a scroll box at `viewport` (a pure function). */
export function rowWindow(viewport: Viewport, rowPx: number, total: number): RowWindow {
  const visible = Math.ceil(viewport.height / rowPx);
  // A box scrolled past the estimate's end (rows shorter than estimated) still shows the last rows.
  const first = Math.min(Math.floor(Math.max(0, viewport.scrollTop) / rowPx), Math.max(0, total - visible));
  const last = first + visible;
  const start = Math.floor(Math.max(0, first - OVERSCAN_ROWS) / STEP_ROWS) * STEP_ROWS;
  const end = Math.ceil((last + OVERSCAN_ROWS) / STEP_ROWS) * STEP_ROWS;
  return { start: Math.min(start, total), end: Math.min(end, total) };
}

export interface WindowedRows extends RowWindow {
  /** Heights (px) of the spacer rows standing in for the rows above and below the window; 0 when none. */
  readonly beforePx: number;
  readonly afterPx: number;
  /** For the scroll box: the window follows its scroll position. */
  readonly onScroll: (event: UIEvent<HTMLElement>) => void;
  /** For the row group: the drawn rows' height refines the estimate the spacers are sized by. */
  readonly bodyRef: RefObject<HTMLTableSectionElement | null>;
}

/** The rows of `total` to draw: all of them unless `windowed`, else those in and near the scroll box. */
export function useRowWindow(total: number, windowed: boolean): WindowedRows {
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: ESTIMATED_VIEWPORT_PX });
  const [rowPx, setRowPx] = useState(ESTIMATED_ROW_PX);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const current = windowed ? rowWindow(viewport, rowPx, total) : { start: 0, end: total };
  const beforePx = current.start * rowPx;
  const afterPx = (total - current.end) * rowPx;

  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => {
      const box = event.currentTarget;
      const next = { scrollTop: box.scrollTop, height: box.clientHeight || ESTIMATED_VIEWPORT_PX };
      // Scrolling within the drawn rows keeps the state as it was: nothing is drawn again.
      setViewport((was) => {
        const [before, after] = [rowWindow(was, rowPx, total), rowWindow(next, rowPx, total)];
        return before.start === after.start && before.end === after.end ? was : next;
      });
    },
    [rowPx, total],
  );

  // Rows wrap (the WAI-SR's twelve answers, notes) and fonts scale: the spacers follow the drawn rows' mean,
  // read after the browser's own layout (a ResizeObserver), never by forcing one in the middle of a frame.
  const drawn = useRef({ rows: 0, spacersPx: 0 });
  useLayoutEffect(() => {
    drawn.current = { rows: current.end - current.start, spacersPx: beforePx + afterPx };
  });
  useEffect(() => {
    const body = bodyRef.current;
    if (!windowed || !body || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const { rows, spacersPx } = drawn.current;
      const measured = rows > 0 && entry ? ((entry.borderBoxSize[0]?.blockSize ?? 0) - spacersPx) / rows : 0;
      // Only a clear change: a slightly different mean in every window would move the rows under the reader.
      setRowPx((was) => (measured > 0 && Math.abs(measured - was) / was > 0.1 ? measured : was));
    });
    observer.observe(body, { box: 'border-box' });
    return () => observer.disconnect();
  }, [windowed]);

  return { ...current, beforePx: windowed ? beforePx : 0, afterPx: windowed ? afterPx : 0, onScroll, bodyRef };
}
