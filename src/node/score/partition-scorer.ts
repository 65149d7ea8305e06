import { patientLine, type PatientRecord } from './output';
import { partitionOf } from './partition';
import { regroup } from './regroup';
import { classify, type Taken } from './resources';
import type { Sink } from './sinks';
import type { Source, SourceVisitor } from './source';
import { emptyTally, type Tally } from './tally';

// One partition's pass over the input. Input grouped by patient (the seed, Bulk Data exports per patient)
// is scored as it streams: a patient's line is written as soon as the next patient begins, and only that
// patient is in memory. A patient who shows up again after that ("reopened") is not scored in the stream:
// a second pass regroups just those patients, spilling to disk when they are many (see regroup.ts), and
// their first-pass lines are left out of the output.

export interface PartitionOptions {
  readonly partition: number;
  readonly partitions: number;
  readonly out: Sink & { readonly path: string; close(): void };
  readonly errors: Sink;
  readonly workDir: string;
  /** Reopened patients scored per spill bucket (see regroup.ts). */
  readonly patientsPerBucket?: number;
}

export class PartitionScorer implements SourceVisitor {
  readonly tally: Tally = emptyTally();
  private current: { id: string; record: PatientRecord } | undefined;
  private readonly closed = new Set<string>();
  private readonly reopened = new Set<string>();

  constructor(private readonly options: PartitionOptions) {}

  async run(source: Source): Promise<Tally> {
    this.tally.lines = await source.read(this);
    this.closeCurrent();
    this.options.out.close();
    if (this.reopened.size > 0) {
      this.tally.patients += await regroup({ source, reopened: this.reopened, ...this.options });
    }
    return this.tally;
  }

  resource(value: unknown, where: string, owned: boolean): void {
    classify(value, where, (taken) => this.take(taken, owned));
  }

  bad(where: string, reason: string, owned: boolean): void {
    if (!this.reports(owned)) return;
    this.tally.bad++;
    this.options.errors.write(`${where}: ${reason}\n`);
  }

  private reports(owned: boolean): boolean {
    return owned || this.options.partition === 0;
  }

  private mine(patientId: string): boolean {
    return partitionOf(patientId, this.options.partitions) === this.options.partition;
  }

  private take(taken: Taken, owned: boolean): void {
    if (taken.kind === 'bad') return this.bad(taken.where, taken.reason, owned);
    if (taken.kind === 'skipped') {
      if (this.reports(owned)) this.tally.skipped[taken.resourceType] = (this.tally.skipped[taken.resourceType] ?? 0) + 1;
      return;
    }
    if (!this.mine(taken.patientId)) return;
    if (taken.kind === 'response') this.tally.responses++;
    const record = this.recordOf(taken.patientId);
    if (!record) return;
    if (taken.kind === 'response') record.administrations.push(taken.administration);
    else if (taken.birthDate) record.birthDate = taken.birthDate;
  }

  /** The open record of this patient; undefined when the patient is left to the second pass. */
  private recordOf(patientId: string): PatientRecord | undefined {
    if (this.current?.id === patientId) return this.current.record;
    if (this.closed.has(patientId)) {
      this.reopened.add(patientId);
      return undefined;
    }
    this.closeCurrent();
    this.current = { id: patientId, record: { administrations: [] } };
    return this.current.record;
  }

  private closeCurrent(): void {
    if (!this.current) return;
    const { id, record } = this.current;
    this.closed.add(id);
    if (record.administrations.length > 0) {
      this.options.out.write(patientLine(id, record));
      this.tally.patients++;
    }
    this.current = undefined;
  }
}
