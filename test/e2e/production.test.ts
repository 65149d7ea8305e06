import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDeployConfig } from '../../src/node/serve/deploy-config';
import { startStaticServer } from '../../src/node/serve/static-server';
import type { Sandbox } from '../../src/node/sandbox/sandbox';
import { APP_SCOPE_CEILING, createEhrLaunch, SANDBOX_START_TIMEOUT_MS, startTestSandbox } from '../support/sandbox';
import { BROWSER_WAIT_MS, launchBrowser, skipJourneys } from './support/browser';

// The production build served as a health system would serve it (`npm run serve`: strict CSP, frame-ancestors
// from the deployment's EHR origins), launched from an EHR on another origin. The app must work under those
// headers: no Content-Security-Policy violation, and no embedding by an origin the deployment did not list.

const CLIENT_ID = 'therapy-feedback-production-test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The committed smart-launch.json with the local sandbox entry registered under this test's client id. */
function deploymentLaunchConfig(): string {
  const config = JSON.parse(readFileSync('smart-launch.json', 'utf8')) as {
    servers: { name: string; clientId: string }[];
  };
  config.servers = config.servers.map((s) => (s.name === 'Local sandbox' ? { ...s, clientId: CLIENT_ID } : s));
  return JSON.stringify(config);
}

let sandbox: Sandbox;
let site: { server: Server; url: string };
let browser: Browser;

beforeAll(async () => {
  if (skipJourneys) return;
  const ehrPort = await freePort();
  const ehrOrigin = `http://127.0.0.1:${ehrPort}`;
  const deploy = parseDeployConfig({ frameAncestors: [ehrOrigin], connectOrigins: [ehrOrigin], port: 0 });
  if (!deploy.ok) throw new Error(deploy.error.join('; '));
  site = await startStaticServer({ dir: inject('e2eAppDir'), smartLaunchJson: deploymentLaunchConfig() }, deploy.value);
  sandbox = await startTestSandbox({
    port: ehrPort,
    today: new Date().toISOString().slice(0, 10),
    clients: [{ clientId: CLIENT_ID, redirectUris: [`${site.url}/index.html`], scopes: APP_SCOPE_CEILING }],
  });
  browser = await launchBrowser();
}, SANDBOX_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve()));
});

/** A page (an EHR's, or a blank one when no embedder is given) that frames the app; console messages are collected. */
async function framing(embedder: string | undefined, appUrl: string): Promise<{ page: Page; messages: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const messages: string[] = [];
  page.on('console', (m: ConsoleMessage) => messages.push(m.text()));
  if (embedder) await page.goto(embedder);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'production app';
    frame.style.width = '900px';
    frame.style.height = '600px';
    document.body.prepend(frame);
  }, appUrl);
  return { page, messages };
}

const cspViolations = (messages: readonly string[]): string[] =>
  messages.filter((m) => /Content Security Policy/i.test(m));

describe.skipIf(skipJourneys)('the production build behind the deployment headers', () => {
  it('serves the built pages with the strict CSP, HSTS, no referrer and no caching', async () => {
    for (const page of ['/launch.html', '/index.html']) {
      const response = await fetch(`${site.url}${page}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`frame-ancestors ${sandbox.url}`);
      expect(csp).toContain(`connect-src 'self' ${sandbox.url}`);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('launches from the EHR into the framed app and shows the chart with no CSP violation', async () => {
    const launch = await createEhrLaunch(sandbox, { patient: 'p02', clinician: 'pr1' });
    const appUrl = `${site.url}/launch.html?iss=${encodeURIComponent(sandbox.fhirBaseUrl)}&launch=${encodeURIComponent(launch)}`;
    const { page, messages } = await framing(`${sandbox.url}/ehr/`, appUrl);
    const app = page.frameLocator('iframe[title="production app"]');
    await app.getByRole('heading', { name: 'Outcome', level: 3, exact: true }).waitFor();
    await app.getByRole('figure', { name: /Outcome \(ORS\) per session/ }).waitFor();
    expect(cspViolations(messages)).toEqual([]);
    await page.close();
  });

  it('refuses to be framed by an origin the deployment did not list', async () => {
    const { page, messages } = await framing(undefined, `${site.url}/launch.html`);
    await expect.poll(() => messages.some((m) => /frame-ancestors/.test(m))).toBe(true);
    await page.close();
  });
});
