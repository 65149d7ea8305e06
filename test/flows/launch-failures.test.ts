import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharedSeededEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import {
  APP_ORIGIN,
  arriveFromLaunch,
  authServer,
  ISS,
  repoSmartLaunch,
  setPageUrl,
  type AuthServerOptions,
} from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';
import { dashboardDrawn } from '../support/dashboard-drawn';

// Each way the app page can fail shows its own screen, with what happened and what to do.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function arrive(options: AuthServerOptions = {}) {
  const auth = authServer(options);
  server.use(...auth.handlers, ...fhirHandlers(await sharedSeededEngine(), ISS));
  await arriveFromLaunch(auth);
  return auth;
}

const failureTitle = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });

describe('app page failure screens', () => {
  it('access denied at the authorization server', async () => {
    server.use(...authServer().handlers);
    setPageUrl(`${APP_ORIGIN}/index.html?error=access_denied&state=abc`);
    await renderApp();
    await failureTitle('Access was not granted');
    expect(screen.getByText(/approve the access/)).toBeTruthy();
  });

  it('expired session: the page is opened without a launch behind it', async () => {
    server.use(...authServer().handlers);
    setPageUrl(`${APP_ORIGIN}/index.html`);
    await renderApp();
    await failureTitle('Your session has ended');
    expect(screen.getByText(/Re-launch the app from the patient’s chart/)).toBeTruthy();
  });

  it('a redirect with a code but no state is refused, and the code is never exchanged', async () => {
    const auth = await arrive();
    setPageUrl(`${APP_ORIGIN}/index.html?code=injected-code`);
    await renderApp();
    await failureTitle('The sign-in failed');
    expect(screen.getByText(/state missing from the redirect/)).toBeTruthy();
    expect(auth.tokenRequests).toEqual([]);
  });

  it('missing patient context in the token response', async () => {
    await arrive({ tokenContext: { patient: undefined } });
    await renderApp();
    await failureTitle('No patient was selected');
  });

  it('server unreachable, with a retry that recovers', async () => {
    await arrive();
    const down = [http.all(`${ISS}/*`, () => HttpResponse.error())];
    server.use(...down);
    await renderApp();
    await failureTitle('The health record cannot be reached');
    server.resetHandlers(...authServer().handlers, ...fhirHandlers(await sharedSeededEngine(), ISS));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await dashboardDrawn();
  });

  it('unsupported FHIR version from the CapabilityStatement', async () => {
    await arrive();
    server.use(
      http.get(`${ISS}/metadata`, () =>
        HttpResponse.json({
          resourceType: 'CapabilityStatement',
          status: 'active',
          date: '2024-01-01',
          kind: 'instance',
          fhirVersion: '3.0.2',
          format: ['json'],
        }),
      ),
    );
    await renderApp();
    await failureTitle('This FHIR version is not supported');
    expect(screen.getByText(/speaks FHIR 3\.0\.2/)).toBeTruthy();
  });

  it('the token is refused while loading: the session has ended', async () => {
    await arrive();
    server.use(
      http.all(`${ISS}/*`, () => HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 401 })),
    );
    await renderApp();
    await failureTitle('Your session has ended');
  });

  it('a broken configuration lists the wrong fields', async () => {
    await arrive();
    const config = repoSmartLaunch();
    server.use(
      http.get(`${APP_ORIGIN}/smart-launch.json`, () => HttpResponse.json({ ...config, licence: { holder: '' } })),
    );
    await renderApp();
    await failureTitle('The app’s configuration is broken');
    expect(screen.getByText(/^licence\.holder:/)).toBeTruthy();
  });
});
