import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { handBack, rateByKeyboard, rateByTouch, saveByKeyboard, tap } from './support/client-mode';
import { APP_FRAME_TITLE, launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { activeFlagRules, observationsOf, patientRecord, responsesSince, ruleOfFlag } from './support/record';
import { screenshot } from './support/screenshots';

// Journeys 2 and 3 with Grace Mensah (p05): one session on file, intake ORS 19.5 and a low SRS of 33.2, so
// "alliance concern" holds. Today's ORS is saved while that concern still stands (its Flag is raised);
// today's SRS is good, which clears it (its Flag is ended). The re-launch then finds all of it.

const PATIENT = 'p05';
const NAME = 'Grace Mensah';

describe.skipIf(!browserInstalled)('a full session, then a re-launch', () => {
  const harness = useHarness();
  const started = Date.now();

  it('gives the ORS by keyboard and the SRS by touch in client mode; chart, alerts and Flags follow', async () => {
    const { page, a11y } = await harness.journey({ hasTouch: true });
    const { sandbox } = harness.env;
    const app = await launchFromEhr(page, sandbox.url, NAME);
    const alerts = app.getByRole('region', { name: 'Alerts' });
    await alerts
      .getByRole('heading', { name: /alliance/i })
      .first()
      .waitFor();

    // Start of session: the clinician hands over the ORS; the client answers with the keyboard only.
    await app.getByRole('button', { name: 'Hand ORS to the client' }).click();
    await app.getByRole('slider', { name: 'Individually' }).waitFor();
    await a11y('client mode: ORS');
    await rateByKeyboard(page, app, 'Individually', ['ArrowRight', 'PageUp']);
    await rateByKeyboard(page, app, 'Interpersonally', ['ArrowRight', 'ArrowLeft', 'ArrowLeft']);
    await rateByKeyboard(page, app, 'Socially', ['ArrowUp', 'ArrowUp']);
    await rateByKeyboard(page, app, 'Overall', ['ArrowRight', 'PageDown']);
    expect(
      await app.getByRole('slider').evaluateAll((els) => els.map((el) => el.getAttribute('aria-valuenow'))),
    ).toEqual(['6', '4.8', '5.1', '4']);
    await app.getByRole('heading', { name: 'Outcome Rating Scale', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page.locator(`iframe[title="${APP_FRAME_TITLE}"]`), 'client-mode-ors');
    await saveByKeyboard(page, app);
    await handBack(app);
    await expect
      .poll(() => app.getByRole('status').filter({ hasText: 'The ORS is saved in the health record.' }).count())
      .toBe(1);

    const outcomeChart = app.getByRole('figure', { name: 'Outcome (ORS) per session' });
    await expect.poll(() => outcomeChart.getByRole('img').count()).toBe(2);
    expect(await outcomeChart.getByRole('img').last().getAttribute('aria-label')).toMatch(/^Session 2, .+: 19\.9\b/);
    await expect.poll(async () => activeFlagRules(await patientRecord(sandbox, PATIENT))).toEqual(['alliance-concern']);

    // End of session: the SRS, by finger on a touch screen.
    await app.getByRole('button', { name: 'Hand SRS to the client' }).click();
    await app.getByRole('slider', { name: 'Relationship' }).waitFor();
    await a11y('client mode: SRS');
    for (const [item, at] of [
      ['Relationship', 0.95],
      ['Goals and Topics', 0.9],
      ['Approach or Method', 0.95],
      ['Overall', 0.92],
    ] as const) {
      await rateByTouch(page, app, item, at);
    }
    expect(
      await app.getByRole('slider').evaluateAll((els) => els.map((el) => el.getAttribute('aria-valuenow'))),
    ).toEqual(['9.5', '9', '9.5', '9.2']);
    await tap(page, app.getByRole('button', { name: 'Review answers' }));
    await app.getByRole('heading', { name: 'Check the answers' }).waitFor();
    await a11y('client mode: SRS review');
    await tap(page, app.getByRole('button', { name: 'Save as complete' }));
    await app.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await a11y('client mode: hand back');
    await handBack(app);
    await expect
      .poll(() => app.getByRole('status').filter({ hasText: 'The SRS is saved in the health record.' }).count())
      .toBe(1);
    const allianceChart = app.getByRole('figure', { name: 'Session rating (SRS) per session' });
    await expect.poll(() => allianceChart.getByRole('img').count()).toBe(2);
    expect(await allianceChart.getByRole('img').last().getAttribute('aria-label')).toMatch(/37\.2/);
    await expect.poll(() => alerts.getByRole('heading', { name: /concern/i }).count()).toBe(0);
    await a11y('clinician view after the session');

    // The record itself: one response per administration, its Observations once, the Flags reconciled.
    const record = await patientRecord(sandbox, PATIENT);
    const [ors, ...moreOrs] = responsesSince(record, 'ors', started);
    const [srs, ...moreSrs] = responsesSince(record, 'srs', started);
    expect(moreOrs).toEqual([]);
    expect(moreSrs).toEqual([]);
    for (const response of [ors, srs]) {
      expect(response?.status).toBe('completed');
      const observations = observationsOf(record, response!);
      expect(observations.length).toBeGreaterThan(0);
      const identifiers = observations.map((o) => `${o.identifier?.[0]?.system}|${o.identifier?.[0]?.value}`);
      expect(new Set(identifiers).size).toBe(identifiers.length);
    }
    expect(observationsOf(record, ors!).some((o) => o.valueQuantity?.value === 19.9)).toBe(true);
    expect(observationsOf(record, srs!).some((o) => o.valueQuantity?.value === 37.2)).toBe(true);
    expect(activeFlagRules(record)).toEqual([]);
    const concern = record.flags.filter((f) => ruleOfFlag(f) === 'alliance-concern');
    expect(concern).toHaveLength(1);
    expect(concern[0]?.status).toBe('inactive');
    expect(concern[0]?.period?.end).toBeTruthy();
  });

  it('re-launches and finds everything there; the cleared alliance concern has its Flag ended', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, NAME);
    const alliance = app
      .getByRole('region', { name: 'At a glance' })
      .getByRole('article')
      .filter({ has: app.getByRole('heading', { name: 'Alliance' }) });
    await expect.poll(() => alliance.innerText()).toContain('Good');
    expect(await alliance.innerText()).toContain('Latest SRS: 37.2 (session 2');
    const rows = await app
      .getByRole('table', { name: /every response/i })
      .locator('tbody tr')
      .allInnerTexts();
    expect(rows.slice(0, 2).map((r) => r.split('\t').slice(1, 4).join(' '))).toEqual(['SRS 2 37.2', 'ORS 2 19.9']);
    expect(rows.every((r) => r.includes('Saved'))).toBe(true);
    expect(
      await app
        .getByRole('region', { name: 'Alerts' })
        .getByRole('heading', { name: /concern/i })
        .count(),
    ).toBe(0);
    await a11y('clinician view after a re-launch');

    const record = await patientRecord(harness.env.sandbox, PATIENT);
    expect(responsesSince(record, 'ors', started)).toHaveLength(1);
    expect(responsesSince(record, 'srs', started)).toHaveLength(1);
    const ended = record.flags.find((f) => ruleOfFlag(f) === 'alliance-concern');
    expect(ended?.status).toBe('inactive');
    expect(Date.parse(ended?.period?.end ?? '')).toBeGreaterThan(Date.parse(ended?.period?.start ?? ''));
  });
});
