import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { given, showRecord } from './support/record';

// A new episode restarted the table at session 1 with no marker, and the previous episode could not be opened.

const on = (date: string) => `${date}T10:00:00+01:00`;
const history = [
  given('ors', 1, () => 30, { id: 'e1-1', authored: on('2025-01-06') }),
  given('ors', 1, () => 50, { id: 'e1-2', authored: on('2025-01-13') }),
  given('ors', 1, () => 70, { id: 'e1-3', authored: on('2025-01-20') }),
  // Five months later: a new episode of care.
  given('ors', 1, () => 40, { id: 'e2-1', authored: on('2025-06-16') }),
  given('ors', 1, () => 45, { id: 'e2-2', authored: on('2025-06-23') }),
];

describe('episodes of care', () => {
  it('marks where each episode begins in the table', async () => {
    await showRecord(history);
    const table = screen.getByRole('table', { name: /Every response/ });
    const markers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent)
      .filter((text) => text?.startsWith('Episode'));
    expect(markers).toEqual(['Episode 2, from Jun 16, 2025', 'Episode 1, from Jan 6, 2025']);
  });

  it('opens an earlier episode in the charts and says the status is about the current one', async () => {
    const user = userEvent.setup();
    await showRecord(history);
    const marks = () =>
      within(screen.getByRole('figure', { name: 'Outcome (ORS) per session' }))
        .getAllByRole('img')
        .map((m) => m.getAttribute('aria-label')?.split(' — ')[0]);
    expect(marks()).toEqual([
      expect.stringMatching(/^Session 1, Jun 16, 2025: 16\.0/),
      expect.stringMatching(/^Session 2, Jun 23, 2025: 18\.0/),
    ]);
    const picker = screen.getByRole('group', { name: 'Episode of care shown in the charts' });
    expect(
      within(picker)
        .getByRole('button', { name: 'Episode 2 (current, from Jun 16, 2025)' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await user.click(within(picker).getByRole('button', { name: 'Episode 1 (from Jan 6, 2025)' }));
    expect(marks()).toEqual([
      'Session 1, Jan 6, 2025: 12.0',
      'Session 2, Jan 13, 2025: 20.0',
      'Session 3, Jan 20, 2025: 28.0',
    ]);
    expect(screen.getByRole('status').textContent).toBe(
      'The charts show episode 1. The status and alerts are about the current episode.',
    );
  });
});
