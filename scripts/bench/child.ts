// Runs a node script as a child process and measures it from outside: wall clock from spawn to exit, and
// (through child-usage.mjs) its peak memory and CPU time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ChildRun {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly stderr: string;
}

export async function runChild(
  script: string,
  args: readonly string[],
  nodeOptions: readonly string[] = [],
): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-child-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [...nodeOptions, join(import.meta.dirname, 'child-usage.mjs'), usageFile, script, ...args],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const wallSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuSeconds: number };
    return { wallSeconds, cpuSeconds: usage.cpuSeconds, maxRssMb: usage.maxRssKb / 1024, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
