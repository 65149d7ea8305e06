// Scoring + rules throughput over a generated population of 100,000 QuestionnaireResponses as NDJSON, on one
// core (the event loop is single-threaded): once end to end through the command-line scorer (read, JSON,
// FHIR validation, scoring, episodes, rules), once for the core alone (Administrations already in memory).
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assessClient } from '../../src/core/assess';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { scoreFile } from '../../src/node/cli/score';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import type { BenchRow } from '../bench';

const RESPONSES = 100_000;
const PER_PATIENT = 10; // five sessions, each an ORS and an SRS

/** A small deterministic generator, so every run scores the same population. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function population(): { patient: string; administration: Administration }[] {
  const random = lcg(42);
  const out: { patient: string; administration: Administration }[] = [];
  for (let p = 0; out.length < RESPONSES; p++) {
    const level = 30 + Math.floor(random() * 40);
    for (let s = 0; s < PER_PATIENT / 2; s++) {
      const authored = new Date(Date.UTC(2024, 0, 1 + s * 7, 10)).toISOString().replace('.000Z', '+00:00');
      const mm = () => Math.max(0, Math.min(100, level + s * 3 + Math.floor(random() * 20) - 10));
      for (const instrument of ['ors', 'srs'] as const) {
        const answers = Object.fromEntries([1, 2, 3, 4].map((n) => [`${instrument}-${n}`, instrument === 'srs' ? 80 + Math.floor(random() * 21) : mm()]));
        out.push({ patient: `p${p}`, administration: { id: `p${p}-${instrument}-${s}`, instrument, authored, status: 'completed', answers } });
      }
    }
  }
  return out;
}

/** Written in chunks so that the generator's strings are garbage before the timed run. */
function writeNdjson(path: string, rows: ReturnType<typeof population>): void {
  writeFileSync(path, '');
  for (let i = 0; i < rows.length; i += 10_000) {
    const lines = rows.slice(i, i + 10_000).map(({ patient, administration }) =>
      JSON.stringify(buildQuestionnaireResponse(instruments[administration.instrument], administration, { subject: `Patient/${patient}`, identifierValue: administration.id })));
    appendFileSync(path, `${lines.join('\n')}\n`);
  }
}

/** Wall-clock and CPU seconds of `work` (CPU time is what one core spent, even on a busy machine). */
async function timed(work: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/** One pass of the core over every patient: the median (by wall clock) of three passes after a warm-up pass. */
async function coreOnly(rows: ReturnType<typeof population>): Promise<{ wall: number; cpu: number }> {
  const byPatient = new Map<string, Administration[]>();
  for (const { patient, administration } of rows) {
    const list = byPatient.get(patient) ?? [];
    list.push(administration);
    byPatient.set(patient, list);
  }
  const pass = () => timed(() => {
    for (const administrations of byPatient.values()) assessClient({ administrations, birthDate: '1990-01-01' });
  });
  await pass();
  const times = [await pass(), await pass(), await pass()].sort((a, b) => a.wall - b.wall);
  return times[1]!;
}

export async function scoringBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scoring-'));
  try {
    const file = join(dir, 'responses.ndjson');
    writeNdjson(file, population());
    const sink = { write: () => true };
    let run = { responses: 0, bad: 0 };
    const endToEnd = await timed(async () => {
      run = await scoreFile(file, sink, sink);
    });
    const rssAfterFile = process.resourceUsage().maxRSS / 1024;
    const rows = population();
    const core = await coreOnly(rows);
    const target = 100_000;
    const goal = `≥ ${target.toLocaleString('en-US')}`;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    return [
      { name: `end to end (NDJSON → patient lines), ${run.responses.toLocaleString('en-US')} responses, wall clock`, value: run.responses / endToEnd.wall, unit: 'responses/s', target: goal, meets: run.responses / endToEnd.wall >= target },
      { name: 'end to end, per CPU second', value: run.responses / endToEnd.cpu, unit: 'responses/s' },
      { name: 'core only (Administrations → assessments), wall clock, median of 3', value: rows.length / core.wall, unit: 'responses/s', target: goal, meets: rows.length / core.wall >= target },
      { name: 'core only, per CPU second', value: rows.length / core.cpu, unit: 'responses/s' },
      { name: 'bad lines', value: run.bad, unit: '', target: '0', meets: run.bad === 0 },
      { name: `NDJSON file size`, value: statSync(file).size / 1024 / 1024, unit: 'MB' },
      { name: 'peak memory (maxRSS) through the end-to-end run', value: rssAfterFile, unit: 'MB' },
      { name: 'peak memory (maxRSS) of the whole section', value: maxRssMb, unit: 'MB' },
      { name: 'heap in use after the run', value: process.memoryUsage().heapUsed / 1024 / 1024, unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
