import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';

// Screenshots of the main screens, written as test artefacts only (git-ignored), so `npm test` never changes
// tracked files. `npm run screenshots` (scripts/screenshots.ts) copies the README's ones to docs/screenshots.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const ARTIFACT_DIR = `${repoRoot}test-artifacts/screenshots`;

/** The screenshots the README shows, and the journeys that take them. */
export const README_SCREENSHOTS = [
  'ehr-launch',
  'clinician-view',
  'client-mode-ors',
  'child-cors',
  'spanish',
  'caseload',
] as const;
export const README_SCREENSHOT_JOURNEYS = [
  'test/e2e/launch.test.ts',
  'test/e2e/people.test.ts',
  'test/e2e/session.test.ts',
  'test/e2e/caseload.test.ts',
] as const;

/**
 * Writes `test-artifacts/screenshots/<name>.png`: a whole page, or only its top `topPx` pixels (leaving out
 * parts that change with every run, such as ports and launch ids).
 */
export async function screenshot(target: Page | Locator, name: string, topPx?: number): Promise<string> {
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  const path = `${ARTIFACT_DIR}/${name}.png`;
  const width = 'goto' in target ? target.viewportSize()?.width : undefined;
  const area = width && topPx ? { clip: { x: 0, y: 0, width, height: topPx } } : { fullPage: 'goto' in target };
  await target.screenshot({ path, ...area });
  return path;
}

/** What the browser showed when a journey failed: `test-artifacts/failures/<journey>.png`. */
export async function screenshotOnFailure(context: BrowserContext, journey: string): Promise<void> {
  const page = context.pages()[0];
  if (!page) return;
  const dir = `${repoRoot}test-artifacts/failures`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/${journey.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`;
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  console.warn(`e2e: the page at the failure is in ${path}`);
}
