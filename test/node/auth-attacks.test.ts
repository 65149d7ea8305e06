import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CLIENT,
  authorizeUrl,
  createEhrLaunch,
  createPkce,
  ehrFormToken,
  exchangeCode,
  fhirRequest,
  firstPatientAndClinician,
  obtainToken,
  startTestSandbox,
  TEST_CLIENT,
  type Sandbox,
  SANDBOX_START_TIMEOUT_MS,
  type TokenResponse,
} from '../support/sandbox';

// Attacks on the authorization server and the EHR page: scope escalation past the registration, a replayed
// authorization code, a reused refresh token, and a cross-site form POST to the EHR page's launch.

let sandbox: Sandbox;
let who: { patient: string; clinician: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  who = await firstPatientAndClinician(sandbox);
}, SANDBOX_START_TIMEOUT_MS);
afterAll(() => sandbox.close());

const redirectUri = () => `${sandbox.url}${TEST_CLIENT.redirectPath}`;

async function launchCode(scope: string): Promise<{ code: string; verifier: string }> {
  const launch = await createEhrLaunch(sandbox, who);
  const pkce = createPkce();
  const redirected = await fetch(authorizeUrl(sandbox, { launch, pkce, scope }), { redirect: 'manual' });
  const code = new URL(redirected.headers.get('location')!).searchParams.get('code')!;
  return { code, verifier: pkce.verifier };
}

const codeForm = (code: string, verifier: string) => ({
  grant_type: 'authorization_code',
  code,
  code_verifier: verifier,
  redirect_uri: redirectUri(),
  client_id: TEST_CLIENT.clientId,
});

describe('scope escalation', () => {
  it('never grants the app more than it registered, however much it asks for', async () => {
    const token = await obtainToken(sandbox, {
      ...who,
      clientId: APP_CLIENT.clientId,
      scope: 'launch user/*.cruds patient/*.cruds system/*.cruds',
    });
    const granted = token.scope.split(' ');
    expect(granted).not.toContain('user/*.cruds');
    expect(granted).not.toContain('patient/*.cruds');
    expect(granted).toEqual(
      expect.arrayContaining(['patient/Flag.crus', 'user/Questionnaire.rs', 'patient/Provenance.c']),
    );
    const observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'x' },
      subject: { reference: `Patient/${who.patient}` },
    };
    const written = await fhirRequest(sandbox, token.access_token, 'Observation', {
      method: 'POST',
      body: observation,
    });
    expect(written.status).toBe(201);
    const deleted = await fhirRequest(
      sandbox,
      token.access_token,
      `Observation/${(written.body as { id: string }).id}`,
      { method: 'DELETE' },
    );
    expect(deleted.status).toBe(403);
    expect((await fhirRequest(sandbox, token.access_token, 'Practitioner')).status).toBe(403);
  });
});

describe('replay revokes the token chain', () => {
  it('revokes the access token issued for a code when the code is replayed', async () => {
    const { code, verifier } = await launchCode('launch patient/Patient.r');
    const first = (await (await exchangeCode(sandbox, codeForm(code, verifier))).json()) as TokenResponse;
    expect((await fhirRequest(sandbox, first.access_token, `Patient/${who.patient}`)).status).toBe(200);
    const replay = await exchangeCode(sandbox, codeForm(code, verifier));
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await fhirRequest(sandbox, first.access_token, `Patient/${who.patient}`)).status).toBe(401);
  });

  it('revokes the rotated refresh token and its access tokens when an old refresh token is reused', async () => {
    const { code, verifier } = await launchCode('launch offline_access patient/Patient.r');
    const first = (await (await exchangeCode(sandbox, codeForm(code, verifier))).json()) as TokenResponse;
    const second = (await (
      await exchangeCode(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token! })
    ).json()) as TokenResponse;
    expect((await fhirRequest(sandbox, second.access_token, `Patient/${who.patient}`)).status).toBe(200);
    const reuse = await exchangeCode(sandbox, { grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(reuse.status).toBe(400);
    expect((await fhirRequest(sandbox, second.access_token, `Patient/${who.patient}`)).status).toBe(401);
    const rotated = await exchangeCode(sandbox, { grant_type: 'refresh_token', refresh_token: second.refresh_token! });
    expect(rotated.status).toBe(400);
  });
});

describe('cross-site requests to the EHR page', () => {
  const faultForm = async (extra: Record<string, string>) =>
    new URLSearchParams({ ...who, noTransactions: 'on', noConditionalCreate: 'on', ...extra });

  it('refuses a cross-site form POST to /ehr/launch and leaves the engine settings alone', async () => {
    await createEhrLaunch(sandbox, who);
    const body = await faultForm({ formToken: await ehrFormToken(sandbox) });
    const crossSite = await fetch(`${sandbox.url}/ehr/launch`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const fetchMetadata = await fetch(`${sandbox.url}/ehr/launch`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMetadata.status).toBe(403);
    const opaque = await fetch(`${sandbox.url}/ehr/launch`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { origin: 'null' },
    });
    expect(opaque.status).toBe(403);
    expect(sandbox.engine.settings).toMatchObject({ transactions: true, conditionalCreate: true });
  });

  it('refuses a launch POST without the page’s form token', async () => {
    const response = await fetch(`${sandbox.url}/ehr/launch`, {
      method: 'POST',
      body: await faultForm({}),
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('form token');
    expect(sandbox.engine.settings).toMatchObject({ transactions: true, conditionalCreate: true });
  });

  it('accepts the same form from the page itself, as a browser sends it (no referrer: Origin null)', async () => {
    const body = await faultForm({ formToken: await ehrFormToken(sandbox) });
    const headers = { origin: 'null', 'sec-fetch-site': 'same-origin' };
    const response = await fetch(`${sandbox.url}/ehr/launch`, { method: 'POST', body, redirect: 'manual', headers });
    expect(response.status).toBe(303);
    expect(sandbox.engine.settings).toMatchObject({ transactions: false, conditionalCreate: false });
    await createEhrLaunch(sandbox, who);
  });
});
