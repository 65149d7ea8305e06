import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dashboardModel, given, showRecord } from './support/record';

// Sessions are numbered by visit: a day of contact in the episode, whatever was given. Numbering by outcome
// responses gave an SRS-only day the previous session's number and an SRS entered before the ORS "session 1" twice.

const at = (day: number, hour: number) =>
  `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+01:00`;
const history = [
  // Day 3: the SRS from paper was entered before the ORS.
  given('srs', 3, () => 95, { authored: at(3, 9) }),
  given('ors', 3, () => 40, { authored: at(3, 10) }),
  // Day 10: only an SRS.
  given('srs', 10, () => 92),
  given('ors', 17, () => 50, { authored: at(17, 10) }),
  given('srs', 17, () => 96, { authored: at(17, 11) }),
];

describe('session numbers by visit', () => {
  it('numbers the table by day of contact: one number per day, an SRS-only day a visit of its own', async () => {
    await showRecord(history);
    const rows = within(screen.getByRole('table', { name: /Every response/ }))
      .getAllByRole('row')
      .slice(1);
    const cells = rows.map((r) => [...r.querySelectorAll('td')].slice(1, 3).map((td) => td.textContent));
    expect(cells).toEqual([
      ['SRS', '3'],
      ['ORS', '3'],
      ['SRS', '2'],
      ['ORS', '1'],
      ['SRS', '1'],
    ]);
  });

  it('draws each SRS at its own visit and the ORS at theirs, with the expected trajectory moved to the visits', () => {
    const model = dashboardModel(history);
    expect(model.alliance.points.map((p) => p.session)).toEqual([1, 2, 3]);
    expect(model.outcome.points.map((p) => p.session)).toEqual([1, 3]);
    expect(model.outcome.expected.slice(0, 2).map((e) => e.session)).toEqual([1, 3]);
  });
});
