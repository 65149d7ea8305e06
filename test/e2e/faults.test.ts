import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { giveByKeyboard, handBack, ORS, saveByKeyboard } from './support/client-mode';
import { launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { activeFlagRules, observationsOf, patientRecord, responsesSince } from './support/record';

// Journey 5: a difficult EHR. Faults are chosen on the EHR launch page, as an integrator would, except the
// expired session, which is the sandbox clock moved past the lifetime of the access and refresh tokens.

const NINE_HOURS_MS = 9 * 3600_000;

describe.skipIf(!browserInstalled)('faults', () => {
  const harness = useHarness();

  it('keeps the answers when the session expires mid-form, and saves them once after a re-launch', async () => {
    const { page, a11y } = await harness.journey();
    const started = Date.now();
    const { sandbox } = harness.env;
    let app = await launchFromEhr(page, sandbox.url, 'Maya Lindqvist');
    await giveByKeyboard(page, app, ORS, [-2, 0, 0, 0]);
    harness.env.advanceClock(NINE_HOURS_MS);
    await saveByKeyboard(page, app);
    await handBack(app);
    const expired = app.getByRole('status').filter({ hasText: 'The session with the health record has ended.' });
    await expired.waitFor();
    await a11y('session expired after a save');
    expect(responsesSince(await patientRecord(sandbox, 'p01'), 'ors', started)).toEqual([]);

    app = await launchFromEhr(page, sandbox.url, 'Maya Lindqvist');
    await app.getByText('One save from earlier is kept in this tab').waitFor();
    await app.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(async () => responsesSince(await patientRecord(sandbox, 'p01'), 'ors', started).length).toBe(1);
    await app.getByRole('status').filter({ hasText: 'saved in the health record' }).waitFor();
    const [ors] = responsesSince(await patientRecord(sandbox, 'p01'), 'ors', started);
    expect(ors?.item?.map((i) => i.answer?.[0]?.valueInteger)).toEqual([48, 50, 50, 50]);
    await app.getByRole('button', { name: 'Send now' }).waitFor({ state: 'detached' });
  });

  it('writes the alerts into a clinical note when Flag writes are forbidden, and says so', async () => {
    const { page, a11y } = await harness.journey();
    const started = Date.now();
    const { sandbox } = harness.env;
    const app = await launchFromEhr(page, sandbox.url, 'Daniel Okonjo', { denyScope: 'Flag.cud' });
    await giveByKeyboard(page, app, ORS, [-5, -5, -5, -5]);
    await saveByKeyboard(page, app);
    await handBack(app);
    const report = app.getByRole('status').filter({ hasText: 'The ORS is saved in the health record.' });
    await report.waitFor();
    expect(await report.innerText()).toContain('Alerts written in the clinical note');
    await a11y('save report with refused Flags');
    const record = await patientRecord(sandbox, 'p02');
    const [ors, ...more] = responsesSince(record, 'ors', started);
    expect(more).toEqual([]);
    expect(observationsOf(record, ors!).length).toBeGreaterThan(0);
    expect(record.flags).toEqual([]);
    const alerts = app.getByRole('region', { name: 'Alerts' });
    await alerts.getByRole('heading', { name: 'Not on track yet' }).waitFor();
    expect(await alerts.locator('li.alert').first().innerText()).toContain(
      'Could not be recorded: this app is not allowed to add alerts to the chart',
    );
  });

  it('recovers from a server error during the transaction and saves once', async () => {
    const { page } = await harness.journey();
    const started = Date.now();
    const { sandbox } = harness.env;
    const app = await launchFromEhr(page, sandbox.url, 'Tomasz Wilk', {
      transactionError: { status: '500', times: 1 },
    });
    await giveByKeyboard(page, app, ORS, [-10, -10, -10, -10]);
    await saveByKeyboard(page, app);
    await handBack(app);
    await app.getByRole('status').filter({ hasText: 'The ORS is saved in the health record.' }).waitFor();
    expect(sandbox.engine.settings.transactionFault, 'the injected 500 was answered').toBeUndefined();
    const record = await patientRecord(sandbox, 'p04');
    const [ors, ...more] = responsesSince(record, 'ors', started);
    expect(more).toEqual([]);
    const totals = observationsOf(record, ors!).filter((o) => o.valueQuantity?.value === 16);
    expect(totals).toHaveLength(1);
    expect(activeFlagRules(record)).toEqual(['outcome-deterioration', 'outcome-not-on-track-persistent']);
  });

  it('saves without transaction support, once', async () => {
    const { page } = await harness.journey();
    const started = Date.now();
    const { sandbox } = harness.env;
    const app = await launchFromEhr(page, sandbox.url, 'Priya Raman', { noTransactions: true });
    expect(sandbox.engine.settings.transactions).toBe(false);
    await giveByKeyboard(page, app, ORS, [-8, -8, -8, -8]);
    await saveByKeyboard(page, app);
    await handBack(app);
    await app.getByRole('status').filter({ hasText: 'The ORS is saved in the health record.' }).waitFor();
    const record = await patientRecord(sandbox, 'p03');
    expect(responsesSince(record, 'ors', started)).toHaveLength(1);
    expect(activeFlagRules(record)).toEqual(['alliance-wai-drop', 'outcome-not-on-track-persistent']);
  });
});
