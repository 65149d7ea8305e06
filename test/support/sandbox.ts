// Helpers for tests that need the whole local EHR: start a sandbox on a free loopback port and obtain
// SMART tokens without a browser, by driving /ehr/launch, /auth/authorize and /auth/token over HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseSmartLaunchConfig, type ServerConfig } from '../../src/fhir/smart-launch-config';
import { LOCAL_SANDBOX_SERVER_NAME } from '../../src/node/sandbox/auth/clients';
import { engineDirectory } from '../../src/node/sandbox/ehr/directory';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/node/sandbox/sandbox';

export type { Sandbox } from '../../src/node/sandbox/sandbox';

/** A second registered client for tests, next to the app's own (`therapy-feedback`, `/index.html`). */
export const TEST_CLIENT = {
  clientId: 'test-client',
  redirectPath: '/test-callback',
  /** Registered wide, so tests can ask for any scope; the app's own registration is its least privilege. */
  scopes:
    'launch launch/patient launch/encounter openid fhirUser profile online_access offline_access patient/*.cruds user/*.cruds',
} as const;

/** The registration the sandbox itself reads (validated the same way), so tests ask for exactly what the app asks for. */
function localServerEntry(): ServerConfig {
  const parsed = parseSmartLaunchConfig(
    JSON.parse(readFileSync(new URL('../../smart-launch.json', import.meta.url), 'utf8')),
  );
  const server = parsed.ok ? parsed.value.servers.find((s) => s.name === LOCAL_SANDBOX_SERVER_NAME) : undefined;
  if (!server) throw new Error(`smart-launch.json has no valid "${LOCAL_SANDBOX_SERVER_NAME}" entry`);
  return server;
}
const localServer = localServerEntry();

/** The app's registration, as smart-launch.json has it. */
export const APP_CLIENT = {
  clientId: localServer.clientId,
  redirectPath: localServer.redirectUri,
  scopes: localServer.scopes,
  scopesV1: localServer.scopesV1,
} as const;

/** What the app registers (v2 and v1): the ceiling of its grants. */
export const APP_SCOPE_CEILING = `${APP_CLIENT.scopes} ${APP_CLIENT.scopesV1}`;

/**
 * Loading the FHIR definitions takes seconds, many more on a busy machine (load 20): pass this to beforeAll.
 * As long as the projects' hook ceiling (vitest.config.ts), so a hook that passes it is never the shorter.
 */
export const SANDBOX_START_TIMEOUT_MS = 300_000;

export function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    app: { kind: 'none' },
    seed: true,
    clients: [{ clientId: TEST_CLIENT.clientId, redirectUris: [TEST_CLIENT.redirectPath], scopes: TEST_CLIENT.scopes }],
    ...options,
  });
}

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  // Computed here as RFC 7636 says, not with the server's own function, so a wrong server is caught.
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function firstPatientAndClinician(sandbox: Sandbox): Promise<{ patient: string; clinician: string }> {
  const directory = engineDirectory(sandbox.engine);
  const [patients, clinicians] = await Promise.all([directory.patients(), directory.clinicians()]);
  if (!patients[0] || !clinicians[0]) throw new Error('the sandbox has no seeded patient or clinician');
  return { patient: patients[0].id, clinician: clinicians[0].id };
}

/** The launch form's anti-CSRF token, read from the EHR page as a browser has it. */
export async function ehrFormToken(sandbox: Sandbox): Promise<string> {
  const html = await (await fetch(`${sandbox.url}/ehr/`)).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the EHR page has no launch form token');
  return token;
}

/** Presses "Launch" on the EHR page; returns the opaque launch id. `form` adds fault fields. */
export async function createEhrLaunch(
  sandbox: Sandbox,
  choice: { patient: string; clinician: string; banner?: boolean; form?: Record<string, string> },
): Promise<string> {
  const formToken = await ehrFormToken(sandbox);
  const body = new URLSearchParams({
    formToken,
    patient: choice.patient,
    clinician: choice.clinician,
    ...(choice.banner ? { banner: 'on' } : {}),
    ...choice.form,
  });
  const response = await fetch(`${sandbox.url}/ehr/launch`, { method: 'POST', body, redirect: 'manual' });
  const location = response.headers.get('location');
  const launch = location ? new URL(location, sandbox.url).searchParams.get('launch') : null;
  if (response.status !== 303 || !launch)
    throw new Error(`EHR launch failed: ${response.status} ${await response.text()}`);
  return launch;
}

export interface AuthorizeInput {
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly scope?: string;
  readonly launch?: string;
  readonly state?: string;
  readonly pkce?: { readonly challenge: string };
  /** Overrides or removes (undefined) any authorize parameter. */
  readonly params?: Record<string, string | undefined>;
}

export function authorizeUrl(sandbox: Sandbox, input: AuthorizeInput & { pkce: { challenge: string } }): string {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: input.clientId ?? TEST_CLIENT.clientId,
    redirect_uri: input.redirectUri ?? `${sandbox.url}${TEST_CLIENT.redirectPath}`,
    scope: input.scope ?? APP_CLIENT.scopes,
    state: input.state ?? randomBytes(16).toString('base64url'),
    aud: sandbox.fhirBaseUrl,
    code_challenge: input.pkce.challenge,
    code_challenge_method: 'S256',
    launch: input.launch,
    ...input.params,
  };
  const url = new URL(sandbox.auth.urls.authorize);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** Runs the authorize step; answers the standalone picker with `pick` when it is shown. */
export async function authorizeForRedirect(
  url: string,
  pick?: { patient?: string; clinician?: string },
): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status !== 200 || !pick) return response;
  const html = await response.text();
  const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
  if (!pending) throw new Error(`no picker in the authorize answer: ${html.slice(0, 200)}`);
  const form = new URLSearchParams({ pending, ...pick });
  return fetch(new URL('/auth/pick', url), { method: 'POST', body: form, redirect: 'manual' });
}

export async function exchangeCode(sandbox: Sandbox, form: Record<string, string>): Promise<Response> {
  return fetch(sandbox.auth.urls.token, { method: 'POST', body: new URLSearchParams(form) });
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  patient?: string;
  encounter?: string;
  fhirUser?: string;
  id_token?: string;
  refresh_token?: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
}

/**
 * A complete EHR launch for a patient (default: the first seeded one): launch, authorize, token.
 * `form` sets EHR page fields such as faults (`{ shortLivedToken: 'on' }`).
 */
export async function obtainToken(
  sandbox: Sandbox,
  input: {
    patient?: string;
    clinician?: string;
    scope?: string;
    clientId?: string;
    form?: Record<string, string>;
  } = {},
): Promise<TokenResponse> {
  const defaults =
    input.patient && input.clinician
      ? { patient: input.patient, clinician: input.clinician }
      : await firstPatientAndClinician(sandbox);
  const launch = await createEhrLaunch(sandbox, {
    patient: input.patient ?? defaults.patient,
    clinician: input.clinician ?? defaults.clinician,
    ...(input.form ? { form: input.form } : {}),
  });
  const pkce = createPkce();
  const clientId = input.clientId ?? TEST_CLIENT.clientId;
  const redirectUri =
    clientId === APP_CLIENT.clientId
      ? `${sandbox.url}${APP_CLIENT.redirectPath}`
      : `${sandbox.url}${TEST_CLIENT.redirectPath}`;
  const redirected = await fetch(
    authorizeUrl(sandbox, { clientId, redirectUri, launch, pkce, ...(input.scope ? { scope: input.scope } : {}) }),
    { redirect: 'manual' },
  );
  const code = new URL(redirected.headers.get('location') ?? '', sandbox.url).searchParams.get('code');
  if (!code) throw new Error(`authorize gave no code: ${redirected.status} ${redirected.headers.get('location')}`);
  const response = await exchangeCode(sandbox, {
    grant_type: 'authorization_code',
    code,
    code_verifier: pkce.verifier,
    redirect_uri: redirectUri,
    client_id: clientId,
  });
  if (response.status !== 200) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

/** A FHIR request with the bearer token; the body is parsed JSON (or undefined). */
export async function fhirRequest(
  sandbox: Sandbox,
  accessToken: string | undefined,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${sandbox.fhirBaseUrl}/${path}`, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/fhir+json',
      ...init.headers,
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}
