import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Sink } from './sinks';
import type { Tally } from './tally';

// Patients are partitioned by hash over one thread per core (see partition.ts); each thread writes its
// own output file and posts its problems and its tally here.

export interface WorkerTask {
  readonly path: string;
  readonly partition: number;
  readonly partitions: number;
  readonly outPath: string;
  readonly workDir: string;
  readonly patientsPerBucket?: number;
}

export type WorkerMessage = { readonly kind: 'errors'; readonly text: string } | { readonly kind: 'done'; readonly tally: Tally };

/** More threads than this gain little: every thread still splits every line of the file. */
const MAX_THREADS = 4;

export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

// Run from source (tsx, tests) the worker is the .ts module beside this one, loaded through tsx; in the
// compiled CLI it is the bundle the build writes beside the score bundle.
const fromSource = import.meta.url.endsWith('.ts');
function startWorker(task: WorkerTask): Worker {
  if (!fromSource) return new Worker(new URL('./score-worker.mjs', import.meta.url), { workerData: task });
  const module = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); })`;
  return new Worker(boot, { eval: true, workerData: task });
}

export function runWorker(task: WorkerTask, errors: Sink): Promise<Tally> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(task);
    let tally: Tally | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'errors') errors.write(message.text);
      else tally = message.tally;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (tally ? resolve(tally) : reject(new Error(`scoring thread ${task.partition} stopped (exit code ${code})`))));
  });
}
