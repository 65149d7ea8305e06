import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { FIRST_ROWS } from '../../src/ui/dashboard/SessionTable';
import type { DashboardModel, SessionRow } from '../../src/ui/dashboard/view-model';
import { createI18n } from '../../src/ui/i18n';

const points = [15.2, 16, 14.8, 13.9].map((total, i) => ({ administrationId: `ors-${i}`, session: i + 1, date: `2025-04-0${i + 1}`, total }));

function model(overrides: Partial<DashboardModel> = {}): DashboardModel {
  return {
    patient: { name: 'Ana Test', birthDate: '1990-02-03', gender: 'female' },
    ageBand: 'adult', needPatientBanner: false, licence: null,
    outcome: { status: 'not-on-track', instrument: 'ors', cutoff: 25, reliableChange: 5, points, expected: [{ session: 1, value: 15.2 }, { session: 4, value: 20 }], band: 'not-on-track', notScored: 0 },
    alliance: { status: 'good', instrument: 'srs', cutoff: 36, points: [] },
    inventory: [],
    alerts: [
      { rule: 'alliance-dip', severity: 'low', flag: false, inRecord: false, evidence: [], facts: {} },
      { rule: 'outcome-not-on-track-early', severity: 'medium', flag: true, inRecord: true, evidence: [{ administrationId: 'ors-0', date: '2025-04-01', instrument: 'ors', session: 1 }], facts: { intake: 15.2, change: -1.3 } },
    ],
    sessions: [],
    unreadable: [],
    ...overrides,
  };
}

async function show(m: DashboardModel) {
  const i18n = await createI18n('en');
  return render(<I18nextProvider i18n={i18n}><Dashboard model={m} /></I18nextProvider>);
}

describe('clinician view components', () => {
  it('shows the patient banner only when the EHR asks for it', async () => {
    const { unmount } = await show(model());
    expect(screen.queryByRole('region', { name: 'Patient' })).toBeNull();
    unmount();
    await show(model({ needPatientBanner: true }));
    expect(within(screen.getByRole('region', { name: 'Patient' })).getByText('Ana Test')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Patient' })).getByText('Female')).toBeTruthy();
  });

  it('shows the evaluation notice without a licence, and the licence when configured', async () => {
    const { unmount } = await show(model());
    expect(screen.getByRole('note').textContent).toMatch(/Evaluation use — no instrument licence configured/);
    unmount();
    await show(model({ licence: { holder: 'Clinic A', reference: 'LIC-42', instruments: ['ors', 'srs'], validUntil: '2027-01-31' } }));
    expect(screen.getByRole('note').textContent).toBe('Instrument licence: Clinic A, LIC-42, valid until Jan 31, 2027 (ORS, SRS)');
  });

  it('shows a point’s exact values when it gets keyboard focus', async () => {
    await show(model());
    const figure = screen.getByRole('figure', { name: 'Outcome (ORS) per session' });
    const markers = within(figure).getAllByRole('img');
    expect(markers).toHaveLength(points.length);
    await userEvent.tab();
    while (document.activeElement !== markers[3]) await userEvent.tab();
    expect(figure.querySelector('.tooltip')?.textContent).toBe('Session 4, Apr 4, 2025: 13.9 (expected 20.0)');
  });

  it('gives each chart one tab stop, its latest point, and moves between points with the arrow keys', async () => {
    const user = userEvent.setup();
    await show(model());
    const markers = within(screen.getByRole('figure', { name: 'Outcome (ORS) per session' })).getAllByRole('img');
    expect(markers.map((m) => m.getAttribute('tabindex'))).toEqual(['-1', '-1', '-1', '0']);
    while (document.activeElement !== markers[3]) await user.tab();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(markers[1]);
    await user.keyboard('{Home}{ArrowLeft}');
    expect(document.activeElement).toBe(markers[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(markers[3]);
    await user.tab();
    expect(document.activeElement?.tagName).toBe('SUMMARY');
  });

  it('puts Flags before in-app hints and marks each kind in words', async () => {
    await show(model());
    const items = within(screen.getByRole('region', { name: 'Alerts' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.alert-badge')?.textContent)).toEqual(['⚑ Flag in the record', 'In-app hint']);
    expect(items[0]?.textContent).toMatch(/Evidence: ORS session 1, Apr 1, 2025.*Figures: Intake 15\.2 · Change -1\.3/);
  });

  it('says a Flag is in the record only when the server holds it', async () => {
    const base = model();
    const pending = base.alerts.map((a) => ({ ...a, inRecord: false }));
    await show({ ...base, alerts: pending });
    const badges = screen.getAllByRole('listitem').map((li) => li.querySelector('.alert-badge')?.textContent).filter(Boolean);
    expect(badges).toEqual(['⚑ Flag — not in the record yet', 'In-app hint']);
  });

  it('lists the latest rows of a long history first and the rest on request', async () => {
    const rows: SessionRow[] = Array.from({ length: FIRST_ROWS + 5 }, (_, i) => ({
      id: `r${i}`, date: '2025-01-01', instrument: 'srs', session: i + 1, total: 38, subscales: undefined, status: 'saved', note: undefined,
    }));
    await show(model({ sessions: rows }));
    const table = () => screen.getByRole('table', { name: /Every response/ });
    expect(within(table()).getAllByRole('row')).toHaveLength(FIRST_ROWS + 1);
    await userEvent.click(screen.getByRole('button', { name: `Showing the latest ${FIRST_ROWS} of ${FIRST_ROWS + 5} — show all` }));
    expect(within(table()).getAllByRole('row')).toHaveLength(FIRST_ROWS + 6);
  });
});
