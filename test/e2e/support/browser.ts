import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium drives the journeys; a browser is never downloaded. Without it the suite is skipped
// (and says so loudly) on a developer machine, and fails under CI, where it must be installed.

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get install -y chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const browserInstalled = existsSync(CHROMIUM_PATH);
export const underCi = process.env.CI === 'true';

/** True when the journeys cannot run here and should count as skipped (outside CI only). */
export const skipJourneys = !browserInstalled && !underCi;

if (!browserInstalled) {
  const consequence = underCi ? 'the browser journeys FAIL under CI' : 'the browser journeys are SKIPPED';
  console.warn(`\n!!! ${CHROMIUM_PATH} is missing: ${consequence}. Install it with: ${INSTALL_HINT}\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
