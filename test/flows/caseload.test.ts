import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_TODAY } from '../../src/node/sandbox/seed';
import { sharedSeededEngine } from '../support/engine';
import { keepUnsavedOrs } from '../support/kept-response';
import { fhirHandlers } from '../support/msw-fhir';
import { renderApp } from '../ui/support/render-app';
import { arriveFromLaunch, authServer, ISS } from '../ui/support/smart';
import type { Language } from '../../src/core/instruments/types';
import { dashboardDrawn } from '../support/dashboard-drawn';

// A launch without a patient, over the real sandbox engine and its seeded caseloads: the list, its order and
// filters, and one client opened inside the app with the same token.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** An unsigned id token: fhirclient reads `fhirUser` from it without checking the signature (the server did). */
const idToken = (fhirUser: string): string =>
  ['{"alg":"none"}', JSON.stringify({ fhirUser, sub: fhirUser })]
    .map((p) => Buffer.from(p).toString('base64url'))
    .join('.') + '.';

const ENGINE_TOKEN = (clinician: string) => ({
  patient: undefined,
  scope: 'launch openid fhirUser user/Patient.rs user/QuestionnaireResponse.crs',
  id_token: idToken(`${ISS}/Practitioner/${clinician}`),
});

/**
 * Shaped like the SMART Health IT launcher's answer to a provider launch with no patient picked: fhirUser a
 * relative `Practitioner/<id>` reference, wildcard user/ scopes as granted, a patient banner flag, no patient.
 */
const LAUNCHER_TOKEN = (clinician: string) => ({
  patient: undefined,
  scope: 'openid fhirUser launch user/*.rs user/*.cs',
  need_patient_banner: true,
  id_token: idToken(`Practitioner/${clinician}`),
});

async function openCaseload(
  clinician: string,
  language: Language = 'en',
  token = ENGINE_TOKEN(clinician),
  inTab?: () => void,
): Promise<void> {
  const auth = authServer({ tokenContext: token });
  server.use(...auth.handlers, ...fhirHandlers(await sharedSeededEngine(), ISS));
  const params = await arriveFromLaunch(auth, `?iss=${encodeURIComponent(ISS)}&launch=launch-1&view=caseload`);
  expect(params.get('scope')).toMatch(/^launch openid fhirUser online_access user\/Appointment\.rs /);
  expect(params.get('scope')).not.toMatch(/patient\//);
  inTab?.();
  await renderApp(language, { today: () => SEED_TODAY });
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the caseload (launch without a patient)', () => {
  it("lists the clinician's clients by need; filters; opens a client and comes back to the list", async () => {
    await openCaseload('pr2');
    const table = await screen.findByRole('table', { name: /Your clients, \d+ shown, sorted by need/ });
    const rows = rowsOf(table);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows[0]!.getAttribute('data-need')).toBe('alert');
    const needs = rows.map((r) => r.getAttribute('data-need'));
    expect(needs.lastIndexOf('alert')).toBeLessThan(needs.indexOf('rest'));
    expect(
      within(table)
        .getByRole('columnheader', { name: /Newest alert/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Off track' }));
    const offTrack = rowsOf(screen.getByRole('table', { name: /Your clients/ }));
    expect(offTrack.length).toBeLessThan(rows.length);
    for (const row of offTrack) expect(row.textContent).toMatch(/Deteriorating|Not on track/);

    const tomasz = screen.getByRole('button', { name: 'Open Tomasz Wilk' });
    expect(tomasz.closest('tr')!.textContent).toMatch(/Deteriorating.*High priority.*ORS/);
    await userEvent.click(tomasz);
    await dashboardDrawn();
    expect(screen.getByText('Deteriorating')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back to my caseload' }));
    expect(await screen.findByRole('button', { name: 'Open Tomasz Wilk' })).toBe(document.activeElement);
  });

  it("works with a token shaped like the SMART Health IT launcher's (relative fhirUser, user/*.rs, no patient)", async () => {
    await openCaseload('pr1', 'en', LAUNCHER_TOKEN('pr1'));
    const table = await screen.findByRole('table', { name: /Your clients, \d+ shown/ });
    expect(rowsOf(table).length).toBeGreaterThanOrEqual(30);
    expect(screen.queryByRole('button', { name: 'Open Tomasz Wilk' })).toBeNull();
  });

  it('marks a client whose response this tab keeps unsaved (the Outbox), and scores it in the row', async () => {
    await openCaseload('pr2', 'en', ENGINE_TOKEN('pr2'), () => keepUnsavedOrs(sessionStorage));
    const row = (await screen.findByRole('button', { name: 'Open Tomasz Wilk' })).closest('tr')!;
    expect(row.textContent).toContain('1 response not saved (kept in this tab)');
    expect(row.textContent).toContain('0 days');
  });

  it('sorts by a column from its header button and speaks Spanish', async () => {
    await openCaseload('pr1', 'es');
    const table = await screen.findByRole('table', { name: /Sus pacientes/ });
    await userEvent.click(within(table).getByRole('button', { name: 'Paciente' }));
    const header = within(table).getByRole('columnheader', { name: /Paciente/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    const names = rowsOf(table).map((r) => within(r).getByRole('rowheader').textContent ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(screen.getByText('Mis resultados (solo usted los ve)')).toBeTruthy();
  });
});
