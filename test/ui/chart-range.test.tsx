import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { given, showRecord } from './support/record';

// A 210-session line had markers only on its latest 100 points (a chain of beads); now the charts show a range
// of recent visits, every point of it marked, with a visible control for a wider range.

const weekly = Array.from({ length: 80 }, (_, w) =>
  given('ors', 1, () => 40 + (w % 20), {
    id: `ors-${w}`,
    authored: new Date(Date.UTC(2023, 0, 2 + 7 * w, 9)).toISOString().replace('.000Z', '+00:00'),
  }),
);

const outcomeMarks = () =>
  within(screen.getByRole('figure', { name: 'Outcome (ORS) per session' })).getAllByRole('img');

describe('charts at any length', () => {
  it('shows the latest 26 visits of a long history, each marked, and the whole of it on request', async () => {
    const user = userEvent.setup();
    await showRecord(weekly);
    const range = screen.getByRole('group', { name: 'Visits shown in the charts' });
    expect(
      within(range)
        .getAllByRole('button')
        .map((b) => [b.textContent, b.getAttribute('aria-pressed')]),
    ).toEqual([
      ['Last 12', 'false'],
      ['Last 26', 'true'],
      ['Last 52', 'false'],
      ['All 80', 'false'],
    ]);
    expect(outcomeMarks().map((m) => /^Session (\d+)/.exec(m.getAttribute('aria-label') ?? '')?.[1])).toEqual(
      Array.from({ length: 26 }, (_, i) => String(55 + i)),
    );
    await user.click(within(range).getByRole('button', { name: 'Last 12' }));
    expect(outcomeMarks()).toHaveLength(12);
    await user.click(within(range).getByRole('button', { name: 'All 80' }));
    // Eighty markers would touch: the line runs through all, the latest is marked, the table lists every one.
    expect(outcomeMarks().map((m) => m.getAttribute('aria-label')?.startsWith('Session 80,'))).toEqual([true]);
    await user.click(
      within(screen.getByRole('figure', { name: 'Outcome (ORS) per session' })).getByText('Show the data as a table'),
    );
    expect(within(screen.getByRole('figure', { name: 'Outcome (ORS) per session' })).getAllByRole('row')).toHaveLength(
      81,
    );
  });

  it('has no range control for a short history', async () => {
    await showRecord(weekly.slice(0, 8));
    expect(screen.queryByRole('group', { name: 'Visits shown in the charts' })).toBeNull();
    expect(outcomeMarks()).toHaveLength(8);
  });
});
