import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ehrPage, EHR_IFRAME_SANDBOX } from '../../src/node/sandbox/ehr/ehr-page';
import { NO_FAULTS } from '../../src/node/sandbox/auth/faults';
import {
  createEhrLaunch,
  ehrFormToken,
  firstPatientAndClinician,
  startTestSandbox,
  type Sandbox,
  SANDBOX_START_TIMEOUT_MS,
} from '../support/sandbox';

let sandbox: Sandbox;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'sandbox-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'launch.html'), '<!doctype html><title>launch</title>');
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dist, 'assets', 'app-1a2b3c4d.js'), 'export {};');
  sandbox = await startTestSandbox({ app: { kind: 'static', dir: dist } });
}, SANDBOX_START_TIMEOUT_MS);
afterAll(async () => {
  await sandbox.close();
  await rm(dist, { recursive: true, force: true });
});

describe('one origin for the whole EHR', () => {
  it('serves the built app with content types, and nothing outside its directory', async () => {
    const page = await fetch(`${sandbox.url}/launch.html`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const script = await fetch(`${sandbox.url}/assets/app-1a2b3c4d.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${sandbox.url}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('serves smart-launch.json from the repository', async () => {
    const response = await fetch(`${sandbox.url}/smart-launch.json`);
    const json = (await response.json()) as { servers: { name: string }[] };
    expect(json.servers.map((s) => s.name)).toContain('Local sandbox');
  });

  it('binds to loopback and advertises SMART endpoints in the CapabilityStatement', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const metadata = (await (await fetch(`${sandbox.fhirBaseUrl}/metadata`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(metadata)).toContain(`${sandbox.url}/auth/token`);
  });
});

describe('EHR launch page', () => {
  it('lists the seeded patients with their stories and offers the faults', async () => {
    const response = await fetch(`${sandbox.url}/ehr/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html.match(/name="patient"/g)?.length).toBeGreaterThanOrEqual(8);
    expect(html).toContain('name="noTransactions"');
    expect(html).toContain('Standalone launch');
  });

  it('launches the app in a sandboxed iframe with iss and an opaque launch, and shows the context', async () => {
    const who = await firstPatientAndClinician(sandbox);
    const launch = await createEhrLaunch(sandbox, { ...who, form: { shortLivedToken: 'on' } });
    const html = await (await fetch(`${sandbox.url}/ehr/?launch=${launch}`)).text();
    const src = `${sandbox.url}/launch.html?iss=${encodeURIComponent(sandbox.fhirBaseUrl)}&amp;launch=${launch}`;
    expect(html).toContain(`<iframe title="Therapy Feedback (SMART app)" src="${src}" sandbox="${EHR_IFRAME_SANDBOX}"`);
    expect(html).toContain(`<dd>${who.patient}</dd>`);
    expect(html).toContain('access token expires after 20 s');
  });

  it('refuses a launch for an unknown patient with the page and a reason', async () => {
    const { clinician } = await firstPatientAndClinician(sandbox);
    const body = new URLSearchParams({ formToken: await ehrFormToken(sandbox), patient: 'nobody', clinician });
    const response = await fetch(`${sandbox.url}/ehr/launch`, { method: 'POST', body, redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown patient.');
  });

  it('escapes everything it renders', () => {
    const html = ehrPage({
      patients: [{ id: 'x"><script>', name: '<img src=x onerror=alert(1)>', story: '</p><script>alert(2)</script>' }],
      clinicians: [{ id: 'c', name: 'Dr <b>' }],
      fhirBaseUrl: 'http://127.0.0.1:1/fhir',
      standaloneUrl: 'http://127.0.0.1:1/launch.html?iss=x',
      formToken: 'token',
      client: undefined,
      launched: {
        launchId: 'l',
        launchUrl: 'http://127.0.0.1:1/launch.html?a=1&b="2"',
        context: { patient: 'x"><script>', needPatientBanner: false, faults: NO_FAULTS },
      },
    });
    expect(html).not.toMatch(/<script>|<img|<b>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a=1&amp;b=&quot;2&quot;');
  });
});

describe('the app in development', () => {
  it(
    'mounts Vite in middleware mode, serving the launch page and TypeScript sources',
    async () => {
      const dev = await startTestSandbox({ app: { kind: 'vite-dev' }, seed: false });
      try {
        const launch = await fetch(`${dev.url}/launch.html`);
        expect(launch.headers.get('content-type')).toContain('text/html');
        expect(await launch.text()).toContain('/@vite/client');
        const source = await fetch(`${dev.url}/src/fhir/codes.ts`);
        expect(source.headers.get('content-type')).toContain('javascript');
        expect((await fetch(`${dev.url}/ehr/`)).status).toBe(200);
      } finally {
        await dev.close();
      }
    },
    SANDBOX_START_TIMEOUT_MS,
  );
});
