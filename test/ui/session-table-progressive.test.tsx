import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, SessionTable } from '../../src/ui/dashboard/SessionTable';
import { ROWS_PER_SLICE } from '../../src/ui/dashboard/use-progressive-rows';
import type { SessionRow } from '../../src/ui/dashboard/view-model';
import { createI18n } from '../../src/ui/i18n';

// "Show all" on a long history draws the rows a slice per task (no long freeze), and ends with every row drawn.

// Enough rows for several slices; the 4,500-row figure is measured in a real browser by `npm run bench`.
const TOTAL = 1_200;

describe('show all on a very long history', () => {
  it('adds the rows a slice at a time until every one is in the table', async () => {
    const rows: SessionRow[] = Array.from({ length: TOTAL }, (_, i) => ({
      id: `r${i}`,
      date: '2025-01-01',
      instrument: 'ors',
      session: i + 1,
      total: 20,
      subscales: undefined,
      status: 'saved',
      note: undefined,
    }));
    render(
      <I18nextProvider i18n={await createI18n('en')}>
        <SessionTable rows={rows} />
      </I18nextProvider>,
    );
    // Counted through the DOM, not role queries: those are slow over thousands of rows.
    const table = screen.getByRole('table', { name: /Every response/ });
    const bodyRows = () => table.querySelectorAll('tbody tr').length;
    expect(bodyRows()).toBe(FIRST_ROWS);
    await userEvent.click(
      screen.getByRole('button', { name: `Showing the latest ${FIRST_ROWS} of ${TOTAL} — show all` }),
    );
    const afterClick = bodyRows();
    expect(afterClick).toBeGreaterThan(FIRST_ROWS);
    expect(afterClick).toBeLessThan(TOTAL);
    await waitFor(() => expect(bodyRows()).toBe(TOTAL));
    expect(screen.queryByRole('button', { name: /show all/ })).toBeNull();
    expect(table.getAttribute('aria-busy')).toBeNull();
    expect(within(table).getByText(String(TOTAL))).toBeTruthy();
    expect(ROWS_PER_SLICE).toBeLessThanOrEqual(500);
  });
});
