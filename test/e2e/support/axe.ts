import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

// Accessibility gate: axe-core, run inside the page or frame under test. Serious and critical violations
// fail the journey; each is printed with the elements it was found on.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** The serious and critical violations on the screen, printed as `screen: rule (impact) help → targets`. */
export async function seriousViolations(target: Page | Frame, screen: string): Promise<string[]> {
  const loaded = await target.evaluate(() => 'axe' in window);
  // Evaluated rather than added as a <script> tag, so that a page's Content-Security-Policy cannot stop it.
  if (!loaded) await target.evaluate(axeSource);
  const violations = (await target.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    // Frames are checked on their own (the app frame has axe injected separately).
    const result = await axe.run(document, { resultTypes: ['violations'], iframes: false });
    return result.violations;
  })) as AxeViolation[];
  const describe = (v: AxeViolation) =>
    `${screen}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`;
  const gating = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';
  for (const v of violations.filter((x) => !gating(x))) console.info(`axe (not gating): ${describe(v)}`);
  const found = violations.filter(gating).map(describe);
  for (const line of found) console.warn(`axe: ${line}`);
  return found;
}
