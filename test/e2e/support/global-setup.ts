import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { browserInstalled } from './browser';

// Builds the app once per run into a temporary folder that the journeys serve through the sandbox, and
// prints how long the browser suite took.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app (index.html, launch.html, assets); empty when no browser is installed. */
    e2eAppDir: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const started = performance.now();
  const outDir = mkdtempSync(join(tmpdir(), 'therapy-feedback-e2e-'));
  if (browserInstalled) {
    await build({ root: repoRoot, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
    console.log(`e2e: app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide('e2eAppDir', browserInstalled ? outDir : '');
  return () => {
    rmSync(outDir, { recursive: true, force: true });
    console.log(`e2e: browser suite took ${((performance.now() - started) / 1000).toFixed(1)} s (build included)`);
  };
}
