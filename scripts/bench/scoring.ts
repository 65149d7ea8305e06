// Scoring bench. The command-line scorer is measured as users run it (`npm run score`: package.json's node
// options, scripts/run-cli.mjs, a separate process, compiled), against the floor: a bare node process that
// only reads and JSON.parses the same NDJSON (parse-floor.mjs). Runs alternate (floor, scorer, floor,
// scorer…) and the median of each is compared, so the machine's load falls on both alike. Peak memory is a
// curve over the number of patients. The core alone is measured in this process, as throughput and as a
// curve over the length of a history.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assessClient } from '../../src/core/assess';
import type { Administration } from '../../src/core/model';
import type { BenchRow } from '../bench';
import { median } from '../chromium';
import { runChild, type ChildRun } from './child';
import { population, writePopulation } from './population';

const RESPONSES = 300_000;
const RUNS = 5;
const FLOOR_RATIO = 0.6;
const MEMORY_PATIENTS = [10_000, 30_000, 100_000] as const;
const MEMORY_RATIO = 1.5;
const HISTORY_SESSIONS = [10, 500, 2_000] as const;
const CURVE_PASSES = 11;
/** Responses per pass, as a multiple of the longest history: a pass long enough that one collection does not decide it. */
const PASS_LENGTH = 10;

const ROOT = join(import.meta.dirname, '..', '..');

/** The node options of package.json's `score` script (`node <options> scripts/run-cli.mjs score`). */
function scoreScriptOptions(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts['score']!.split(/\s+/);
  return words.slice(1, words.indexOf('scripts/run-cli.mjs'));
}

const SCORE_OPTIONS = scoreScriptOptions();
const scorer = (file: string) => runChild(join(ROOT, 'scripts', 'run-cli.mjs'), ['score', file], SCORE_OPTIONS);
const floor = (file: string) => runChild(join(import.meta.dirname, 'parse-floor.mjs'), [file]);
const fmt = (n: number) => n.toLocaleString('en-US');

async function againstFloor(file: string): Promise<BenchRow[]> {
  await scorer(file); // builds the CLI if stale, and warms the page cache
  const floors: ChildRun[] = [];
  const scores: ChildRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    floors.push(await floor(file));
    scores.push(await scorer(file));
  }
  const floorWall = median(floors.map((r) => r.wallSeconds));
  const scoreWall = median(scores.map((r) => r.wallSeconds));
  const ratio = floorWall / scoreWall;
  return [
    {
      name: `score ÷ parse floor, wall clock, ${fmt(RESPONSES)} responses (floor ${floorWall.toFixed(2)} s, score ${scoreWall.toFixed(2)} s, medians of ${RUNS})`,
      value: ratio,
      unit: '×',
      target: `≥ ${FLOOR_RATIO}`,
      meets: ratio >= FLOOR_RATIO,
    },
    { name: 'score end to end, wall clock', value: RESPONSES / scoreWall, unit: 'responses/s' },
    {
      name: 'score end to end, per CPU second (all threads)',
      value: RESPONSES / median(scores.map((r) => r.cpuSeconds)),
      unit: 'responses/s',
    },
    {
      name: 'bad lines',
      value: scores[0]!.stderr.includes('; 0 bad') ? 0 : 1,
      unit: '',
      target: '0',
      meets: scores[0]!.stderr.includes('; 0 bad'),
    },
    { name: 'NDJSON file size', value: statSync(file).size / 1024 / 1024, unit: 'MB' },
  ];
}

async function memoryCurve(dir: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const peaks: number[] = [];
  for (const patients of MEMORY_PATIENTS) {
    const file = join(dir, `memory-${patients}.ndjson`);
    writePopulation(file, patients * 2, 1);
    const run = await scorer(file);
    rmSync(file);
    peaks.push(run.maxRssMb);
    rows.push({ name: `score peak memory (maxRSS), ${fmt(patients)} patients`, value: run.maxRssMb, unit: 'MB' });
  }
  const ratio = peaks[peaks.length - 1]! / peaks[0]!;
  rows.push({
    name: `score peak memory, ${fmt(MEMORY_PATIENTS.at(-1)!)} ÷ ${fmt(MEMORY_PATIENTS[0])} patients`,
    value: ratio,
    unit: '×',
    target: `≤ ${MEMORY_RATIO}`,
    meets: ratio <= MEMORY_RATIO,
  });
  return rows;
}

/** Median wall seconds of three passes of `work` after a warm-up pass. */
function medianPass(work: () => void): number {
  work();
  return median(
    [0, 1, 2].map(() => {
      const start = performance.now();
      work();
      return (performance.now() - start) / 1000;
    }),
  );
}

function byPatient(rows: ReturnType<typeof population>): Administration[][] {
  const groups = new Map<string, Administration[]>();
  for (const { patient, administration } of rows) {
    const group = groups.get(patient);
    if (group) group.push(administration);
    else groups.set(patient, [administration]);
  }
  return [...groups.values()];
}

function throughput(): BenchRow {
  const patients = byPatient(population(100_000, 5));
  const wall = medianPass(() =>
    patients.forEach((administrations) => assessClient({ administrations, birthDate: '1990-01-01' })),
  );
  return {
    name: 'core only (Administrations → assessments), 100,000 responses, wall clock, median of 3',
    value: 100_000 / wall,
    unit: 'responses/s',
    target: '≥ 100,000',
    meets: 100_000 / wall >= 100_000,
  };
}

/**
 * µs per response at each history length. Every pass scores the same number of responses (the longest history
 * PASS_LENGTH times, a shorter one as many times as it takes), so each length meets the collector and the timer
 * alike; the lengths take turns pass by pass, so a change in the machine's load falls on all of them; medians of
 * the passes.
 */
function perResponseCurve(): number[] {
  const histories = HISTORY_SESSIONS.map((sessions) => byPatient(population(sessions * 2, sessions))[0]!);
  const perPass = PASS_LENGTH * Math.max(...histories.map((h) => h.length));
  const copies = histories.map((h) => Math.ceil(perPass / h.length));
  const pass = (k: number) => {
    for (let c = 0; c < copies[k]!; c++) assessClient({ administrations: histories[k]!, birthDate: '1990-01-01' });
  };
  histories.forEach((_, k) => pass(k));
  const seconds: number[][] = histories.map(() => []);
  for (let round = 0; round < CURVE_PASSES; round++) {
    histories.forEach((_, k) => {
      const start = performance.now();
      pass(k);
      seconds[k]!.push((performance.now() - start) / 1000);
    });
  }
  return histories.map((h, k) => (median(seconds[k]!) * 1e6) / (copies[k]! * h.length));
}

function coreFigures(): BenchRow[] {
  const rows: BenchRow[] = [throughput()];
  const perResponse = perResponseCurve();
  HISTORY_SESSIONS.forEach((sessions, i) =>
    rows.push({ name: `core cost per response, ${fmt(sessions)}-session history`, value: perResponse[i]!, unit: 'µs' }),
  );
  const growth = perResponse[perResponse.length - 1]! / perResponse[0]!;
  rows.push({
    name: `core cost per response, ${fmt(HISTORY_SESSIONS.at(-1)!)} ÷ ${HISTORY_SESSIONS[0]} sessions (same work per pass, alternating, medians of ${CURVE_PASSES})`,
    value: growth,
    unit: '×',
    target: '≤ 1.5',
    meets: growth <= 1.5,
  });
  return rows;
}

export async function scoringBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scoring-'));
  try {
    const file = join(dir, 'responses.ndjson');
    writePopulation(file, RESPONSES, 5);
    const rows = await againstFloor(file);
    rmSync(file);
    return [...rows, ...(await memoryCurve(dir)), ...coreFigures()];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
