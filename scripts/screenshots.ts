// `npm run screenshots`: runs the browser journeys that take the README's pictures, then copies those
// pictures from test-artifacts/screenshots to docs/screenshots. The only command that changes them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTIFACT_DIR, README_SCREENSHOT_JOURNEYS, README_SCREENSHOTS } from '../test/e2e/support/screenshots';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const readmeDir = `${repoRoot}docs/screenshots`;

const run = spawnSync(
  'node',
  ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', ...README_SCREENSHOT_JOURNEYS],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true' },
  },
);
if (run.status !== 0) {
  console.error('screenshots: the journeys failed; docs/screenshots left as it was');
  process.exit(1);
}
mkdirSync(readmeDir, { recursive: true });
for (const name of README_SCREENSHOTS) {
  const taken = `${ARTIFACT_DIR}/${name}.png`;
  if (!existsSync(taken)) {
    console.error(`screenshots: no ${name}.png was taken (is it still in a journey?)`);
    process.exit(1);
  }
  copyFileSync(taken, `${readmeDir}/${name}.png`);
}
console.log(`screenshots: ${README_SCREENSHOTS.length} pictures copied to docs/screenshots`);
