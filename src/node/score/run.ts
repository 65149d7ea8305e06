import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PartitionScorer } from './partition-scorer';
import { FileSink, type Sink } from './sinks';
import { looksLikeDocument } from './sniff';
import { documentSource, ndjsonSource } from './source';
import { addTally, emptyTally, type Tally } from './tally';
import { defaultThreads, runWorker } from './threads';

// A scoring run: NDJSON over one thread per core, or one document in this thread. Results are written
// by partition to files in a private temporary folder and copied to `out` in partition order at the end.

export interface ScoreOptions {
  /** Threads for NDJSON input; 1 scores in this thread. Default: one per core. */
  readonly threads?: number;
  /** Patients per spill bucket when patients' lines are not together (tests make it small). */
  readonly patientsPerBucket?: number;
}

async function scorePartitions(path: string, workDir: string, options: ScoreOptions, errors: Sink): Promise<{ tally: Tally; outputs: string[] }> {
  const threads = options.threads ?? defaultThreads();
  const outputs = Array.from({ length: threads }, (_, partition) => join(workDir, `out-${partition}.ndjson`));
  const tasks = outputs.map((outPath, partition) => ({ path, partition, partitions: threads, outPath, workDir, ...(options.patientsPerBucket ? { patientsPerBucket: options.patientsPerBucket } : {}) }));
  const tallies = threads === 1
    ? [await new PartitionScorer({ ...tasks[0]!, out: new FileSink(outputs[0]!), errors }).run(ndjsonSource(path, 0, 1))]
    : await Promise.all(tasks.map((task) => runWorker(task, errors)));
  const tally = emptyTally();
  for (const each of tallies) addTally(tally, each);
  return { tally, outputs };
}

async function scoreDocument(path: string, workDir: string, options: ScoreOptions, errors: Sink): Promise<{ tally: Tally; outputs: string[] }> {
  const outPath = join(workDir, 'out-0.ndjson');
  const scorer = new PartitionScorer({ ...options, partition: 0, partitions: 1, out: new FileSink(outPath), errors, workDir });
  return { tally: await scorer.run(await documentSource(path)), outputs: [outPath] };
}

/** Scores a file; one line per patient to `out`, problems to `errors`. */
export async function scoreFile(path: string, out: NodeJS.WritableStream, errors: Sink, options: ScoreOptions = {}): Promise<Tally> {
  const document = await looksLikeDocument(path);
  const workDir = await mkdtemp(join(tmpdir(), 'score-'));
  try {
    const { tally, outputs } = document
      ? await scoreDocument(path, workDir, options, errors)
      : await scorePartitions(path, workDir, options, errors);
    for (const output of outputs) await pipeline(createReadStream(output), out, { end: false });
    return tally;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
