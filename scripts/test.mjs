// The README's test command: typecheck, lint, the format check and every Vitest project, then one closing line
// `tests: N passed, N failed[, N skipped]` that CI reads. Typecheck, lint and the format check count as one test each.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const resultsFile = '.test-results/vitest.json';
const extraArgs = process.argv.slice(2);

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  return status === 0;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const gate = (ok) => (ok ? counts.passed++ : counts.failed++);

gate(run('typecheck', 'node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']));
gate(run('lint', 'node', ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']));
gate(run('format', 'node', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']));

rmSync(resultsFile, { force: true });
const vitestOk = run('vitest', 'node', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultsFile}`,
  ...extraArgs,
]);

try {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no tests in it but is still a failure.
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  counts.failed += brokenSuites;
  if (!vitestOk && report.numFailedTests === 0 && brokenSuites === 0) counts.failed++;
} catch {
  counts.failed++;
  console.error('vitest produced no report: counted as one failure');
}

const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
process.exit(counts.failed > 0 ? 1 : 0);
