// A SMART authorization server in MSW for the app's launch tests: discovery, and a token endpoint that
// checks the PKCE verifier against the challenge the app sent (S256), so a wrong PKCE fails the test.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { clearPreviousSmartState } from '../../../src/ui/launch/clear-state';
import { planLaunch } from '../../../src/ui/launch/plan-launch';

export const APP_ORIGIN = 'http://127.0.0.1:5173';
export const ISS = 'http://127.0.0.1:8999/fhir';
export const AUTHORIZE = 'http://127.0.0.1:8999/auth/authorize';
export const TOKEN = 'http://127.0.0.1:8999/auth/token';

export const repoSmartLaunch = (): Record<string, unknown> =>
  JSON.parse(readFileSync('smart-launch.json', 'utf8')) as Record<string, unknown>;

export function setPageUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

export interface AuthServerOptions {
  readonly capabilities?: readonly string[];
  readonly tokenContext?: Record<string, unknown>;
  readonly config?: Record<string, unknown>;
}

export interface AuthServer {
  readonly handlers: HttpHandler[];
  /** The code challenge of the last authorize URL the test handed over (set by `authorizeUrl`). */
  challenge: string | undefined;
  tokenRequests: URLSearchParams[];
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export function authServer(options: AuthServerOptions = {}): AuthServer {
  const server: AuthServer = { handlers: [], challenge: undefined, tokenRequests: [] };
  const discovery = {
    issuer: 'http://127.0.0.1:8999/auth',
    authorization_endpoint: AUTHORIZE,
    token_endpoint: TOKEN,
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: options.capabilities ?? [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'permission-v2',
      'permission-v1',
      'context-ehr-patient',
    ],
  };
  server.handlers.push(
    http.get(`${APP_ORIGIN}/smart-launch.json`, () => HttpResponse.json(options.config ?? repoSmartLaunch())),
    http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.json(discovery)),
    http.post(TOKEN, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      server.tokenRequests.push(form);
      if (!server.challenge || s256(form.get('code_verifier') ?? '') !== server.challenge) {
        return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      }
      return HttpResponse.json(
        {
          access_token: 'token-1',
          token_type: 'Bearer',
          expires_in: 3600,
          scope:
            'launch openid fhirUser patient/Patient.r patient/QuestionnaireResponse.crs patient/Observation.crs patient/Flag.crus',
          patient: 'p01',
          need_patient_banner: true,
          ...options.tokenContext,
        },
        { headers: { 'cache-control': 'no-store' } },
      );
    }),
  );
  return server;
}

/** Records the PKCE challenge of an authorize URL and returns its parameters. */
export function readAuthorizeUrl(server: AuthServer, url: string): URLSearchParams {
  const params = new URL(url).searchParams;
  server.challenge = params.get('code_challenge') ?? undefined;
  return params;
}

/**
 * Runs the launch page's planning and fhirclient's authorize (stopping before the redirect), then lands
 * on the app page as the authorization server would send the browser back.
 */
export async function arriveFromLaunch(
  server: AuthServer,
  search = `?iss=${encodeURIComponent(ISS)}&launch=launch-1`,
): Promise<URLSearchParams> {
  setPageUrl(`${APP_ORIGIN}/launch.html${search}`);
  const plan = await planLaunch({ search, origin: APP_ORIGIN, fetch: (i, o) => fetch(i, o) });
  if (!plan.ok) throw new Error(`launch failed: ${plan.error.kind}`);
  clearPreviousSmartState(sessionStorage);
  // A fresh adapter: fhirclient's shared one keeps the first address it saw, and a test changes pages.
  const url = String(await new BrowserAdapter().getSmartApi().authorize({ ...plan.value.authorize, noRedirect: true }));
  const params = readAuthorizeUrl(server, url);
  setPageUrl(`${APP_ORIGIN}/index.html?code=code-1&state=${params.get('state')}`);
  return params;
}
