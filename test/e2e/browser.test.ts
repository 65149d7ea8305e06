import { describe, expect, it } from 'vitest';
import { browserInstalled, CHROMIUM_PATH, INSTALL_HINT, skipJourneys } from './support/browser';

// Under CI a missing browser must not pass as "skipped": this test fails there. Elsewhere it is skipped
// (and support/browser.ts has already said so loudly).

describe.skipIf(skipJourneys)('the browser for the journeys', () => {
  it('is installed', () => {
    expect(browserInstalled, `${CHROMIUM_PATH} is missing; install it with: ${INSTALL_HINT}`).toBe(true);
  });
});
