import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { seriousViolations } from './axe';
import { BROWSER_WAIT_MS, browserInstalled, launchBrowser } from './browser';
import { recordRequests, type RequestLog } from './network';
import { screenshotOnFailure } from './screenshots';
import { startE2eSandbox, type E2eSandbox } from './sandbox';

// One browser and one sandbox per journey file, a fresh browser context per journey. Every journey page
// records its requests; after each journey no request may have left for another host, and every screen
// the journey checked with `a11y` must have had no serious or critical axe violation.

export interface Journey {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly requests: RequestLog;
  /** Runs axe on the page (and on the app's frame when there is one); collects what it finds. */
  a11y(screen: string): Promise<void>;
}

export interface Harness {
  readonly env: E2eSandbox;
  /** A new context (fresh storage) and page for one journey. */
  journey(options?: BrowserContextOptions): Promise<Journey>;
}

const START_TIMEOUT_MS = 120_000;

export function useHarness(): Harness {
  let browser: Browser | undefined;
  let env: E2eSandbox | undefined;
  let open: { context: BrowserContext; requests: RequestLog; violations: string[] } | undefined;
  /** Console errors and uncaught exceptions of the current journey's page, printed if it fails. */
  const problems: string[] = [];

  beforeAll(async () => {
    if (!browserInstalled) return;
    [browser, env] = await Promise.all([launchBrowser(), startE2eSandbox()]);
  }, START_TIMEOUT_MS);

  afterEach(async ({ task }) => {
    if (!open) return;
    const { context, requests, violations } = open;
    open = undefined;
    if (task.result?.state === 'fail') {
      console.warn(
        `e2e: frames at the failure: ${context
          .pages()
          .flatMap((p) => p.frames().map((f) => f.url()))
          .join(' | ')}`,
      );
      for (const line of problems) console.warn(`e2e: browser said: ${line}`);
      await screenshotOnFailure(context, task.name);
    }
    await context.close();
    expect(requests.foreign, 'requests to hosts other than the app and its FHIR server').toEqual([]);
    expect(violations, 'serious or critical accessibility violations').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  return {
    get env() {
      if (!env) throw new Error('the sandbox is not running');
      return env;
    },
    async journey(options = {}) {
      if (!browser || !env) throw new Error('the browser or the sandbox is not running');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      context.setDefaultTimeout(BROWSER_WAIT_MS);
      const page = await context.newPage();
      const requests = recordRequests(page, [new URL(env.sandbox.url).origin, new URL(env.sandbox.fhirBaseUrl).origin]);
      problems.length = 0;
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const violations: string[] = [];
      open = { context, requests, violations };
      const a11y = async (screen: string) => {
        violations.push(...(await seriousViolations(page, `${screen} (page)`)));
        const app = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/index.html'));
        if (app) violations.push(...(await seriousViolations(app, `${screen} (app frame)`)));
      };
      return { page, context, requests, a11y };
    },
  };
}
