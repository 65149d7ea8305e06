import { join } from 'node:path';
import type { PatientRecord } from './output';
import type { EdgeRecord, PartitionResult } from './partition-scorer';
import { dropPatients, rescore, writeRecords } from './regroup';
import { FileSink } from './sinks';
import type { ScoreSettings } from './settings';
import type { Source } from './source';

// Joining the ranges' results. A patient handed back as an edge by one or more neighbouring ranges (its
// lines crossed a cut) is joined from those records. A patient written by one range and seen again by
// another (input not grouped by patient) is dropped from every range's output and rescored from the whole
// file, as within a range.

export interface Joined {
  /** Output lines for patients joined here, after the ranges' own outputs. */
  readonly outPath: string;
  /** The change this makes to the ranges' summed patient count. */
  readonly patients: number;
}

function scattered(results: readonly PartitionResult[]): Set<string> {
  const seenIn = new Map<string, number>();
  const count = (id: string) => seenIn.set(id, (seenIn.get(id) ?? 0) + 1);
  for (const result of results) {
    for (const id of result.closed) count(id);
    for (const edge of result.edges) count(edge.id);
  }
  const closedSomewhere = new Set(results.flatMap((r) => r.closed));
  return new Set([...seenIn].filter(([id, n]) => n > 1 && closedSomewhere.has(id)).map(([id]) => id));
}

function joinEdges(results: readonly PartitionResult[], skip: ReadonlySet<string>): Map<string, PatientRecord> {
  const records = new Map<string, PatientRecord>();
  for (const { id, record } of results.flatMap((r): EdgeRecord[] => r.edges)) {
    if (skip.has(id)) continue;
    const joined = records.get(id);
    if (!joined)
      records.set(id, {
        administrations: [...record.administrations],
        ...(record.birthDate ? { birthDate: record.birthDate } : {}),
      });
    else {
      joined.administrations.push(...record.administrations);
      if (record.birthDate) joined.birthDate = record.birthDate;
    }
  }
  return records;
}

export async function joinRanges(
  results: readonly PartitionResult[],
  outputs: readonly string[],
  source: Source,
  workDir: string,
  settings: ScoreSettings,
  patientsPerBucket?: number,
): Promise<Joined> {
  const rescored = scattered(results);
  let patients = 0;
  if (rescored.size > 0) {
    for (const [k, result] of results.entries()) {
      if (result.closed.some((id) => rescored.has(id))) patients -= await dropPatients(outputs[k]!, rescored);
    }
  }
  const out = new FileSink(join(workDir, 'out-joined.ndjson'));
  patients += writeRecords(joinEdges(results, rescored), out, settings);
  if (rescored.size > 0)
    patients += await rescore(source, rescored, {
      out,
      workDir,
      tag: 'joined',
      settings,
      ...(patientsPerBucket ? { patientsPerBucket } : {}),
    });
  out.close();
  return { outPath: out.path, patients };
}
