import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PartitionResult } from './partition-scorer';
import type { RangeTask } from './range-task';

// The file is cut into one range per core (at line starts); each thread scores its range (range-task.ts).

/** Beyond this, threads mostly wait on the disk and on each other. */
const MAX_THREADS = 8;

export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

// Run from source (tsx, tests) the worker is the .ts module beside this one, loaded through tsx; in the
// compiled CLI it is the bundle the build writes beside the score bundle.
const fromSource = import.meta.url.endsWith('.ts');

function startWorker(task: RangeTask): Worker {
  if (!fromSource) return new Worker(new URL('./score-worker.mjs', import.meta.url), { workerData: task });
  const module = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); })`;
  return new Worker(boot, { eval: true, workerData: task });
}

export function runWorker(task: RangeTask): Promise<PartitionResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(task);
    let result: PartitionResult | undefined;
    worker.on('message', (message: PartitionResult) => (result = message));
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`scoring thread ${task.index} stopped (exit code ${code})`)),
    );
  });
}
