// `node scripts/run-cli.mjs <tool> [args…]`: runs one of the project's command-line tools as compiled
// JavaScript. The tools are bundled once (esbuild, which the project already has through tsx) into the
// git-ignored .cli-build folder, and again whenever a source file is newer than that build, so a fresh
// clone needs no separate build step and start-up costs no TypeScript compilation.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cli-build');
const STAMP = join(OUT, 'built');

/** Bundle name → entry module. `score-worker` is the scorer's thread, loaded by the score bundle. */
export const TOOLS = {
  score: 'src/node/cli/score.ts',
  'score-worker': 'src/node/score/worker.ts',
  seed: 'src/node/cli/seed.ts',
  serve: 'src/node/cli/serve.ts',
  'check-server': 'src/node/cli/check-server.ts',
  'cds-hooks': 'src/node/cli/cds-hooks.ts',
  'generate-questionnaires': 'src/node/cli/generate-questionnaires.ts',
  'publish-questionnaires': 'src/node/cli/publish-questionnaires.ts',
  'gallery-package': 'src/node/cli/gallery-package.ts',
  'fhir-server': 'src/node/sandbox/fhir-server.ts',
  start: 'src/node/sandbox/start.ts',
};

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource() {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true }).map((f) => join(ROOT, 'src', f));
  return Math.max(...[...files, join(ROOT, 'package-lock.json'), import.meta.filename].map(mtime));
}

/** Builds into a private folder, then moves the bundles in: two runs building at once cannot clash. */
async function build() {
  const { build: esbuild } = await import('esbuild');
  const staging = join(OUT, `staging-${process.pid}`);
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(TOOLS).map(([name, entry]) => [name, join(ROOT, entry)])),
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  for (const file of readdirSync(staging)) renameSync(join(staging, file), join(OUT, file));
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

export async function ensureBuilt() {
  mkdirSync(OUT, { recursive: true });
  if (mtime(STAMP) <= newestSource()) await build();
}

const [tool, ...args] = process.argv.slice(2);
if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  if (!tool || !(tool in TOOLS) || tool === 'score-worker') {
    console.error(
      `usage: node scripts/run-cli.mjs <${Object.keys(TOOLS)
        .filter((t) => t !== 'score-worker')
        .join(' | ')}> [args…]`,
    );
    process.exit(2);
  }
  await ensureBuilt();
  const bundle = join(OUT, `${tool}.mjs`);
  // The tools run their main when they are the script node was started with; they are, in all but name.
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}
