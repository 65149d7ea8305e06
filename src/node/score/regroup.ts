import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { forEachLine } from './lines';
import { outputLinePatient, patientLine, type PatientRecord } from './output';
import { classify, type Taken } from './resources';
import { FileSink } from './sinks';
import type { ScoreSettings } from './settings';
import type { Source } from './source';

// The second pass for patients whose lines were not together. Their parsed data (small: Administrations
// and a birth date) is gathered again from the source; when they are many it is spilled into bucket files
// by a hash of the patient, and each bucket is scored alone, so memory is bounded by a bucket, not the input.

const PATIENTS_PER_BUCKET = 20_000;
/** Files this module reads back are its own: no line of them may be skipped for its length. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export interface RescoreOptions {
  readonly out: FileSink;
  readonly workDir: string;
  readonly tag: string;
  readonly patientsPerBucket?: number;
  readonly settings: ScoreSettings;
}

type Kept = Extract<Taken, { kind: 'response' | 'patient' }>;

/** FNV-1a: stable across runs. */
function bucketOf(patientId: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < patientId.length; i++) hash = Math.imul(hash ^ patientId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % buckets;
}

function keep(records: Map<string, PatientRecord>, taken: Kept): void {
  let record = records.get(taken.patientId);
  if (!record) records.set(taken.patientId, (record = { administrations: [] }));
  if (taken.kind === 'response') record.administrations.push(taken.administration);
  else if (taken.birthDate) record.birthDate = taken.birthDate;
}

async function gather(
  source: Source,
  ids: ReadonlySet<string>,
  onKept: (taken: Kept) => void,
  settings: ScoreSettings,
): Promise<void> {
  const visit = (taken: Taken) => {
    if ((taken.kind === 'response' || taken.kind === 'patient') && ids.has(taken.patientId)) onKept(taken);
  };
  // Problems were reported by the first pass; this one only collects.
  await source.read({ resource: (value, where) => classify(value, where, visit, settings), bad: () => undefined });
}

/** Writes every patient of `records` in id order; returns how many lines were written. */
export function writeRecords(
  records: ReadonlyMap<string, PatientRecord>,
  out: FileSink,
  settings: ScoreSettings,
): number {
  let written = 0;
  for (const id of [...records.keys()].sort()) {
    const record = records.get(id)!;
    if (record.administrations.length === 0) continue;
    out.write(patientLine(id, record, settings));
    written++;
  }
  return written;
}

/** Scores the patients `ids` from all their lines in `source`; returns how many lines were written. */
export async function rescore(source: Source, ids: ReadonlySet<string>, options: RescoreOptions): Promise<number> {
  const buckets = Math.ceil(ids.size / (options.patientsPerBucket ?? PATIENTS_PER_BUCKET));
  if (buckets <= 1) {
    const records = new Map<string, PatientRecord>();
    await gather(source, ids, (taken) => keep(records, taken), options.settings);
    return writeRecords(records, options.out, options.settings);
  }
  const spills = Array.from(
    { length: buckets },
    (_, b) => new FileSink(join(options.workDir, `spill-${options.tag}-${b}.ndjson`)),
  );
  await gather(
    source,
    ids,
    (taken) => spills[bucketOf(taken.patientId, buckets)]!.write(`${JSON.stringify(taken)}\n`),
    options.settings,
  );
  let written = 0;
  for (const spill of spills) {
    spill.close();
    const records = new Map<string, PatientRecord>();
    await forEachLine(
      spill.path,
      {
        line: (text) => {
          if (text !== '') keep(records, JSON.parse(text) as Kept);
        },
        tooLong: () => undefined,
      },
      { start: 0 },
      UNBOUNDED,
    );
    written += writeRecords(records, options.out, options.settings);
    rmSync(spill.path, { force: true });
  }
  return written;
}

/** Rewrites an output file without the lines of `ids`; returns how many lines were dropped. */
export async function dropPatients(path: string, ids: ReadonlySet<string>): Promise<number> {
  const kept = new FileSink(`${path}.kept`);
  let dropped = 0;
  await forEachLine(
    path,
    {
      line(text) {
        if (text === '') return;
        const patient = outputLinePatient(text);
        if (patient !== undefined && ids.has(patient)) dropped++;
        else kept.write(`${text}\n`);
      },
      tooLong: () => undefined,
    },
    { start: 0 },
    UNBOUNDED,
  );
  kept.close();
  renameSync(kept.path, path);
  return dropped;
}
