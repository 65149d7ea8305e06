import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, launchChromium } from '../../../scripts/chromium';

// Debian's Chromium drives the journeys; a browser is never downloaded. Without it the suite is skipped
// (and says so loudly) on a developer machine, and fails under CI, where it must be installed.

export { CHROMIUM_PATH, launchChromium as launchBrowser };
export const INSTALL_HINT = 'apt-get install -y chromium';

/** Playwright's wait for a click, a page or an element: its 30 s default is too short on a busy machine. */
export const BROWSER_WAIT_MS = 90_000;

export const browserInstalled = existsSync(CHROMIUM_PATH);
export const underCi = process.env.CI === 'true';

/** True when the journeys cannot run here and should count as skipped (outside CI only). */
export const skipJourneys = !browserInstalled && !underCi;

if (!browserInstalled) {
  const consequence = underCi ? 'the browser journeys FAIL under CI' : 'the browser journeys are SKIPPED';
  console.warn(`\n!!! ${CHROMIUM_PATH} is missing: ${consequence}. Install it with: ${INSTALL_HINT}\n`);
}
