import { join } from 'node:path';
import type { ByteRange } from './lines';
import { PartitionScorer, type PartitionResult } from './partition-scorer';
import { FileSink } from './sinks';
import type { ScoreSettings } from './settings';
import { ndjsonSource } from './source';

// One range of an NDJSON file scored into its own output and problem files: the unit of work of a thread
// (worker.ts), or of the main thread when it scores alone.

export interface RangeTask {
  readonly path: string;
  readonly range: ByteRange;
  readonly index: number;
  readonly workDir: string;
  readonly keepEdges: boolean;
  readonly patientsPerBucket?: number;
  readonly settings: ScoreSettings;
}

export const outputPath = (task: Pick<RangeTask, 'workDir' | 'index'>): string =>
  join(task.workDir, `out-${task.index}.ndjson`);
export const errorsPath = (task: Pick<RangeTask, 'workDir' | 'index'>): string =>
  join(task.workDir, `errors-${task.index}.txt`);

export async function scoreRange(task: RangeTask): Promise<PartitionResult> {
  const errors = new FileSink(errorsPath(task));
  try {
    const scorer = new PartitionScorer({
      ...task,
      tag: String(task.index),
      out: new FileSink(outputPath(task)),
      errors,
    });
    return await scorer.run(ndjsonSource(task.path, task.range));
  } finally {
    errors.close();
  }
}
