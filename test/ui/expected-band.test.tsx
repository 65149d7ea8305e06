import { screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoringConfigSchema } from '../../src/core/config';
import type { AllianceStatus, OutcomeStatus } from '../../src/core/assessment/types';
import { dashboardEn } from '../../src/ui/i18n/dashboard.en';
import { dashboardEs } from '../../src/ui/i18n/dashboard.es';
import { given, showRecord } from './support/record';

// Issue 13 gap: the outcome chart draws the trajectory model's band under the cutoff and reliable-change band,
// coloured by where the latest score stands, and its legend names the model in use (never "the licensed ETR").

const outcomeChart = () =>
  screen.getByRole('group', { name: /^Outcome \(ORS\) per session|^Resultado/ }).closest('figure, section, div')!;
// ORS items are answered in millimetres (0–100), the total in centimetres: 4 items × 2.5 × total mm = total.
const orsAt = (totals: readonly number[]) =>
  totals.map((total, i) => given('ors', 1 + i * 4, () => total * 2.5, { id: `o${i}` }));

describe('the expected band on the outcome chart', () => {
  it('is red below the band, drawn before the cutoff line and the reliable-change band, and named by its model', async () => {
    await showRecord(orsAt([20, 20, 20, 20, 20, 20, 20]));
    const svg = screen.getByRole('group', { name: /Outcome \(ORS\) per session/ });
    const band = svg.querySelector('[data-testid="expected-band"]')!;
    expect(band.getAttribute('class')).toBe('ref-expected-band-area band-not-on-track');
    const layers = [
      ...svg.querySelectorAll(
        '[data-testid="expected-band"], rect.ref-band-area, line.ref-cutoff, path.series-outcome',
      ),
    ];
    expect(layers.map((l) => l.getAttribute('class')?.split(' ')[0])).toEqual([
      'ref-expected-band-area',
      'ref-band-area',
      'ref-cutoff',
      'series-outcome',
    ]);
    const legend = within(outcomeChart() as HTMLElement);
    expect(
      legend.getByText('Expected course by intake severity — an estimate, not the licensed PCOMS ETR'),
    ).toBeTruthy();
    expect(
      legend.getByText('Band of the expected course (below it: not on track); latest score below the band (red)'),
    ).toBeTruthy();
  });

  it('is grey, never green, before the trajectory can be judged', async () => {
    await showRecord(orsAt([20, 30]));
    const band = screen
      .getByRole('group', { name: /Outcome \(ORS\) per session/ })
      .querySelector('[data-testid="expected-band"]');
    expect(band?.getAttribute('class')).toBe('ref-expected-band-area band-no-status');
    expect(screen.getByText(/latest score not judged yet \(grey\)$/)).toBeTruthy();
  });

  it('is green on track and says so in Spanish', async () => {
    await showRecord(orsAt([20, 26, 28, 30]), { language: 'es' });
    const band = screen.getByRole('group', { name: /Resultado/ }).querySelector('[data-testid="expected-band"]');
    expect(band?.getAttribute('class')).toBe('ref-expected-band-area band-on-track');
    expect(
      screen.getByText(
        'Curso esperado según la gravedad de admisión — una estimación, no la ETR de PCOMS con licencia',
      ),
    ).toBeTruthy();
  });

  it('names the rule-based model when the organisation chose it (a line, no band)', async () => {
    await showRecord(orsAt([20, 20, 20, 20]), { config: scoringConfigSchema.parse({ trajectoryModel: 'rule-based' }) });
    expect(
      screen.getByText(/^Expected course, rule-based \(a reliable change by the review session\) — an estimate/),
    ).toBeTruthy();
    expect(screen.queryByText(/by intake severity —/)).toBeNull();
  });
});

describe('every status has words and a colour', () => {
  const outcome: readonly OutcomeStatus[] = [
    'no-data',
    'too-early',
    'on-track',
    'not-on-track',
    'reliably-improved',
    'recovered',
    'deteriorating',
    'non-clinical-intake',
  ];
  const alliance: readonly AllianceStatus[] = ['no-data', 'good', 'concern', 'rupture-risk', 'rupture-unresolved'];
  const css = readFileSync('src/ui/caseload/caseload.css', 'utf8');
  const colourOf = (code: string) =>
    new RegExp(`\\.status-${code}[ ,][^{]*\\{[^}]*color: var\\(--(\\w+)\\)`).exec(css)?.[1];
  it('in the caseload table, green only once a status is judged good', () => {
    const colours = Object.fromEntries([...outcome, ...alliance].map((c) => [c, colourOf(c)]));
    expect(colours).toEqual({
      'no-data': 'muted',
      'too-early': 'muted',
      'non-clinical-intake': 'muted',
      'on-track': 'good',
      'reliably-improved': 'good',
      recovered: 'good',
      good: 'good',
      'not-on-track': 'warn',
      concern: 'warn',
      deteriorating: 'bad',
      'rupture-risk': 'bad',
      'rupture-unresolved': 'bad',
    });
  });
  it('in English and Spanish', () => {
    for (const words of [dashboardEn, dashboardEs]) {
      for (const code of outcome) expect(words.status.outcomeStatus[code]).toMatch(/\w{3}/);
      for (const code of alliance) expect(words.status.allianceStatus[code]).toMatch(/\w{3}/);
    }
  });
});
