import { defineConfig } from 'vitest/config';

// fhirclient's package "main" is its node entry; the app runs the browser build, and so do the tests.
const browserAliases = [{ find: /^fhirclient$/, replacement: 'fhirclient/lib/entry/browser.js' }];

// Sized for a busy machine (CI runs on the developer's own, two cores, often loaded, load 20 seen): a test,
// hook or poll that passes returns as soon as it is done, so a generous ceiling costs nothing and only stops
// a hung run. `expect.poll` would otherwise give up after 1 s.
const busyMachine = { testTimeout: 180_000, hookTimeout: 300_000, expect: { poll: { timeout: 90_000 } } };
// A browser journey is many page loads and clicks, each waiting up to Playwright's 90 s (test/e2e/support/harness.ts).
const busyBrowser = { testTimeout: 600_000, hookTimeout: 600_000, expect: { poll: { timeout: 90_000 } } };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node', ...busyMachine } },
      {
        test: {
          name: 'node',
          include: ['test/node/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          ...busyMachine,
        },
      },
      {
        resolve: { alias: browserAliases },
        test: {
          name: 'dom',
          include: ['test/fhir/**/*.test.{ts,tsx}', 'test/ui/**/*.test.{ts,tsx}', 'test/flows/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/support/dom-setup.ts'],
          isolate: false,
          ...busyMachine,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          ...busyBrowser,
          fileParallelism: false,
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
