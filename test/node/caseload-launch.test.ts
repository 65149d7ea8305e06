import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadConfig } from '../../src/fhir/caseload-config';
import { parseSmartLaunchConfig } from '../../src/fhir/smart-launch-config';
import { caseloadScopesFor } from '../../src/ui/launch/caseload-scopes';
import {
  APP_CLIENT,
  authorizeForRedirect,
  authorizeUrl,
  createEhrLaunch,
  createPkce,
  exchangeCode,
  fhirRequest,
  obtainToken,
  SANDBOX_START_TIMEOUT_MS,
  startTestSandbox,
  type Sandbox,
  type TokenResponse,
} from '../support/sandbox';

// The sandbox EHR's "Launch without patient": a provider context with no chart open. The token names the
// clinician and no patient, carries the caseload's user/ scopes, and those reach every client of the clinician.

function caseloadConfig(): CaseloadConfig {
  const parsed = parseSmartLaunchConfig(JSON.parse(readFileSync('smart-launch.json', 'utf8')));
  const caseload = parsed.ok ? parsed.value.servers.find((s) => s.name === 'Local sandbox')?.caseload : undefined;
  if (!caseload) throw new Error('smart-launch.json: the Local sandbox has no caseload entry');
  return caseload;
}
const caseloadScopes = (): string => caseloadConfig().scopes;

describe('launch without patient', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  }, SANDBOX_START_TIMEOUT_MS);
  afterAll(() => sandbox.close());

  it("the EHR page offers it and frames the app's caseload entry", async () => {
    const page = await (await fetch(`${sandbox.url}/ehr/`)).text();
    expect(page).toContain('<button type="submit" name="withoutPatient" value="on">Launch without patient</button>');
    const launch = await createEhrLaunch(sandbox, { patient: 'p01', clinician: 'pr2', form: { withoutPatient: 'on' } });
    const chart = await (await fetch(`${sandbox.url}/ehr/?launch=${launch}`)).text();
    expect(chart).toMatch(/launch\.html\?view=caseload&amp;iss=/);
    expect(chart).not.toContain('class="banner"');
  });

  it("gives a token with fhirUser, no patient and user/ scopes that read the clinician's whole caseload", async () => {
    const token = await obtainToken(sandbox, {
      patient: 'p01',
      clinician: 'pr2',
      clientId: APP_CLIENT.clientId,
      scope: caseloadScopes(),
      form: { withoutPatient: 'on' },
    });
    const claims = token as unknown as Record<string, unknown>;
    expect(claims['patient']).toBeUndefined();
    expect(String(claims['fhirUser'])).toMatch(/\/Practitioner\/pr2$/);
    expect(token.scope).toContain('user/Appointment.rs');
    const booked = await fhirRequest(
      sandbox,
      token.access_token,
      'Appointment?practitioner=Practitioner/pr2&_count=100',
    );
    expect(booked.status).toBe(200);
    expect(((booked.body as { entry?: unknown[] }).entry ?? []).length).toBeGreaterThanOrEqual(25);
    const history = await fhirRequest(
      sandbox,
      token.access_token,
      'QuestionnaireResponse?subject=Patient/p04,Patient/p03&_count=100',
    );
    expect(history.status).toBe(200);
    expect(((history.body as { entry?: unknown[] }).entry ?? []).length).toBeGreaterThan(10);
  });

  it('a clinician signs in, picks no patient, and gets their own fhirUser with user/ scopes', async () => {
    const pkce = createPkce();
    const redirectUri = `${sandbox.url}${APP_CLIENT.redirectPath}`;
    const scope = caseloadScopesFor(caseloadConfig(), 'v2', true);
    const url = authorizeUrl(sandbox, { clientId: APP_CLIENT.clientId, redirectUri, scope, pkce });
    const picked = await authorizeForRedirect(url, { clinician: 'pr1' });
    const code = new URL(picked.headers.get('location') ?? '', sandbox.url).searchParams.get('code');
    expect(code).toBeTruthy();
    const response = await exchangeCode(sandbox, {
      grant_type: 'authorization_code',
      code: code!,
      code_verifier: pkce.verifier,
      redirect_uri: redirectUri,
      client_id: APP_CLIENT.clientId,
    });
    const token = (await response.json()) as TokenResponse;
    expect(token.patient).toBeUndefined();
    expect(token.fhirUser).toMatch(/\/Practitioner\/pr1$/);
    expect(token.scope.split(' ')).toContain('user/CareTeam.rs');
  });
});

describe('smart-launch.json caseload entry', () => {
  const config = JSON.parse(readFileSync('smart-launch.json', 'utf8')) as { servers: Record<string, unknown>[] };

  it('is validated field by field: unknown sources and repeated ones are refused', () => {
    const withSources = (myClients: unknown) => ({
      ...config,
      servers: [{ ...config.servers[0], caseload: { scopes: 'launch', scopesV1: 'launch', myClients } }],
    });
    const repeated = parseSmartLaunchConfig(withSources(['appointments', 'appointments']));
    expect(repeated.ok ? [] : repeated.error).toEqual(['servers[0].caseload.myClients: each source once']);
    const unknown = parseSmartLaunchConfig(withSources(['schedule']));
    expect(unknown.ok ? [] : unknown.error.join()).toMatch(/^servers\[0\]\.caseload\.myClients\[0\]: /);
  });

  it('every caseload scope is justified, and a standalone caseload launch binds no EHR context', () => {
    const parsed = parseSmartLaunchConfig(config);
    if (!parsed.ok) throw new Error(parsed.error.join());
    for (const server of parsed.value.servers.filter((s) => s.caseload)) {
      for (const scope of server.caseload!.scopes.split(' ').filter((s) => s.includes('/')))
        expect(parsed.value.scopeJustifications[scope], scope).toBeTruthy();
      expect(server.caseload!.scopes).not.toMatch(/patient\//);
    }
    const caseload = parsed.value.servers[0]!.caseload!;
    expect(caseloadScopesFor(caseload, 'v1', true).split(' ')).not.toContain('launch');
    expect(caseloadScopesFor(caseload, 'v1', false).split(' ')).toContain('launch');
    expect(caseloadScopesFor(caseload, 'v1', true)).toContain('user/Appointment.read');
  });
});
