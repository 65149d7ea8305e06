import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, SessionTable, WINDOWED_FROM } from '../../src/ui/dashboard/SessionTable';
import {
  ESTIMATED_ROW_PX,
  ESTIMATED_VIEWPORT_PX,
  OVERSCAN_ROWS,
  rowWindow,
} from '../../src/ui/dashboard/use-row-window';
import type { EpisodeView, SessionRow } from '../../src/ui/dashboard/view-model';
import { createI18n } from '../../src/ui/i18n/with-dashboard';

// "Show all" on a very long history: the whole table is there for the keyboard, screen readers (its size and each
// row's place) and paper, but only the rows in and near the scroll box are in the document. The 4,500-row
// figures (longest task) are measured in a real browser by `npm run bench -- app`.

const TOTAL = 1_200;

/** Newest first, as the app lists them: row i is session TOTAL - i. */
function sessionRows(total: number, episodeOf: (session: number) => number | undefined = () => undefined) {
  return Array.from({ length: total }, (_, i): SessionRow => ({
    id: `r${total - i}`,
    date: '2025-01-01',
    instrument: 'ors',
    session: total - i,
    episode: episodeOf(total - i),
    total: 20,
    subscales: undefined,
    status: 'saved',
    note: undefined,
  }));
}

async function showTable(rows: readonly SessionRow[], episodes: readonly EpisodeView[] = []) {
  render(
    <I18nextProvider i18n={await createI18n('en')}>
      <SessionTable rows={rows} episodes={episodes} />
    </I18nextProvider>,
  );
  const table = screen.getByRole('table', { name: /Every response/ });
  const region = screen.getByRole('region', { name: 'All responses, scrollable table' });
  await userEvent.click(
    screen.getByRole('button', { name: `Showing the latest ${FIRST_ROWS} of ${rows.length} — show all` }),
  );
  return { table, region };
}

/** The drawn rows (spacers are hidden from assistive technology) by their aria-rowindex. */
function drawnRowIndexes(table: HTMLElement): number[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Number(row.getAttribute('aria-rowindex')));
}

function scrollTo(region: HTMLElement, top: number) {
  act(() => {
    region.scrollTop = top;
    fireEvent.scroll(region);
  });
}

describe('show all on a very long history', () => {
  it('draws a shorter table whole', async () => {
    const { table } = await showTable(sessionRows(WINDOWED_FROM));
    expect(table.hasAttribute('aria-rowcount')).toBe(false);
    expect(within(table).getAllByRole('row')).toHaveLength(WINDOWED_FROM + 1);
  });

  it('states the whole table’s size and draws only the rows at the top of the scroll box', async () => {
    const { table, region } = await showTable(sessionRows(TOTAL));
    expect(table.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    const expected = rowWindow({ scrollTop: 0, height: ESTIMATED_VIEWPORT_PX }, ESTIMATED_ROW_PX, TOTAL);
    expect(drawnRowIndexes(table)).toEqual(Array.from({ length: expected.end }, (_, i) => i + 2));
    expect(expected.end).toBeLessThan(FIRST_ROWS);
    expect(within(table).getByRole('row', { name: new RegExp(`^Jan 1, 2025 ORS ${TOTAL} `) })).toBeTruthy();
    expect(document.activeElement).toBe(region);
    expect(screen.queryByRole('button', { name: /show all/ })).toBeNull();
  });

  it('draws the rows scrolled to, with spacers keeping the table’s full height', async () => {
    const { table, region } = await showTable(sessionRows(TOTAL));
    scrollTo(region, 700 * ESTIMATED_ROW_PX);
    const indexes = drawnRowIndexes(table);
    // Row 700 of the list (session 500) is at the top of the box, with rows either side of it.
    expect(indexes[0]).toBeLessThanOrEqual(2 + 700 - OVERSCAN_ROWS);
    expect(indexes.at(-1)).toBeGreaterThanOrEqual(2 + 700 + ESTIMATED_VIEWPORT_PX / ESTIMATED_ROW_PX + OVERSCAN_ROWS);
    expect(indexes).toEqual(Array.from({ length: indexes.length }, (_, i) => indexes[0]! + i));
    expect(within(table).getByRole('row', { name: /^Jan 1, 2025 ORS 500 / })).toBeTruthy();
    expect(within(table).queryByRole('row', { name: new RegExp(`^Jan 1, 2025 ORS ${TOTAL} `) })).toBeNull();
    const spacers = [...table.querySelectorAll<HTMLElement>('tr[aria-hidden="true"] td')];
    const heights = spacers.map((td) => Number.parseFloat(td.style.height));
    expect(heights).toEqual([(indexes[0]! - 2) * ESTIMATED_ROW_PX, (TOTAL + 1 - indexes.at(-1)!) * ESTIMATED_ROW_PX]);
  });

  it('reaches the last row at the bottom of the scroll box', async () => {
    const { table, region } = await showTable(sessionRows(TOTAL));
    scrollTo(region, TOTAL * ESTIMATED_ROW_PX);
    expect(drawnRowIndexes(table).at(-1)).toBe(TOTAL + 1);
    expect(within(table).getByRole('row', { name: /^Jan 1, 2025 ORS 1 / })).toBeTruthy();
    expect(table.querySelectorAll('tr[aria-hidden="true"]')).toHaveLength(1);
  });

  it('counts the episode markers among the rows', async () => {
    const episodes: EpisodeView[] = [1, 2].map((index) => ({
      index,
      startDate: '2024-01-01',
      outcomeInstrument: 'ors',
      allianceInstrument: 'srs',
      outcome: [],
      alliance: [],
      inventory: [],
    }));
    const { table, region } = await showTable(
      sessionRows(TOTAL, (s) => (s > TOTAL / 2 ? 2 : 1)),
      episodes,
    );
    expect(table.getAttribute('aria-rowcount')).toBe(String(TOTAL + 3));
    scrollTo(region, (TOTAL / 2) * ESTIMATED_ROW_PX);
    const marker = within(table).getByRole('row', { name: /Episode 1/ });
    // Header, episode 2's marker, its TOTAL / 2 rows, then episode 1's marker.
    expect(marker.getAttribute('aria-rowindex')).toBe(String(TOTAL / 2 + 3));
  });

  it('puts every row on paper while printing, and the window back after', async () => {
    const { table, region } = await showTable(sessionRows(TOTAL));
    scrollTo(region, 300 * ESTIMATED_ROW_PX);
    const onScreen = drawnRowIndexes(table);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(TOTAL);
    expect(table.hasAttribute('aria-rowcount')).toBe(false);
    expect(table.querySelector('tr[aria-hidden="true"]')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(drawnRowIndexes(table)).toEqual(onScreen);
  });
});

describe('the window of rows', () => {
  it('covers the box and the overscan either side, in steps, within the table', () => {
    const box = { scrollTop: 1000, height: 400 };
    const { start, end } = rowWindow(box, 20, 4500);
    expect(start).toBeLessThanOrEqual(50 - OVERSCAN_ROWS);
    expect(end).toBeGreaterThanOrEqual(70 + OVERSCAN_ROWS);
    expect(start % 10).toBe(0);
    expect(rowWindow({ scrollTop: 1009, height: 400 }, 20, 4500)).toEqual({ start, end });
    expect(rowWindow({ scrollTop: 0, height: 400 }, 20, 4500).start).toBe(0);
    expect(rowWindow({ scrollTop: 10 ** 6, height: 400 }, 20, 4500)).toEqual({ start: 4450, end: 4500 });
    expect(rowWindow({ scrollTop: 4490 * 20, height: 400 }, 20, 4500).end).toBe(4500);
  });
});
