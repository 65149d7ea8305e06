import { describe, expect, it } from 'vitest';
import { browserInstalled } from './support/browser';
import { giveByKeyboard, handBack, saveByKeyboard, SPANISH, type RatingForm } from './support/client-mode';
import { APP_FRAME_TITLE, launchFromEhr } from './support/ehr';
import { useHarness } from './support/harness';
import { observationsOf, patientRecord, responsesSince } from './support/record';
import { screenshot } from './support/screenshots';

// Journey 6: the forms follow the client. A nine-year-old gets the child versions (CORS at the start, CSRS
// at the end, with faces); a browser set to Spanish gets the whole app and the forms in Spanish.

const CORS: RatingForm = { instrument: 'CORS', items: ['Me', 'Family', 'School', 'Everything'] };
const CSRS: RatingForm = { instrument: 'CSRS', items: ['Listening', 'How Important', 'What We Did', 'Overall'] };
const ORS_ES: RatingForm = {
  instrument: 'ORS',
  items: ['Individualmente', 'Interpersonalmente', 'Socialmente', 'En general'],
};

describe.skipIf(!browserInstalled)('a child and a Spanish-speaking client', () => {
  const harness = useHarness();

  it('gives a child the CORS and the CSRS, charted against the child cutoff', async () => {
    const { page, a11y } = await harness.journey();
    const started = Date.now();
    const { sandbox } = harness.env;
    const app = await launchFromEhr(page, sandbox.url, 'Ella Novak');
    expect(await app.getByRole('button', { name: /^Hand ORS/ }).count()).toBe(0);

    await giveByKeyboard(page, app, CORS, [35, 30, 32, 33]);
    await app.getByRole('heading', { name: 'Child Outcome Rating Scale', level: 1 }).scrollIntoViewIfNeeded();
    await a11y('client mode: CORS');
    await screenshot(page.locator(`iframe[title="${APP_FRAME_TITLE}"]`), 'child-cors');
    await saveByKeyboard(page, app);
    await handBack(app);
    await app.getByRole('status').filter({ hasText: 'The CORS is saved in the health record.' }).waitFor();

    await giveByKeyboard(page, app, CSRS, [45, 45, 40, 45]);
    await a11y('client mode: CSRS');
    await saveByKeyboard(page, app);
    await handBack(app);
    await app.getByRole('status').filter({ hasText: 'The CSRS is saved in the health record.' }).waitFor();

    const outcome = app.getByRole('figure', { name: 'Outcome (CORS) per session' });
    await expect.poll(() => outcome.getByRole('img').count()).toBe(6);
    expect(await outcome.innerText()).toContain('Clinical cutoff (32.0)');
    expect(await outcome.getByRole('img').last().getAttribute('aria-label')).toMatch(/^Session 6, .+: 33\.0\b/);
    const alliance = app.getByRole('figure', { name: 'Session rating (CSRS) per session' });
    expect(await alliance.getByRole('img').last().getAttribute('aria-label')).toMatch(/37\.5/);
    await a11y('clinician view of a child');

    const record = await patientRecord(sandbox, 'p07');
    const [cors, ...moreCors] = responsesSince(record, 'cors', started);
    expect(moreCors).toEqual([]);
    expect(responsesSince(record, 'csrs', started)).toHaveLength(1);
    expect(observationsOf(record, cors!).some((o) => o.code.coding?.some((c) => c.code === '718458005'))).toBe(true);
  });

  it('speaks Spanish to a browser set to Spanish, forms included', async () => {
    const { page, a11y } = await harness.journey({ locale: 'es-ES' });
    const started = Date.now();
    const { sandbox } = harness.env;
    const app = await launchFromEhr(page, sandbox.url, 'Lucas Moreau', undefined, 'Resultado y alianza');
    expect(await app.locator('html').getAttribute('lang')).toBe('es');
    await app.getByRole('region', { name: 'De un vistazo' }).waitFor();
    await a11y('clinician view in Spanish');

    await giveByKeyboard(page, app, ORS_ES, [10, 5, 0, 8], SPANISH);
    expect(await app.getByRole('heading', { level: 1 }).innerText()).toBe('Escala de Valoración de Resultados');
    await a11y('client mode: ORS in Spanish');
    await saveByKeyboard(page, app, SPANISH);
    await handBack(app, SPANISH);
    await app
      .getByRole('status')
      .filter({ hasText: SPANISH.saved('ORS') })
      .waitFor();
    const outcome = app.getByRole('figure', { name: 'Resultado (ORS) por sesión' });
    await expect.poll(() => outcome.getByRole('img').count()).toBe(6);
    await app.getByRole('heading', { name: 'Resultado y alianza', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page.locator(`iframe[title="${APP_FRAME_TITLE}"]`), 'spanish');

    const [ors, ...more] = responsesSince(await patientRecord(sandbox, 'p06'), 'ors', started);
    expect(more).toEqual([]);
    expect(ors?.item?.map((i) => i.answer?.[0]?.valueInteger)).toEqual([60, 55, 50, 58]);
  });
});
