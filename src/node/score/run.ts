import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { joinRanges } from './join';
import { type ByteRange, forEachLine, lineRanges, type OpenRange } from './lines';
import { type PartitionResult, PartitionScorer } from './partition-scorer';
import { errorsPath, outputPath, type RangeTask, scoreRange } from './range-task';
import { FileSink, type Sink } from './sinks';
import { defaultScoreSettings, type ScoreSettings } from './settings';
import { looksLikeDocument } from './sniff';
import { documentSource, ndjsonSource } from './source';
import { addTally, emptyTally, type Tally } from './tally';
import { defaultThreads, type ScoringThread, startThread } from './threads';

// A scoring run: NDJSON cut into one range per thread (this one and workers, cut as the workers become
// ready), or one document in this thread. Results and problems are written by range to files in a private
// temporary folder and copied out in range order at the end (problems with their line numbers counted from
// the start of the file).

/** The threads' outputs are copied out in large reads: tens of megabytes for a big population. */
const COPY_CHUNK = 1 << 20;

export interface ScoreOptions {
  /** Threads for NDJSON input; 1 scores in this thread. Default: one per core. */
  readonly threads?: number;
  /**
   * Cut the file only once every thread is ready, so each has a part of it however small the file (tests set
   * it). By default this thread starts at once and the others share what it has not read when they are ready.
   */
  readonly cutBeforeReading?: boolean;
  /** Patients per spill bucket when patients' lines are not together (tests make it small). */
  readonly patientsPerBucket?: number;
  /** smart-launch.json's `scoring` and `instrumentMappings` (default: none, the built-in thresholds). */
  readonly settings?: ScoreSettings;
}

interface Scored {
  readonly tally: Tally;
  readonly outputs: readonly string[];
  readonly problems: readonly { readonly path: string; readonly lineOffset: number }[];
}

/**
 * This thread starts on the file at once, with the whole of it as its range; once the other threads have
 * loaded, what it has not yet read is cut into one range per thread, its own first. Every thread then has
 * the same work left, however long the others took to start.
 */
async function cutWhenReady(
  path: string,
  head: OpenRange,
  threads: readonly ScoringThread[],
  waitBeforeReading: boolean,
): Promise<ByteRange[]> {
  if (threads.length === 0) return [];
  await Promise.all(threads.map((t) => t.ready));
  // Synchronous from here, so this thread cannot read on between working out the cut and making it.
  const ranges = lineRanges(path, threads.length + 1, waitBeforeReading ? 0 : head.readUpTo);
  head.end = ranges[0]!.end!;
  return ranges.slice(1);
}

async function scoreNdjson(path: string, workDir: string, options: ScoreOptions): Promise<Scored> {
  const threadCount = options.threads ?? defaultThreads();
  const head: OpenRange = { start: 0, end: (await stat(path)).size, readUpTo: 0 };
  const threads = Array.from({ length: threadCount - 1 }, (_, k) => startThread(k + 1));
  const settings = options.settings ?? defaultScoreSettings;
  const task = (range: ByteRange, index: number): RangeTask => ({
    path,
    range,
    index,
    workDir,
    keepEdges: threadCount > 1,
    settings,
    ...(options.patientsPerBucket ? { patientsPerBucket: options.patientsPerBucket } : {}),
  });
  const waitBeforeReading = options.cutBeforeReading === true && threadCount > 1;
  const tasks = [task(head, 0)];
  let results: PartitionResult[];
  try {
    const cutting = cutWhenReady(path, head, threads, waitBeforeReading);
    if (waitBeforeReading) await cutting;
    results = await Promise.all([
      scoreRange(tasks[0]!),
      ...threads.map(async (thread, k) => {
        tasks[k + 1] = task((await cutting)[k]!, k + 1);
        return thread.score(tasks[k + 1]!);
      }),
    ]);
  } catch (error) {
    // A thread still waiting for its range would keep the process alive.
    await Promise.all(threads.map((t) => t.stop()));
    throw error;
  }
  const tally = emptyTally();
  const problems: { path: string; lineOffset: number }[] = [];
  for (const [k, result] of results.entries()) {
    problems.push({ path: errorsPath(tasks[k]!), lineOffset: tally.lines });
    addTally(tally, result.tally);
  }
  const outputs = tasks.map(outputPath);
  if (threadCount === 1) return { tally, outputs, problems };
  const joined = await joinRanges(results, outputs, ndjsonSource(path), workDir, settings, options.patientsPerBucket);
  tally.patients += joined.patients;
  return { tally, outputs: [...outputs, joined.outPath], problems };
}

async function scoreDocument(path: string, workDir: string, options: ScoreOptions): Promise<Scored> {
  const task = { workDir, index: 0 };
  const errors = new FileSink(errorsPath(task));
  const scorer = new PartitionScorer({
    ...options,
    settings: options.settings ?? defaultScoreSettings,
    tag: '0',
    keepEdges: false,
    out: new FileSink(outputPath(task)),
    errors,
    workDir,
  });
  const { tally } = await scorer.run(await documentSource(path));
  errors.close();
  return { tally, outputs: [outputPath(task)], problems: [{ path: errorsPath(task), lineOffset: 0 }] };
}

async function copyProblems(path: string, lineOffset: number, errors: Sink): Promise<void> {
  if ((await stat(path)).size === 0) return;
  await forEachLine(
    path,
    {
      line: (text) => {
        if (text !== '')
          errors.write(`${text.replace(/^line (\d+)/, (_, n: string) => `line ${Number(n) + lineOffset}`)}\n`);
      },
      tooLong: () => undefined,
    },
    { start: 0 },
    Number.MAX_SAFE_INTEGER,
  );
}

/** The files' bytes in order, in large reads: one stream to the output however many ranges there were. */
async function* concatenated(paths: readonly string[]): AsyncGenerator<Buffer> {
  for (const path of paths) {
    const handle = await open(path, 'r');
    try {
      for (;;) {
        const chunk = Buffer.allocUnsafe(COPY_CHUNK);
        const { bytesRead } = await handle.read(chunk, 0, COPY_CHUNK, null);
        if (bytesRead === 0) break;
        yield chunk.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }
}

/** Scores a file; one line per patient to `out`, problems to `errors`. */
export async function scoreFile(
  path: string,
  out: NodeJS.WritableStream,
  errors: Sink,
  options: ScoreOptions = {},
): Promise<Tally> {
  const document = await looksLikeDocument(path);
  const workDir = await mkdtemp(join(tmpdir(), 'score-'));
  try {
    const scored = document ? await scoreDocument(path, workDir, options) : await scoreNdjson(path, workDir, options);
    for (const { path: problems, lineOffset } of scored.problems) await copyProblems(problems, lineOffset, errors);
    await pipeline(concatenated(scored.outputs), out, { end: false });
    return scored.tally;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
