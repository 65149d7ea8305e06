// Headless Chromium for the bench, the icon renderer and the browser journeys (Debian's build; never a
// downloaded one).
import { chromium, type Browser } from 'playwright-core';

/** Flags that work as root in a container, without background traffic that would skew network figures. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  // Playwright gives up on a start after 30 s; a busy machine can take longer, and a start that works returns at once.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 180_000 });
}

/** The middle value (the upper one of the two middles for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
