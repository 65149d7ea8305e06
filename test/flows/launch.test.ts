import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearPreviousSmartState, SMART_KEY } from '../../src/ui/launch/clear-state';
import { planLaunch } from '../../src/ui/launch/plan-launch';
import { sharedSeededEngine } from '../support/engine';
import { fhirHandlers } from '../support/msw-fhir';
import {
  APP_ORIGIN,
  authServer,
  ISS,
  readAuthorizeUrl,
  repoSmartLaunch,
  setPageUrl,
  type AuthServer,
} from '../ui/support/smart';
import { renderApp } from '../ui/support/render-app';
import { dashboardDrawn } from '../support/dashboard-drawn';

// The real launch code (launch page planning, fhirclient authorize/ready, the app shell) against an
// MSW authorization server that checks PKCE, and the real sandbox FHIR engine with its seeded clients.
const server = setupServer();
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function useAuth(options: Parameters<typeof authServer>[0] = {}): Promise<AuthServer> {
  const auth = authServer(options);
  server.use(...auth.handlers, ...fhirHandlers(await sharedSeededEngine(), ISS));
  return auth;
}

/** The launch page's work, stopping at the URL it would redirect to. */
async function launchTo(search: string): Promise<string> {
  setPageUrl(`${APP_ORIGIN}/launch.html${search}`);
  const plan = await planLaunch({ search: location.search, origin: location.origin, fetch: (i, o) => fetch(i, o) });
  if (!plan.ok) throw new Error(`launch failed: ${plan.error.kind}`);
  clearPreviousSmartState(sessionStorage);
  return String(await new BrowserAdapter().getSmartApi().authorize({ ...plan.value.authorize, noRedirect: true }));
}

const ehrLaunch = `?iss=${encodeURIComponent(ISS)}&launch=launch-123`;

describe('EHR launch', () => {
  it('authorizes with PKCE S256, the launch handle and v2 scopes, then shows the chart of the launched patient', async () => {
    const auth = await useAuth();
    const params = readAuthorizeUrl(auth, await launchTo(ehrLaunch));
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('therapy-feedback');
    expect(params.get('aud')).toBe(ISS);
    expect(params.get('launch')).toBe('launch-123');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')?.length).toBeGreaterThanOrEqual(16);
    expect(params.get('redirect_uri')).toBe(`${APP_ORIGIN}/index.html`);
    expect(params.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['launch', 'patient/QuestionnaireResponse.crs', 'user/Questionnaire.rs']),
    );

    setPageUrl(`${APP_ORIGIN}/index.html?code=code-1&state=${params.get('state')}`);
    await renderApp();
    await dashboardDrawn();
    expect(within(screen.getByRole('region', { name: 'Patient' })).getByText('Maya Lindqvist')).toBeTruthy();
    expect(auth.tokenRequests).toHaveLength(1);
    expect(auth.tokenRequests[0]?.get('client_id')).toBe('therapy-feedback');
    // fhirclient took the one-time code and the state out of the address.
    expect(location.search).not.toMatch(/code=|state=/);
    expect(screen.getByRole('heading', { name: /All responses/ })).toBeTruthy();
  });

  it('asks for v1 scopes when the server does not advertise permission-v2', async () => {
    await useAuth({ capabilities: ['launch-ehr', 'client-public', 'permission-v1'] });
    const scope = new URL(await launchTo(ehrLaunch)).searchParams.get('scope') ?? '';
    expect(scope).toContain('patient/QuestionnaireResponse.read');
    expect(scope).not.toContain('.crs');
  });

  it('forgets the previous launch state before authorizing again', async () => {
    await useAuth();
    await launchTo(ehrLaunch);
    const firstKey = JSON.parse(sessionStorage.getItem(SMART_KEY) ?? '""') as string;
    expect(sessionStorage.getItem(firstKey)).not.toBeNull();
    await launchTo(`?iss=${encodeURIComponent(ISS)}&launch=launch-456`);
    expect(sessionStorage.getItem(firstKey)).toBeNull();
  });
});

describe('standalone launch', () => {
  it('asks the server to pick the patient (launch/patient) and sends no launch handle', async () => {
    await useAuth();
    const params = new URL(await launchTo(`?iss=${encodeURIComponent(ISS)}`)).searchParams;
    const scopes = params.get('scope')?.split(' ') ?? [];
    expect(scopes).toContain('launch/patient');
    expect(scopes).not.toContain('launch');
    expect(params.has('launch')).toBe(false);
  });
});

describe('launch failures', () => {
  const plan = (search: string) => planLaunch({ search, origin: APP_ORIGIN, fetch: (i, o) => fetch(i, o) });

  it('names an issuer the configuration does not know', async () => {
    await useAuth();
    const result = await plan('?iss=https%3A%2F%2Fother.example%2Ffhir&launch=x');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unknown-issuer', params: { iss: 'https://other.example/fhir' } },
    });
  });

  it('lists each wrong field of a broken smart-launch.json', async () => {
    const config = repoSmartLaunch() as { servers: Record<string, unknown>[] };
    config.servers[0] = { ...config.servers[0], clientId: '', pkceMode: 'sometimes' };
    await useAuth({ config });
    const result = await plan(ehrLaunch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('config-invalid');
    expect(result.error.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^servers\[0\]\.clientId:/),
        expect.stringMatching(/^servers\[0\]\.pkceMode:/),
      ]),
    );
  });

  it('says when the launch has no iss', async () => {
    await useAuth();
    expect(await plan('?launch=x')).toMatchObject({ ok: false, error: { kind: 'missing-iss' } });
  });

  it('reports an unreachable configuration file with a retry', async () => {
    server.use(http.get(`${APP_ORIGIN}/smart-launch.json`, () => HttpResponse.error()));
    expect(await plan(ehrLaunch)).toMatchObject({ ok: false, error: { kind: 'config-unavailable', retry: true } });
  });
});
