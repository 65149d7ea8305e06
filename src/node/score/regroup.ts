import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { forEachLine } from './lines';
import { outputLinePatient, patientLine, type PatientRecord } from './output';
import { partitionOf } from './partition';
import { classify, type Taken } from './resources';
import { FileSink } from './sinks';
import type { Source } from './source';

// The second pass for patients whose lines were not together. Their parsed data (small: Administrations
// and a birth date) is gathered again from the source; when they are many it is spilled into bucket files
// by a hash of the patient, and each bucket is scored alone, so memory is bounded by a bucket, not the input.

const PATIENTS_PER_BUCKET = 20_000;

interface RegroupOptions {
  readonly source: Source;
  readonly reopened: ReadonlySet<string>;
  readonly partition: number;
  readonly partitions: number;
  readonly out: { readonly path: string };
  readonly workDir: string;
  readonly patientsPerBucket?: number;
}

type Kept = Extract<Taken, { kind: 'response' | 'patient' }>;

function keep(records: Map<string, PatientRecord>, taken: Kept): void {
  let record = records.get(taken.patientId);
  if (!record) records.set(taken.patientId, (record = { administrations: [] }));
  if (taken.kind === 'response') record.administrations.push(taken.administration);
  else if (taken.birthDate) record.birthDate = taken.birthDate;
}

async function gather(options: RegroupOptions, onKept: (taken: Kept) => void): Promise<void> {
  const { source, reopened, partition, partitions } = options;
  const visit = (taken: Taken) => {
    if (taken.kind !== 'response' && taken.kind !== 'patient') return;
    if (reopened.has(taken.patientId) && partitionOf(taken.patientId, partitions) === partition) onKept(taken);
  };
  // Problems were reported by the first pass; this one only collects.
  await source.read({ resource: (value, where) => classify(value, where, visit), bad: () => undefined });
}

/** Writes every patient of `records` in id order; returns how many lines were written. */
function writeRecords(records: Map<string, PatientRecord>, out: FileSink): number {
  let written = 0;
  for (const id of [...records.keys()].sort()) {
    const record = records.get(id)!;
    if (record.administrations.length === 0) continue;
    out.write(patientLine(id, record));
    written++;
  }
  return written;
}

async function spillAndScore(options: RegroupOptions, out: FileSink): Promise<number> {
  const buckets = Math.ceil(options.reopened.size / (options.patientsPerBucket ?? PATIENTS_PER_BUCKET));
  if (buckets <= 1) {
    const records = new Map<string, PatientRecord>();
    await gather(options, (taken) => keep(records, taken));
    return writeRecords(records, out);
  }
  const paths = Array.from({ length: buckets }, (_, b) => join(options.workDir, `spill-${options.partition}-${b}.ndjson`));
  const spills = paths.map((path) => new FileSink(path));
  // A different hash input from the partitioning one, so one partition's patients spread over all buckets.
  await gather(options, (taken) => spills[partitionOf(`~${taken.patientId}`, buckets)]!.write(`${JSON.stringify(taken)}\n`));
  for (const spill of spills) spill.close();
  let written = 0;
  for (const path of paths) {
    const records = new Map<string, PatientRecord>();
    await forEachLine(path, { line: (text) => { if (text !== '') keep(records, JSON.parse(text) as Kept); }, tooLong: () => undefined });
    written += writeRecords(records, out);
    rmSync(path, { force: true });
  }
  return written;
}

/** Rescores the reopened patients into the partition's output; returns the change in its patient count. */
export async function regroup(options: RegroupOptions): Promise<number> {
  const rewritten = new FileSink(`${options.out.path}.regrouped`);
  let removed = 0;
  await forEachLine(options.out.path, {
    line(text) {
      if (text === '') return;
      const patient = outputLinePatient(text);
      if (patient !== undefined && options.reopened.has(patient)) removed++;
      else rewritten.write(`${text}\n`);
    },
    tooLong: () => undefined,
  });
  const written = await spillAndScore(options, rewritten);
  rewritten.close();
  renameSync(rewritten.path, options.out.path);
  return written - removed;
}
