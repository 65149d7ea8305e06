import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { APP_FRAME_TITLE, launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { screenshot } from './support/screenshots';

// Journeys of the clinician view, version 2 (issue 13): the client whose responses came from another
// system opens with his outcome data through the SMART sandbox; one alert per concern, in plain words;
// a refused Flag read said honestly at the top.

const glance = (app: FrameLocator) => app.getByRole('region', { name: 'At a glance' });

describe.skipIf(!browserInstalled)('the clinician view, version 2', () => {
  const harness = useHarness();

  it('opens Javier Ortega (absolute references from another system) with his outcome data, through the SMART sandbox', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Javier Ortega');
    const outcome = glance(app)
      .getByRole('article')
      .filter({ has: app.getByRole('heading', { name: 'Outcome' }) });
    await expect.poll(() => outcome.innerText()).toContain('Latest ORS: 26.3');
    expect(await outcome.innerText()).not.toContain('No outcome data');
    await expect
      .poll(() => app.getByRole('figure', { name: 'Outcome (ORS) per session' }).getByRole('img').count())
      .toBe(5);
    await a11y('clinician view of the other-system client');
    await screenshot(page.locator(`iframe[title="${APP_FRAME_TITLE}"]`), 'other-system-client');
  });

  it('shows one alert per concern in plain words, and says so when the chart’s alerts cannot be read', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Daniel Okonjo', { denyScope: 'Flag.cruds' });
    const refused = app.getByRole('region', { name: 'Part of the chart could not be read' });
    await expect.poll(() => refused.innerText()).toContain('The chart’s alerts could not be read.');
    const alerts = app.getByRole('region', { name: 'Alerts' }).locator('li.alert');
    const headings = await alerts.locator('h3').allInnerTexts();
    expect(new Set(headings).size).toBe(headings.length);
    const outcome = alerts.filter({ has: app.getByRole('heading', { name: 'Outcome alert' }) });
    expect(await outcome.innerText()).toContain(
      'Not known whether it is in the chart: the health record refused to show its alerts (error 403)',
    );
    const frameText = await app.locator('body').innerText();
    expect(frameText).not.toMatch(/\bFlag\b|In-app hint|in-progress|HTTP/);
    await a11y('clinician view with the chart’s alerts refused');
  });
});
