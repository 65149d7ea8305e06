import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { PrintHeader } from '../../src/ui/dashboard/PrintHeader';
import { FIRST_ROWS } from '../../src/ui/dashboard/SessionTable';
import type { DashboardModel, SessionRow } from '../../src/ui/dashboard/view-model';
import { createI18n } from '../../src/ui/i18n/with-dashboard';

const points = [15.2, 16, 14.8, 13.9].map((total, i) => ({
  administrationId: `ors-${i}`,
  session: i + 1,
  date: `2025-04-0${i + 1}`,
  total,
}));

function model(overrides: Partial<DashboardModel> = {}): DashboardModel {
  return {
    patient: { name: 'Ana Test', birthDate: '1990-02-03', gender: 'female' },
    ageBand: 'adult',
    needPatientBanner: false,
    clinicianName: undefined,
    licence: null,
    outcome: {
      status: 'not-on-track',
      instrument: 'ors',
      cutoff: 25,
      reliableChange: 5,
      points,
      expected: [
        { session: 1, value: 15.2 },
        { session: 4, value: 20 },
      ],
      band: 'not-on-track',
      notScored: 0,
    },
    alliance: { status: 'good', instrument: 'srs', cutoff: 36, points: [] },
    inventory: [],
    alerts: [
      {
        concern: 'outcome',
        severity: 'medium',
        recording: { kind: 'recorded' },
        reasons: [
          {
            rule: 'outcome-not-on-track-early',
            severity: 'medium',
            evidence: [{ administrationId: 'ors-0', date: '2025-04-01', instrument: 'ors', session: 1 }],
            facts: { intake: 15.2, change: -1.3 },
          },
        ],
      },
      {
        concern: 'alliance',
        severity: 'low',
        recording: { kind: 'app-only' },
        reasons: [
          {
            rule: 'alliance-item-concern',
            severity: 'low',
            evidence: [],
            facts: { items: 'srs-approach', lowest: 7, latest: 33.7 },
            items: [{ code: 'srs-approach', value: 7 }],
          },
          {
            rule: 'alliance-dip',
            severity: 'low',
            evidence: [],
            facts: { previous: 36.1, latest: 33.7, change: -2.4 },
          },
        ],
      },
    ],
    sessions: () => [],
    unreadable: [],
    refused: [],
    episodes: [],
    ...overrides,
  };
}

async function show(m: DashboardModel) {
  const i18n = await createI18n('en');
  return render(
    <I18nextProvider i18n={i18n}>
      <Dashboard model={m} />
    </I18nextProvider>,
  );
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
    await show(
      model({
        licence: { holder: 'Clinic A', reference: 'LIC-42', instruments: ['ors', 'srs'], validUntil: '2027-01-31' },
      }),
    );
    expect(screen.getByRole('note').textContent).toBe(
      'Instrument licence: Clinic A, LIC-42, valid until Jan 31, 2027 (ORS, SRS)',
    );
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

  it('shows one alert per concern with its reasons inside, priority and where it is kept in words', async () => {
    await show(model());
    const alerts = within(screen.getByRole('region', { name: 'Alerts' }))
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('alert'));
    expect(alerts.map((li) => li.querySelector('h3')?.textContent)).toEqual(['Outcome alert', 'Alliance alert']);
    expect(alerts.map((li) => li.querySelector('.alert-kind')?.textContent)).toEqual([
      '◆ Medium priorityRecorded in the chart',
      '● Low priorityShown in this app only',
    ]);
    expect(alerts[0]?.textContent).toMatch(
      /Figures: Intake 15\.2 · Change -1\.3.*Evidence: ORS session 1, Apr 1, 2025/,
    );
    const reasons = within(alerts[1]!)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(reasons).toEqual(['One aspect of the session rated lower', 'Session rated lower than last time']);
    expect(alerts[1]?.textContent).toContain('Figures: Approach or Method 7.0 · Latest 33.7');
    expect(document.body.textContent).not.toMatch(/Flag|In-app hint|in-progress/);
  });

  it('sums the alerts up first: priority, concern and main reason with its figures, linked to the whole alert', async () => {
    await show(model());
    const summary = within(screen.getByRole('region', { name: 'What needs attention' }));
    const lines = summary.getAllByRole('listitem');
    expect(lines.map((li) => li.textContent)).toEqual([
      '◆ Medium priority Outcome alert: Not on track yet Intake 15.2 · Change -1.3',
      '● Low priority Alliance alert: One aspect of the session rated lower Approach or Method 7.0 · Latest 33.7 + 1 more reason',
    ]);
    const user = userEvent.setup();
    await user.click(summary.getByRole('link', { name: /^Alliance alert/ }));
    expect(document.activeElement?.querySelector('h3')?.textContent).toBe('Alliance alert');
    expect(window.location.hash).toBe('');
  });

  it('says in the summary when nothing calls for attention, and has no alert details then', async () => {
    await show(model({ alerts: [] }));
    expect(
      within(screen.getByRole('region', { name: 'What needs attention' })).getByRole('paragraph').textContent,
    ).toBe('No alerts: nothing in the latest responses calls for attention.');
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
  });

  it('shows the same priority whether or not the alert is in the chart yet, and says why it is not', async () => {
    const base = model();
    const [outcome] = base.alerts;
    const states = [
      [{ kind: 'on-save' }, 'Will be recorded in the chart when you save'],
      [
        { kind: 'not-recordable', why: 'not-permitted' },
        'Could not be recorded: this app is not allowed to add alerts to the chart',
      ],
      [
        { kind: 'unknown', status: 403 },
        'Not known whether it is in the chart: the health record refused to show its alerts (error 403)',
      ],
    ] as const;
    for (const [recording, words] of states) {
      const { unmount } = await show({ ...base, alerts: [{ ...outcome!, recording }] });
      const alert = screen.getByRole('region', { name: 'Alerts' }).querySelector('.alert');
      expect(alert?.className).toBe('alert severity-medium');
      expect(alert?.querySelector('.alert-kind')?.textContent).toBe(`◆ Medium priority${words}`);
      unmount();
    }
  });

  it('says at the top which part of the chart was refused and what that means for what is shown', async () => {
    await show(model({ refused: [{ resourceType: 'Flag', status: 403 }] }));
    const refused = screen.getByRole('region', { name: 'Part of the chart could not be read' });
    expect(within(refused).getByRole('listitem').textContent).toBe(
      'The chart’s alerts could not be read. The alerts shown here are worked out from the responses; ' +
        'whether they are in the chart is not known. (the health record refused, error 403)',
    );
  });

  it('shows each item’s answer in the session table: SRS items by name, WAI-SR subscale means and its twelve answers', async () => {
    const srsItems = [
      ['srs-relationship', 9.5],
      ['srs-goals-topics', 9.1],
      ['srs-approach', 7],
      ['srs-overall', 8.1],
    ].map(([code, value]) => ({ code: String(code), value: Number(value) }));
    const waiItems = Array.from({ length: 12 }, (_, i) => ({ code: `wai-sr-${i + 1}`, value: (i % 5) + 1 }));
    await show(
      model({
        sessions: () => [
          {
            id: 's',
            date: '2025-04-04',
            instrument: 'srs',
            session: 4,
            total: 33.7,
            subscales: undefined,
            items: srsItems,
            status: 'saved',
            note: undefined,
          },
          {
            id: 'w',
            date: '2025-04-04',
            instrument: 'wai-sr',
            session: 4,
            total: 36,
            subscales: { task: 3, bond: 2.75, goal: 3.25 },
            items: waiItems,
            status: 'saved',
            note: undefined,
          },
        ],
      }),
    );
    const cells = within(screen.getByRole('table', { name: /Every response/ }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('.items-cell')?.textContent);
    expect(cells).toEqual([
      'Relationship 9.5 · Goals and Topics 9.1 · Approach or Method 7.0 · Overall 8.1',
      'Task 3.00 · Bond 2.75 · Goal 3.25Items 1–12: 1 2 3 4 5 1 2 3 4 5 1 2',
    ]);
  });

  it('puts the print date and the clinician on paper, with a line to sign when the EHR gave no name', async () => {
    const i18n = await createI18n('en');
    const now = () => new Date('2026-12-01T15:30:00Z');
    const { unmount } = render(
      <I18nextProvider i18n={i18n}>
        <PrintHeader clinicianName="Dr. Sam Okafor" now={now} />
      </I18nextProvider>,
    );
    const header = document.querySelector('.print-header');
    expect(header?.hasAttribute('hidden')).toBe(true);
    expect(header?.textContent).toMatch(/^Printed December 1, 2026 at \d{1,2}:30\s?[AP]MClinician: Dr\. Sam Okafor$/);
    unmount();
    render(
      <I18nextProvider i18n={await createI18n('es')}>
        <PrintHeader clinicianName={undefined} now={now} />
      </I18nextProvider>,
    );
    expect(document.querySelector('.print-header')?.textContent).toMatch(
      /^Impreso el 1 de diciembre de 2026.*Terapeuta: _+$/,
    );
  });

  it('lists the latest rows of a long history first and the rest on request', async () => {
    const rows: SessionRow[] = Array.from({ length: FIRST_ROWS + 5 }, (_, i) => ({
      id: `r${i}`,
      date: '2025-01-01',
      instrument: 'srs',
      session: i + 1,
      total: 38,
      subscales: undefined,
      status: 'saved',
      note: undefined,
    }));
    await show(model({ sessions: () => rows }));
    const table = () => screen.getByRole('table', { name: /Every response/ });
    expect(within(table()).getAllByRole('row')).toHaveLength(FIRST_ROWS + 1);
    await userEvent.click(
      screen.getByRole('button', { name: `Showing the latest ${FIRST_ROWS} of ${FIRST_ROWS + 5} — show all` }),
    );
    expect(within(table()).getAllByRole('row')).toHaveLength(FIRST_ROWS + 6);
  });
});
