import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';

// Screenshots of the main screens, written as test artefacts. Those the README shows are copied to
// docs/screenshots from here, so the README's pictures are always the app as the journeys last saw it.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const ARTIFACT_DIR = `${repoRoot}test-artifacts/screenshots`;
const README_DIR = `${repoRoot}docs/screenshots`;

export const README_SCREENSHOTS = ['ehr-launch', 'clinician-view', 'client-mode-ors', 'child-cors', 'spanish'] as const;
type ReadmeScreenshot = (typeof README_SCREENSHOTS)[number];

const isReadmeScreenshot = (name: string): name is ReadmeScreenshot => (README_SCREENSHOTS as readonly string[]).includes(name);

/**
 * Writes `test-artifacts/screenshots/<name>.png` (and its README copy when it is one of those): a whole page,
 * or only its top `topPx` pixels (leaving out parts that change with every run, such as ports and launch ids).
 */
export async function screenshot(target: Page | Locator, name: string, topPx?: number): Promise<string> {
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  const path = `${ARTIFACT_DIR}/${name}.png`;
  const width = 'goto' in target ? target.viewportSize()?.width : undefined;
  const area = width && topPx ? { clip: { x: 0, y: 0, width, height: topPx } } : { fullPage: 'goto' in target };
  await target.screenshot({ path, ...area });
  if (isReadmeScreenshot(name)) {
    mkdirSync(README_DIR, { recursive: true });
    copyFileSync(path, `${README_DIR}/${name}.png`);
  }
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
