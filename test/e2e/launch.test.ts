import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { APP_FRAME_TITLE, launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { screenshot } from './support/screenshots';

// Journey 1: the clinician opens the app from the chart of a client who is not on track (Daniel Okonjo:
// four sessions, intake 16.4, latest 18.2, below the adult cutoff of 25 and short of the +5 change).

/** "Session 2, Nov 6, 2026: 17.1 (expected 18.9) — Individually 4.2 · …" → ["2", "Nov 6, 2026", "17.1", "18.9"] */
function pointOfLabel(label: string): string[] {
  const match =
    /^Session (\d+), (.+?): ([\d.]+) \(expected ([\d.]+)\) — Individually [\d.]+ · Interpersonally [\d.]+ · Socially [\d.]+ · Overall [\d.]+$/.exec(
      label,
    );
  if (!match) throw new Error(`unexpected chart point label: ${label}`);
  return match.slice(1);
}

describe.skipIf(!browserInstalled)('EHR launch', () => {
  const harness = useHarness();

  it('opens a not-on-track chart in the EHR frame with its status, flag, and a table that matches the chart', async () => {
    const { page, a11y } = await harness.journey();
    await page.goto(`${harness.env.sandbox.url}/ehr/`);
    await a11y('EHR launch page');

    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Daniel Okonjo');
    const outcome = app
      .getByRole('region', { name: 'At a glance' })
      .getByRole('article')
      .filter({ has: app.getByRole('heading', { name: 'Outcome' }) });
    await expect.poll(() => outcome.innerText()).toContain('Not on track');
    expect(await outcome.innerText()).toContain('Latest ORS: 18.2');
    const alert = app
      .getByRole('region', { name: 'Alerts' })
      .locator('li.alert')
      .filter({ has: app.getByRole('heading', { name: 'Not on track yet' }) });
    const alertText = await alert.innerText();
    expect(alertText).toMatch(
      /^◆ Medium priority\s+(Recorded in the chart|Will be recorded in the chart when you save)\s+Outcome alert/,
    );
    expect(alertText).not.toMatch(/Flag|In-app hint/);
    expect(alertText).toContain('Intake 16.4 · Latest 18.2 · Change +1.8');
    await app.getByRole('button', { name: 'Hand ORS to the client' }).waitFor();
    // The chart with the app in its frame; the integrator panel below it shows this run's port and launch id.
    await screenshot(page, 'ehr-launch', 780);

    // The frame unscrolled: its first screen tells the client's story (status, alerts in short, outcome chart).
    const chart = app.getByRole('figure', { name: 'Outcome (ORS) per session' });
    await screenshot(page.locator(`iframe[title="${APP_FRAME_TITLE}"]`), 'clinician-view');
    const labels = await chart
      .getByRole('img')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    const points = labels.map(pointOfLabel);
    expect(points.map((p) => p[2])).toEqual(['16.4', '17.1', '16.8', '18.2']);
    await chart.getByText('Show the data as a table').click();
    const table = chart.getByRole('table');
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Session',
      'Date',
      'ORS',
      'Expected trajectory',
    ]);
    const rows = await table
      .locator('tbody')
      .getByRole('row')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim() ?? '')));
    expect(rows).toEqual(points);
    await a11y('clinician view with the data table open');
  });

  it('launches standalone: the sandbox asks who signs in and which patient, and the app shows its own banner', async () => {
    const { page, a11y } = await harness.journey();
    await page.goto(`${harness.env.sandbox.url}/ehr/`);
    const standalone = await page.getByRole('link', { name: 'Standalone launch' }).getAttribute('href');
    expect(new URL(standalone ?? '').searchParams.has('launch')).toBe(false);
    await page.goto(standalone ?? '');

    await page.getByRole('heading', { name: 'Sandbox sign-in' }).waitFor();
    await a11y('standalone patient picker');
    await page.getByLabel('Clinician').selectOption({ label: 'Sam Okafor' });
    await page
      .getByLabel('Patient')
      .selectOption({ label: (await page.getByRole('option', { name: /^Noah Bergstrom/ }).textContent()) ?? '' });
    await page.getByRole('button', { name: 'Allow and continue' }).click();

    await page.getByRole('heading', { name: 'Outcome and alliance', level: 1 }).waitFor();
    const banner = page.getByRole('region', { name: /patient/i });
    expect(await banner.innerText()).toContain('Noah Bergstrom');
    const outcome = page
      .getByRole('region', { name: 'At a glance' })
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: 'Outcome' }) });
    await expect.poll(() => outcome.innerText()).toContain('Not on track');
    expect(await outcome.innerText()).toContain('Clinical cutoff 28.0');
    await a11y('clinician view, standalone');
    await screenshot(page, 'standalone');
  });
});
