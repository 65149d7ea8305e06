import { parentPort, workerData } from 'node:worker_threads';
import { PartitionScorer } from './partition-scorer';
import { BatchSink, FileSink } from './sinks';
import { ndjsonSource } from './source';
import type { WorkerMessage, WorkerTask } from './threads';

// One scoring thread: its partition of the patients, its own output file; problems posted in batches.

const task = workerData as WorkerTask;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const errors = new BatchSink((text) => post({ kind: 'errors', text }));
const scorer = new PartitionScorer({ ...task, out: new FileSink(task.outPath), errors });
const tally = await scorer.run(ndjsonSource(task.path, task.partition, task.partitions));
errors.flush();
post({ kind: 'done', tally });
