import { defineConfig } from 'vitest/config';

// fhirclient's package "main" is its node entry; the app runs the browser build, and so do the tests.
const browserAliases = [{ find: /^fhirclient$/, replacement: 'fhirclient/lib/entry/browser.js' }];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node' } },
      // Hooks start seeded engines (two whole caseloads): seconds, more on a busy machine.
      { test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        resolve: { alias: browserAliases },
        test: {
          name: 'dom',
          include: ['test/fhir/**/*.test.{ts,tsx}', 'test/ui/**/*.test.{ts,tsx}', 'test/flows/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/support/dom-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node',
          testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false,
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
