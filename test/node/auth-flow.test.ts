import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CLIENT,
  authorizeForRedirect,
  authorizeUrl,
  createEhrLaunch,
  createPkce,
  exchangeCode,
  firstPatientAndClinician,
  startTestSandbox,
  TEST_CLIENT,
  type Sandbox,
  type TokenResponse,
  SANDBOX_START_TIMEOUT_MS,
} from '../support/sandbox';

let sandbox: Sandbox;
let who: { patient: string; clinician: string };
let redirectUri: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  who = await firstPatientAndClinician(sandbox);
  redirectUri = `${sandbox.url}${TEST_CLIENT.redirectPath}`;
}, SANDBOX_START_TIMEOUT_MS);
afterAll(() => sandbox.close());

async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Authorize for an EHR launch and return where the server sent the browser. */
async function authorizeRedirect(input: Parameters<typeof authorizeUrl>[1]): Promise<URL> {
  const response = await fetch(authorizeUrl(sandbox, input), { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

async function launchCode(scope?: string): Promise<{ code: string; verifier: string; state: string }> {
  const launch = await createEhrLaunch(sandbox, who);
  const pkce = createPkce();
  const state = 'state-' + Math.random().toString(36).slice(2);
  const location = await authorizeRedirect({ launch, pkce, state, ...(scope ? { scope } : {}) });
  return { code: location.searchParams.get('code')!, verifier: pkce.verifier, state };
}

const codeForm = (code: string, verifier: string) => ({
  grant_type: 'authorization_code',
  code,
  code_verifier: verifier,
  redirect_uri: redirectUri,
  client_id: TEST_CLIENT.clientId,
});

describe('discovery', () => {
  it('publishes a SMART configuration that asks for PKCE S256 only, open to any origin', async () => {
    const { status, headers, body } = await getJson(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`, {
      origin: 'https://elsewhere.example',
    });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body.code_challenge_methods_supported).toEqual(['S256']);
    expect(body.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
    expect(body.token_endpoint_auth_methods_supported).toEqual(['none']);
    expect(body.response_types_supported).toEqual(['code']);
    expect(body.capabilities).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-ehr-patient',
        'context-ehr-encounter',
        'context-standalone-patient',
        'permission-v2',
        'permission-v1',
        'sso-openid-connect',
        'permission-offline',
      ]),
    );
    expect(body.authorization_endpoint).toBe(`${sandbox.url}/auth/authorize`);
    expect(body.token_endpoint).toBe(`${sandbox.url}/auth/token`);
  });

  it('publishes OpenID configuration and a JWKS with the signing key', async () => {
    const smart = await getJson(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`);
    const oidc = await getJson(`${String(smart.body.issuer)}/.well-known/openid-configuration`);
    expect(oidc.body.issuer).toBe(smart.body.issuer);
    expect(oidc.body.id_token_signing_alg_values_supported).toContain('RS256');
    const keys = await getJson(String(smart.body.jwks_uri));
    expect(keys.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect(JSON.stringify(keys.body)).not.toMatch(/"d"|"p"|"q"/);
  });
});

describe('authorize', () => {
  it('refuses an unknown redirect_uri with a page, never a redirect', async () => {
    const response = await fetch(
      authorizeUrl(sandbox, { pkce: createPkce(), redirectUri: 'https://evil.example/cb' }),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri is not registered');
  });

  it('refuses an unknown client with a page', async () => {
    const response = await fetch(authorizeUrl(sandbox, { pkce: createPkce(), clientId: 'nobody' }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('requires PKCE and refuses the plain method, echoing state', async () => {
    const launch = await createEhrLaunch(sandbox, who);
    const missing = await authorizeRedirect({
      launch,
      pkce: createPkce(),
      state: 's1',
      params: { code_challenge: undefined, code_challenge_method: undefined },
    });
    expect(missing.searchParams.get('error')).toBe('invalid_request');
    expect(missing.searchParams.get('state')).toBe('s1');
    const verifier = createPkce().verifier;
    const plain = await authorizeRedirect({
      launch,
      pkce: { challenge: verifier },
      state: 's2',
      params: { code_challenge_method: 'plain' },
    });
    expect(plain.searchParams.get('error')).toBe('invalid_request');
    expect(plain.searchParams.get('error_description')).toContain('S256');
    expect(plain.searchParams.get('code')).toBeNull();
  });

  it('refuses an aud that is not this FHIR server and an unknown launch', async () => {
    const wrongAud = await authorizeRedirect({ pkce: createPkce(), params: { aud: 'https://other.example/fhir' } });
    expect(wrongAud.searchParams.get('error')).toBe('invalid_request');
    const badLaunch = await authorizeRedirect({ pkce: createPkce(), launch: 'not-a-launch' });
    expect(badLaunch.searchParams.get('error_description')).toContain('launch');
  });

  it('accepts POST as well as GET and echoes state with the code', async () => {
    const launch = await createEhrLaunch(sandbox, who);
    const url = new URL(authorizeUrl(sandbox, { launch, pkce: createPkce(), state: 'posted-state' }));
    const response = await fetch(url.origin + url.pathname, {
      method: 'POST',
      body: url.searchParams,
      redirect: 'manual',
    });
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('posted-state');
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
  });
});

describe('token', () => {
  it('refuses a wrong code_verifier, and the code is spent afterwards', async () => {
    const { code, verifier } = await launchCode();
    const wrong = await exchangeCode(sandbox, codeForm(code, createPkce().verifier));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const retry = await exchangeCode(sandbox, codeForm(code, verifier));
    expect(retry.status).toBe(400);
  });

  it('uses a code once only', async () => {
    const { code, verifier } = await launchCode();
    expect((await exchangeCode(sandbox, codeForm(code, verifier))).status).toBe(200);
    const second = await exchangeCode(sandbox, codeForm(code, verifier));
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a redirect_uri that differs from the authorization request', async () => {
    const { code, verifier } = await launchCode();
    const response = await exchangeCode(sandbox, { ...codeForm(code, verifier), redirect_uri: `${sandbox.url}/other` });
    expect(response.status).toBe(400);
  });

  it('carries the launch context and a verifiable id_token, never cached', async () => {
    const { code, verifier } = await launchCode(APP_CLIENT.scopes);
    const response = await exchangeCode(sandbox, codeForm(code, verifier));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const token = (await response.json()) as TokenResponse;
    expect(token).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      patient: who.patient,
      need_patient_banner: false,
      fhirUser: `${sandbox.fhirBaseUrl}/Practitioner/${who.clinician}`,
      smart_style_url: `${sandbox.url}/auth/smart-style.json`,
    });
    expect(token.scope.split(' ')).toEqual(APP_CLIENT.scopes.split(' '));
    expect(token.refresh_token).toBeTruthy();
    const jwks = createRemoteJWKSet(new URL(`${sandbox.url}/auth/jwks`));
    const { payload } = await jwtVerify(token.id_token!, jwks, {
      issuer: `${sandbox.url}/auth`,
      audience: TEST_CLIENT.clientId,
    });
    expect(payload.fhirUser).toBe(token.fhirUser);
    // The signed-in clinician's name, as the EHR page lists it (the app prints it on the printout).
    expect(payload.name).toMatch(/^\S+ \S+/);
    const style = await getJson(token.smart_style_url!);
    expect(style.body.color_highlight).toMatch(/^#/);
  });

  it('puts the nonce in the id_token and gives no refresh token without online/offline access', async () => {
    const launch = await createEhrLaunch(sandbox, who);
    const pkce = createPkce();
    const location = await authorizeRedirect({
      launch,
      pkce,
      scope: 'launch openid fhirUser patient/Patient.r',
      params: { nonce: 'n-123' },
    });
    const token = (await (
      await exchangeCode(sandbox, codeForm(location.searchParams.get('code')!, pkce.verifier))
    ).json()) as TokenResponse;
    const { payload } = await jwtVerify(token.id_token!, createRemoteJWKSet(new URL(`${sandbox.url}/auth/jwks`)));
    expect(payload.nonce).toBe('n-123');
    expect(token.refresh_token).toBeUndefined();
  });

  it('refreshes, rotating the refresh token, and may narrow the scope', async () => {
    const { code, verifier } = await launchCode(
      'launch openid fhirUser offline_access patient/Patient.r patient/Observation.rs',
    );
    const first = (await (await exchangeCode(sandbox, codeForm(code, verifier))).json()) as TokenResponse;
    const refreshed = await exchangeCode(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      scope: 'offline_access patient/Patient.r',
    });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenResponse;
    expect(second.scope).toBe('offline_access patient/Patient.r');
    expect(second.patient).toBe(who.patient);
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const widened = await exchangeCode(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: second.refresh_token!,
      scope: 'patient/Observation.cruds',
    });
    expect(await widened.json()).toMatchObject({ error: 'invalid_scope' });
    const reused = await exchangeCode(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(reused.status).toBe(400);
  });

  it('allows the registered origin, and only it, on the token endpoint', async () => {
    const preflight = await fetch(sandbox.auth.urls.token, {
      method: 'OPTIONS',
      headers: { origin: sandbox.url, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(sandbox.url);
    const foreign = await fetch(sandbox.auth.urls.token, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a full standalone authorization-code flow by a scripted client', () => {
  it('discovers, authorizes with the patient picker, exchanges the code and reads the chosen patient', async () => {
    const smart = await getJson(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`);
    const pkce = createPkce();
    const url = new URL(String(smart.body.authorization_endpoint));
    const params = {
      response_type: 'code',
      client_id: APP_CLIENT.clientId,
      redirect_uri: `${sandbox.url}${APP_CLIENT.redirectPath}`,
      scope: 'openid fhirUser launch/patient patient/Patient.r patient/QuestionnaireResponse.rs',
      state: 'standalone-1',
      aud: sandbox.fhirBaseUrl,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const picked = await authorizeForRedirect(url.href, { patient: who.patient, clinician: who.clinician });
    expect(picked.status).toBe(302);
    const back = new URL(picked.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('standalone-1');
    const tokenResponse = await fetch(String(smart.body.token_endpoint), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        code_verifier: pkce.verifier,
        redirect_uri: params.redirect_uri,
        client_id: params.client_id,
      }),
    });
    const token = (await tokenResponse.json()) as TokenResponse;
    expect(token.patient).toBe(who.patient);
    expect(token.need_patient_banner).toBe(true);
    const patient = await fetch(`${sandbox.fhirBaseUrl}/Patient/${token.patient}`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(patient.status).toBe(200);
    expect(await patient.json()).toMatchObject({ resourceType: 'Patient', id: who.patient });
  });

  it('does not accept a picked patient the directory does not know', async () => {
    const url = authorizeUrl(sandbox, { pkce: createPkce(), scope: 'launch/patient patient/Patient.r' });
    const response = await authorizeForRedirect(url, { patient: 'no-such-patient' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});
