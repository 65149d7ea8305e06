import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS } from '../../src/ui/dashboard/SessionTable';
import { given, showRecord } from './support/record';

// Paper has no "show all" and no disclosure widgets: while printing, the session table holds every row and
// each chart its table, rendered in the `beforeprint` handler itself (the browser lays out right after it).

const weeks = FIRST_ROWS; // two responses a week: more rows than the screen shows at first
const history = Array.from({ length: weeks }, (_, w) => [
  given('ors', 1, () => 40 + (w % 5), { id: `ors-${w}`, authored: weekly(w, 10) }),
  given('srs', 1, () => 95, { id: `srs-${w}`, authored: weekly(w, 11) }),
]).flat();

function weekly(week: number, hour: number): string {
  return new Date(Date.UTC(2024, 0, 1 + 7 * week, hour)).toISOString().replace('.000Z', '+00:00');
}

const responseRows = () =>
  within(screen.getByRole('table', { name: /Every response in the record/ })).getAllByRole('row').length - 1;
const chartTables = () => screen.getAllByRole('figure').map((figure) => within(figure).queryByRole('table'));

describe('printing', () => {
  it('renders every session row and every chart table at beforeprint, and the screen view again after', async () => {
    await showRecord(history);
    expect(responseRows()).toBe(FIRST_ROWS);
    expect(chartTables()).toEqual([null, null]);

    window.dispatchEvent(new Event('beforeprint'));
    // No waiting: the printout is laid out as soon as the handlers return.
    expect(responseRows()).toBe(2 * weeks);
    expect(chartTables().map((table) => (table ? within(table).getAllByRole('row').length - 1 : 0))).toEqual([
      weeks,
      weeks,
    ]);

    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(responseRows()).toBe(FIRST_ROWS);
    expect(
      screen.getByRole('button', { name: `Showing the latest ${FIRST_ROWS} of ${2 * weeks} — show all` }),
    ).toBeTruthy();
  });

  it('puts the patient on paper even when the EHR shows its own banner on screen', async () => {
    const { container } = await showRecord([given('ors', 3, () => 50)]);
    expect(screen.queryByRole('region', { name: 'Patient' })).toBeNull();
    const banner = container.querySelector('.patient-banner.print-only');
    expect(banner?.hasAttribute('hidden')).toBe(true);
    expect(banner?.textContent).toMatch(/^Unnamed patientBorn May 5, 1980Adult$/);
  });
});
