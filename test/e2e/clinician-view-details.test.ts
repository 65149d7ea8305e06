import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { drawnResponsesTable, responseCells, sessionNumbers } from './support/session-table';

// Journeys of the clinician view, version 2 (issue 13), as the clinician sees it in the EHR's 900×600 frame:
// item-level scores in the table, the tooltips and the alerts; episodes with their markers and an earlier
// episode opened; a 210-session history read through the range control; refused reads said in plain words;
// no system words on screen; Spanish in the usted form for an adult; a printout that says when, by whom and
// for whom.

/** Words of the record's machinery that a clinician should never read. */
const SYSTEM_WORDS = /QuestionnaireResponse|DocumentReference|Observation|\bFlag\b|in-progress|linkId|status "|HTTP/;

const figure = (app: FrameLocator, name: string) => app.getByRole('figure', { name });
const points = (chart: Locator) => chart.getByRole('img');
const pressed = (button: Locator) => button.getAttribute('aria-pressed');

/** "Relationship 8.9 · Goals and Topics 7.9 · …" as [name, figure] pairs. */
function itemFigures(text: string): [string, string][] {
  return [...text.matchAll(/([A-Z][A-Za-z ]+?) (\d+\.\d)(?= ·|$)/gm)].map((m) => [m[1]!.trim(), m[2]!]);
}

async function visibleText(app: FrameLocator): Promise<string> {
  return app.locator('body').innerText();
}

async function clinicianChosen(page: Page): Promise<string> {
  return page.getByLabel('Clinician').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? '');
}

describe.skipIf(!browserInstalled)('the clinician view, version 2: details', () => {
  const harness = useHarness();

  it('shows item-level scores in the table, in a chart point’s tooltip, and names the low item with its figure in the alert', async () => {
    const { page, a11y } = await harness.journey();
    let app = await launchFromEhr(page, harness.env.sandbox.url, 'Grace Mensah');
    const [orsRow] = await responseCells(app, 'ORS');
    expect(orsRow?.['Items']).toMatch(
      /^Individually \d+\.\d · Interpersonally \d+\.\d · Socially \d+\.\d · Overall \d+\.\d$/,
    );
    const [srsRow] = await responseCells(app, 'SRS');
    const srsItems = itemFigures(srsRow?.['Items'] ?? '');
    expect(srsItems.map(([name]) => name)).toEqual([
      'Relationship',
      'Goals and Topics',
      'Approach or Method',
      'Overall',
    ]);

    // The lowest item, with its figure, in the alliance alert.
    const [lowName, lowFigure] = [...srsItems].sort((a, b) => Number(a[1]) - Number(b[1]))[0]!;
    const alliance = app
      .getByRole('region', { name: 'Alerts' })
      .getByRole('listitem')
      .filter({ has: app.getByRole('heading', { name: 'Alliance alert' }) });
    expect(await alliance.innerText()).toContain(`${lowName} ${lowFigure}`);

    // Hover (mouse) and focus (keyboard) show a point's items.
    const srsChart = figure(app, 'Session rating (SRS) per session');
    await points(srsChart).last().hover();
    await expect.poll(() => srsChart.getByText(`${lowName} ${lowFigure}`).count()).toBeGreaterThan(0);
    const orsChart = figure(app, 'Outcome (ORS) per session');
    await points(orsChart).last().focus();
    await expect.poll(() => orsChart.getByText(/Individually \d+\.\d/).count()).toBeGreaterThan(0);
    await a11y('item-level scores');

    // The WAI-SR: subscale means and the twelve answers in the table; the drop alert gives its figures.
    app = await launchFromEhr(page, harness.env.sandbox.url, 'Priya Raman');
    const waiRow = (await responseCells(app, 'WAI-SR'))[0]?.['Items'];
    expect(waiRow).toMatch(/Task \d\.\d\d · Bond \d\.\d\d · Goal \d\.\d\d/);
    expect(waiRow).toMatch(/Items 1–12:( \d){12}/);
    const waiAlert = app
      .getByRole('region', { name: 'Alerts' })
      .getByRole('listitem')
      .filter({ hasText: 'Working alliance inventory dropped reliably' })
      .first();
    expect(await waiAlert.innerText()).toMatch(/Task.*2\.75/);
  });

  it('numbers sessions within each episode, marks where an episode begins, and opens an earlier episode', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Hannah Ito');
    const markers = (await drawnResponsesTable(app)).getByText(/^Episode \d, from /);
    expect(await markers.allInnerTexts()).toEqual([
      expect.stringMatching(/^Episode 2, from /),
      expect.stringMatching(/^Episode 1, from /),
    ]);
    expect(await sessionNumbers(app, 'ORS')).toEqual(['2', '1', '4', '3', '2', '1']);
    expect(await sessionNumbers(app, 'SRS')).toEqual(['2', '1', '4', '3', '2', '1']);

    const outcome = figure(app, 'Outcome (ORS) per session');
    await expect.poll(() => points(outcome).count()).toBe(2);
    const episodes = app.getByRole('group', { name: 'Episode of care shown in the charts' });
    const current = episodes.getByRole('button', { name: /^Episode 2 \(current, from / });
    const earlier = episodes.getByRole('button', { name: /^Episode 1 \(from / });
    expect(await pressed(current)).toBe('true');
    await earlier.click();
    expect(await pressed(earlier)).toBe('true');
    await app.getByRole('status').filter({ hasText: 'The charts show episode 1.' }).waitFor();
    await expect.poll(() => points(outcome).count()).toBe(4);
    expect(await points(outcome).last().getAttribute('aria-label')).toMatch(/^Session 4, .+: 27\.2\b/);
    expect(await points(outcome).first().getAttribute('aria-label')).toMatch(/^Session 1, .+: 16\.8\b/);
    await a11y('an earlier episode');
    await current.click();
    await expect.poll(() => points(outcome).count()).toBe(2);
  });

  it('reads a 210-session history through a range control; the expected band never hides the cutoff', async () => {
    const { page, a11y } = await harness.journey();
    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Samuel Adeyemi');
    const range = app.getByRole('group', { name: 'Visits shown in the charts' });
    expect(await range.isVisible()).toBe(true);
    const outcome = figure(app, 'Outcome (ORS) per session');
    const line = outcome.locator('path.series-outcome');
    const segments = async () => ((await line.getAttribute('d')) ?? '').split('L').length;
    const firstLabel = () => points(outcome).first().getAttribute('aria-label');

    // By default the latest 26 visits, each with its own marker.
    expect(await pressed(range.getByRole('button', { name: 'Last 26' }))).toBe('true');
    await expect.poll(() => points(outcome).count()).toBe(26);
    expect(await segments()).toBe(26);
    expect(await firstLabel()).toMatch(/^Session 185, /);

    // All 210: the line runs through every visit and only the latest is marked (no chain of beads).
    await range.getByRole('button', { name: 'All 210' }).click();
    await expect.poll(segments).toBe(210);
    expect(await points(outcome).count()).toBeLessThanOrEqual(60);
    expect(await points(outcome).last().getAttribute('aria-label')).toMatch(/^Session 210, /);

    await range.getByRole('button', { name: 'Last 52' }).click();
    await expect.poll(() => points(outcome).count()).toBe(52);
    expect(await firstLabel()).toMatch(/^Session 159, /);

    // Drawn beneath and translucent: the cutoff line and the reliable-change band stay visible over the band.
    const order = await outcome.getByRole('group', { name: 'Outcome (ORS) per session' }).evaluate((svg) => {
      const band = svg.querySelector('[data-testid="expected-band"]');
      const later = (selector: string) =>
        Boolean(band && band.compareDocumentPosition(svg.querySelector(selector)!) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {
        band: Boolean(band),
        opacity: band ? Number(getComputedStyle(band).fillOpacity) : 1,
        cutoffOver: later('line.ref-cutoff'),
        reliableChangeOver: later('rect.ref-band-area'),
      };
    });
    expect(order).toEqual({ band: true, opacity: expect.any(Number), cutoffOver: true, reliableChangeOver: true });
    expect(order.opacity).toBeLessThan(0.5);
    await a11y('a long history');
  });

  it('says in plain words which parts of the chart could not be read and what that means', async () => {
    const { page, a11y } = await harness.journey();
    const refusedBox = (app: FrameLocator) => app.getByRole('region', { name: 'Part of the chart could not be read' });

    let app = await launchFromEhr(page, harness.env.sandbox.url, 'Maya Lindqvist', { denyScope: 'Observation.rs' });
    await expect
      .poll(() => refusedBox(app).innerText())
      .toContain(
        'The chart’s stored scores could not be read. The scores shown here are worked out from the responses themselves.',
      );
    expect(await refusedBox(app).innerText()).toContain('the health record refused, error 403');
    // The scores are still there, worked out from the responses.
    await expect.poll(() => points(figure(app, 'Outcome (ORS) per session')).count()).toBe(7);
    expect(await visibleText(app)).not.toMatch(SYSTEM_WORDS);
    await a11y('stored scores refused');

    app = await launchFromEhr(page, harness.env.sandbox.url, 'Maya Lindqvist', {
      vendor: 'epic-like',
      denyScope: 'DocumentReference.rs',
    });
    await expect
      .poll(() => refusedBox(app).innerText())
      .toContain('The clinical notes this app wrote could not be read.');
    expect(await refusedBox(app).innerText()).toContain('the sessions kept in those notes are missing here');
    expect(await visibleText(app)).not.toMatch(SYSTEM_WORDS);
  });

  it('uses no system words on screen, and prints the date, the clinician and the client', async () => {
    const { page } = await harness.journey();
    for (const name of ['Aisha Karimi', 'Daniel Okonjo', 'Javier Ortega']) {
      const app = await launchFromEhr(page, harness.env.sandbox.url, name);
      await app.getByRole('region', { name: 'At a glance' }).waitFor();
      expect(await visibleText(app), name).not.toMatch(SYSTEM_WORDS);
    }
    const clinician = await clinicianChosen(page);
    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Aisha Karimi');
    await page.emulateMedia({ media: 'print' });
    const printout = await visibleText(app);
    await page.emulateMedia({ media: 'screen' });
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date());
    expect(printout).toContain(`Printed ${today}`);
    expect(printout).toContain(`Clinician: ${clinician}`);
    expect(printout).toContain('Aisha Karimi');
  });

  it('speaks to an adult client in Spanish as usted', async () => {
    const { page, a11y } = await harness.journey({ locale: 'es-ES' });
    const app = await launchFromEhr(page, harness.env.sandbox.url, 'Lucas Moreau', undefined, 'Resultado y alianza');
    const informal = /\b(tu|tus|tú|te|ti|contigo)\b/i;
    expect(await visibleText(app)).not.toMatch(informal);
    await app.getByRole('button', { name: 'Dar SRS al cliente' }).click();
    await app.getByRole('slider').first().waitFor();
    const form = await visibleText(app);
    expect(form).not.toMatch(informal);
    expect(form).toContain('La administración electrónica requiere una licencia');
    await app.getByRole('button', { name: 'Revisar respuestas' }).click();
    await app.getByRole('heading', { name: 'Compruebe las respuestas' }).waitFor();
    expect(await visibleText(app)).not.toMatch(informal);
    await a11y('Spanish form for an adult');
  });
});
