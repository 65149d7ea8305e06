import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PartitionResult } from './partition-scorer';
import type { RangeTask } from './range-task';

// Scoring threads (worker.ts): started before the file is cut, so that their loading overlaps this thread's
// scoring; each says when it is ready, then scores the one range it is given.

/** Beyond this, threads mostly wait on the disk and on each other. */
const MAX_THREADS = 8;

export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

export type ThreadMessage = { readonly kind: 'ready' } | { readonly kind: 'scored'; readonly result: PartitionResult };

export interface ScoringThread {
  /** Resolves once the thread has loaded and waits for its range. */
  readonly ready: Promise<void>;
  /** Sends the thread its range; resolves with what it scored. */
  score(task: RangeTask): Promise<PartitionResult>;
  /** Ends the thread whatever it is doing (a run that failed elsewhere). */
  stop(): Promise<void>;
}

// Run from source (tsx, tests) the worker is the .ts module beside this one, loaded through tsx; in the
// compiled CLI it is the bundle the build writes beside the score bundle.
const fromSource = import.meta.url.endsWith('.ts');

function startWorker(): Worker {
  if (!fromSource) return new Worker(new URL('./score-worker.mjs', import.meta.url));
  const module = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); })`;
  return new Worker(boot, { eval: true });
}

export function startThread(thread: number): ScoringThread {
  const worker = startWorker();
  let signalReady: () => void = () => undefined;
  let result: PartitionResult | undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  const done = new Promise<PartitionResult>((resolve, reject) => {
    worker.on('message', (message: ThreadMessage) => {
      if (message.kind === 'ready') signalReady();
      else result = message.result;
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`scoring thread ${thread} stopped (exit code ${code})`)),
    );
  });
  return {
    ready: Promise.race([ready, done.then(() => undefined)]),
    score(task) {
      worker.postMessage(task);
      return done;
    },
    async stop() {
      await worker.terminate();
    },
  };
}
