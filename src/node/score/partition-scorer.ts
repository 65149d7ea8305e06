import { patientLine, type PatientRecord } from './output';
import { dropPatients, rescore } from './regroup';
import { classify, type Taken, type Where } from './resources';
import type { ScoreSettings } from './settings';
import type { FileSink, Sink } from './sinks';
import type { Source, SourceVisitor } from './source';
import { emptyTally, type Tally } from './tally';

// One thread's pass over its range of the input. Input grouped by patient (the seed, Bulk Data exports
// per patient) is scored as it streams: a patient's line is written as soon as the next patient begins,
// and only that patient is in memory. A patient who shows up again after that ("reopened") is rescored by
// a second pass over the range (regroup.ts), and their first-pass line is dropped. With several ranges,
// the first and the last patient of a range may continue in the neighbouring range: they are not written
// but handed back ("edges") for the main thread to join.

export interface PartitionOptions {
  readonly out: FileSink;
  readonly errors: Sink;
  readonly workDir: string;
  /** Names this partition's spill files. */
  readonly tag: string;
  /** Hand back the first and last patients instead of writing them (set when there are several ranges). */
  readonly keepEdges: boolean;
  /** Reopened patients scored per spill bucket (see regroup.ts). */
  readonly patientsPerBucket?: number;
  readonly settings: ScoreSettings;
}

export interface EdgeRecord {
  readonly id: string;
  readonly record: PatientRecord;
}

export interface PartitionResult {
  readonly tally: Tally;
  /** Patients written (or rescored) here. */
  readonly closed: string[];
  readonly edges: EdgeRecord[];
}

export class PartitionScorer implements SourceVisitor {
  private readonly tally: Tally = emptyTally();
  private head: EdgeRecord | undefined;
  private current: EdgeRecord | undefined;
  private readonly closed = new Set<string>();
  private readonly reopened = new Set<string>();

  constructor(private readonly options: PartitionOptions) {}

  async run(source: Source): Promise<PartitionResult> {
    this.tally.lines = await source.read(this);
    const edges = this.options.keepEdges
      ? [this.head, this.current === this.head ? undefined : this.current].filter(
          (e): e is EdgeRecord => e !== undefined,
        )
      : [];
    if (!this.options.keepEdges) this.closeCurrent();
    if (this.reopened.size > 0) {
      this.options.out.close();
      this.tally.patients -= await dropPatients(this.options.out.path, this.reopened);
      this.options.out.reopen();
      this.tally.patients += await rescore(source, this.reopened, this.options);
    }
    this.options.out.close();
    return { tally: this.tally, closed: [...this.closed], edges };
  }

  resource(value: unknown, where: Where): void {
    classify(value, where, this.visit, this.options.settings);
  }

  /** Made once, not per resource. */
  private readonly visit = (taken: Taken): void => this.take(taken);

  bad(where: string, reason: string): void {
    this.tally.bad++;
    this.options.errors.write(`${where}: ${reason}\n`);
  }

  private take(taken: Taken): void {
    if (taken.kind === 'bad') return this.bad(taken.where, taken.reason);
    if (taken.kind === 'skipped') {
      this.tally.skipped[taken.resourceType] = (this.tally.skipped[taken.resourceType] ?? 0) + 1;
      return;
    }
    if (taken.kind === 'response') this.tally.responses++;
    const record = this.recordOf(taken.patientId);
    if (!record) return;
    if (taken.kind === 'response') record.administrations.push(taken.administration);
    else if (taken.birthDate) record.birthDate = taken.birthDate;
  }

  /** The open record of this patient; undefined when the patient is left to the second pass. */
  private recordOf(patientId: string): PatientRecord | undefined {
    if (this.current?.id === patientId) return this.current.record;
    if (this.head?.id === patientId) return this.head.record;
    if (this.closed.has(patientId)) {
      this.reopened.add(patientId);
      return undefined;
    }
    if (this.current !== this.head) this.closeCurrent();
    this.current = { id: patientId, record: { administrations: [] } };
    if (this.options.keepEdges && !this.head) this.head = this.current;
    return this.current.record;
  }

  private closeCurrent(): void {
    if (!this.current) return;
    const { id, record } = this.current;
    this.closed.add(id);
    if (record.administrations.length > 0) {
      this.options.out.write(patientLine(id, record, this.options.settings));
      this.tally.patients++;
    }
    this.current = undefined;
  }
}
