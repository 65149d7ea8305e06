// `node child-usage.mjs <usage.json> <script.mjs> [args…]`: runs the script in this process as if node had
// been started with it, and on exit writes the process's peak memory (maxRSS, threads included) and CPU time.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [usageFile, script, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(
    usageFile,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }),
  );
});
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
