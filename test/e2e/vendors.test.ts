import type { FrameLocator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import type { Sandbox } from '../../src/node/sandbox/sandbox';
import { browserInstalled } from './support/browser';
import { giveByKeyboard, handBack, ORS, saveByKeyboard, type RatingForm } from './support/client-mode';
import { appFrame, launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { patientRecord, responsesSince } from './support/record';

// Journey 6: the same session on servers that behave like the EHRs health systems run. On each profile an ORS
// and an SRS are given; the ORS's save loses its answer once (a forced retry) and the SRS's is cut off by a
// re-launch in the same tab while the server holds the write (a reload mid-save). The re-launch then shows
// both sessions, the same alerts, and nothing kept only in the tab; on the vendor profiles the record holds
// only the two clinical notes, once each.

const SRS: RatingForm = {
  instrument: 'SRS',
  items: ['Relationship', 'Goals and Topics', 'Approach or Method', 'Overall'],
};

const CASES = [
  { vendor: 'open', patient: 'p05', name: 'Grace Mensah' },
  { vendor: 'epic-like', patient: 'p01', name: 'Maya Lindqvist' },
  { vendor: 'oracle-like', patient: 'p02', name: 'Daniel Okonjo' },
] as const;

/** The request that carries a save on this profile: the transaction (open), the note's create (vendors). */
function saveRequest(vendor: string) {
  return (url: URL): boolean =>
    vendor === 'open' ? /\/fhir\/?$/.test(url.pathname) : url.pathname.endsWith('/fhir/DocumentReference');
}

/** The server stores the next save, but its answer never reaches the app: `lost` (retry) or `held` (until a re-launch). */
async function interceptNextSave(
  page: Page,
  vendor: string,
  mode: 'lost' | 'held',
): Promise<{ readonly stored: Promise<void> }> {
  let reached!: () => void;
  const stored = new Promise<void>((resolve) => (reached = resolve));
  let armed = true;
  // Disarmed by a flag: unrouting from inside a handler waits for that handler, which would never end.
  await page.route(saveRequest(vendor), async (route: Route) => {
    if (!armed || route.request().method() !== 'POST') return route.continue();
    armed = false;
    await route.fetch();
    reached();
    // Held: left unanswered until the re-launch navigates the frame away.
    if (mode === 'lost') await route.abort('connectionreset');
  });
  // Wrapped: an async function returning a bare promise would wait for it.
  return { stored };
}

/** Whatever the profile lets a client read: the record as stored, past the profile. */
async function stored<T>(sandbox: Sandbox, read: () => Promise<T>): Promise<T> {
  const vendor = sandbox.engine.settings.vendor;
  sandbox.engine.settings.vendor = 'open';
  try {
    return await read();
  } finally {
    sandbox.engine.settings.vendor = vendor;
  }
}

async function ourNotes(sandbox: Sandbox, patient: string): Promise<fhir4.DocumentReference[]> {
  const answer = await sandbox.engine.handle({
    method: 'GET',
    path: `DocumentReference?patient=Patient/${patient}&_count=1000`,
  });
  const entries = (answer.body as fhir4.Bundle).entry ?? [];
  return entries
    .map((e) => e.resource as fhir4.DocumentReference)
    .filter((d) => d.identifier?.some((i) => i.system === IDENTIFIER_SYSTEMS.clinicalNote));
}

/** The points a chart draws, counted once it is drawn: the alliance charts come in the view's second render, later on a busy machine. */
async function chartPoints(app: FrameLocator, name: string): Promise<number> {
  const points = app.getByRole('figure', { name }).getByRole('img');
  await points.first().waitFor();
  return points.count();
}
const alertHeadings = (app: FrameLocator) =>
  app.getByRole('region', { name: 'Alerts' }).getByRole('heading', { level: 3 }).allInnerTexts();

async function keptInTab(page: Page): Promise<string[]> {
  return appFrame(page).evaluate(() =>
    Object.keys(sessionStorage).filter((k) => /^therapy-feedback\.(outbox|refused)\./.test(k)),
  );
}

describe.skipIf(!browserInstalled)('servers that behave like the large EHRs', () => {
  const harness = useHarness();

  it.each(CASES)(
    '$vendor: an ORS and an SRS, a lost answer and a re-launch mid-save; the next launch finds both',
    async ({ vendor, patient, name }) => {
      const { page, a11y } = await harness.journey();
      const { sandbox } = harness.env;
      const started = Date.now();
      const before = await stored(sandbox, async () => ({
        record: await patientRecord(sandbox, patient),
        notes: await ourNotes(sandbox, patient),
      }));
      let app = await launchFromEhr(page, sandbox.url, name, { vendor });
      const outcome0 = await chartPoints(app, 'Outcome (ORS) per session');
      const alliance0 = await chartPoints(app, 'Session rating (SRS) per session');

      const orsStored = await interceptNextSave(page, vendor, 'lost');
      await giveByKeyboard(page, app, ORS, [-20, -20, -20, -20]);
      await saveByKeyboard(page, app);
      await handBack(app);
      await orsStored.stored;
      await app
        .getByRole('status')
        .filter({ hasText: /^The ORS is saved/ })
        .waitFor();
      await a11y(`${vendor}: save report`);

      const srsStored = await interceptNextSave(page, vendor, 'held');
      await giveByKeyboard(page, app, SRS, [-15, -15, -15, -15]);
      await saveByKeyboard(page, app);
      await handBack(app);
      await srsStored.stored;
      app = await launchFromEhr(page, sandbox.url, name, { vendor });
      // The record already holds the SRS (its save landed as the page went away): the app finishes the kept save
      // by itself, with nothing to ask the clinician.
      await app
        .getByRole('status')
        .filter({ hasText: /is saved/ })
        .waitFor();
      expect(await app.getByRole('button', { name: 'Send now' }).count()).toBe(0);
      const alertsAfterSave = await alertHeadings(app);

      app = await launchFromEhr(page, sandbox.url, name, { vendor });
      await expect.poll(() => chartPoints(app, 'Outcome (ORS) per session')).toBe(outcome0 + 1);
      await expect.poll(() => chartPoints(app, 'Session rating (SRS) per session')).toBe(alliance0 + 1);
      expect(await alertHeadings(app)).toEqual(alertsAfterSave);
      const rows = await app
        .getByRole('table', { name: /every response/i })
        .locator('tbody tr')
        .allInnerTexts();
      expect(rows.filter((r) => /not saved|kept in this tab/i.test(r))).toEqual([]);
      expect(await keptInTab(page)).toEqual([]);
      await a11y(`${vendor}: clinician view after a re-launch`);

      const after = await stored(sandbox, async () => ({
        record: await patientRecord(sandbox, patient),
        notes: await ourNotes(sandbox, patient),
      }));
      const newNotes = after.notes.length - before.notes.length;
      if (vendor === 'open') {
        expect(responsesSince(after.record, 'ors', started)).toHaveLength(1);
        expect(responsesSince(after.record, 'srs', started)).toHaveLength(1);
        expect(newNotes).toBe(0);
      } else {
        expect(newNotes).toBe(2);
        expect(after.record.responses).toHaveLength(before.record.responses.length);
        expect(after.record.observations).toHaveLength(before.record.observations.length);
        expect(after.record.flags).toHaveLength(before.record.flags.length);
        const keys = after.notes.map((n) => n.identifier?.[0]?.value);
        expect(new Set(keys).size).toBe(keys.length);
      }
    },
  );
});
