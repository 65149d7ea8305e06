import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { giveByKeyboard, handBack, ORS, saveByKeyboard } from './support/client-mode';
import { APP_FRAME_TITLE } from './support/ehr';
import { useHarness } from './support/harness';
import { patientRecord, responsesSince } from './support/record';
import { screenshot } from './support/screenshots';

// The caseload journey: the clinician launches the app from the EHR with no chart open, sees their clients by
// need, filters to those off track, opens the deteriorating client, gives an ORS, and returns to the list
// where that client's row is re-assessed — all with the one token the launch gave.

describe.skipIf(!browserInstalled)('the caseload', () => {
  const harness = useHarness();

  it('launch without patient → list by need → filter → open the deteriorating client → ORS → back, row updated', async () => {
    const { page, a11y } = await harness.journey({ viewport: { width: 1300, height: 900 } });
    const started = Date.now();
    const { sandbox } = harness.env;
    await page.goto(`${sandbox.url}/ehr/`);
    await page.getByLabel('Clinician').selectOption({ label: 'Sam Okafor' });
    await page.getByRole('button', { name: 'Launch without patient' }).click();
    const app = page.frameLocator(`iframe[title="${APP_FRAME_TITLE}"]`);
    const table = app.getByRole('table', { name: /Your clients, \d+ shown, sorted by need/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(30);
    expect(await rows.first().getAttribute('data-need')).toBe('alert');
    await a11y('caseload');
    await screenshot(page.locator(`iframe[title="${APP_FRAME_TITLE}"]`), 'caseload');

    await app.getByRole('checkbox', { name: 'Off track' }).check();
    const offTrack = await rows.allInnerTexts();
    expect(offTrack.length).toBeGreaterThan(0);
    for (const text of offTrack) expect(text).toMatch(/Deteriorating|Not on track/);
    const tomaszRow = table.locator('tr', { has: app.getByRole('button', { name: 'Open Tomasz Wilk' }) });
    expect(await tomaszRow.innerText()).toMatch(/Deteriorating/);

    await app.getByRole('button', { name: 'Open Tomasz Wilk' }).click();
    await app.getByRole('heading', { name: 'Outcome and alliance', level: 1 }).waitFor();
    await giveByKeyboard(page, app, ORS, [15, 15, 15, 15]);
    await saveByKeyboard(page, app);
    await handBack(app);
    await app.getByRole('status').filter({ hasText: 'The ORS is saved in the health record.' }).waitFor();

    await app.getByRole('button', { name: 'Back to my caseload' }).click();
    await table.waitFor();
    await app.getByRole('checkbox', { name: 'Off track' }).uncheck();
    const updated = table.locator('tr', { has: app.getByRole('button', { name: 'Open Tomasz Wilk' }) });
    const text = await updated.innerText();
    expect(text).not.toMatch(/Deteriorating/);
    expect(text).toMatch(/\b0 days\b/);
    const [ors, ...more] = responsesSince(await patientRecord(sandbox, 'p04'), 'ors', started);
    expect(more).toEqual([]);
    expect(ors?.item?.map((i) => i.answer?.[0]?.valueInteger)).toEqual([65, 65, 65, 65]);
  });
});
