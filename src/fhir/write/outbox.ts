// Unsaved work that survives a reload of the app's iframe. A write set goes in BEFORE its first attempt and
// leaves once nothing in it is pending; re-sending is safe because every create is idempotent by its
// identifier. Kept in session storage (per tab, per partition), holding only what the write set itself
// needs: no tokens, no names beyond the resources being written.
import { z } from 'zod';
import type { FhirTransport } from '../gateway/types';
import type { RetryOptions } from './retry';
import { saveAdministration } from './save';
import { type SaveReport, WRITE_KINDS, type WritePlan, type WriteSet } from './types';

/** The part of the Web Storage API the Outbox uses (sessionStorage in the app, a Map in tests). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'therapy-feedback.outbox.';

const writeEntrySchema = z.looseObject({
  fullUrl: z.string(),
  kind: z.enum(WRITE_KINDS),
  resource: z.looseObject({ resourceType: z.string() }),
  match: z.string().optional(),
  identifier: z.object({ system: z.string(), value: z.string() }).optional(),
  label: z.string(),
});
const writeSetSchema = z.object({ key: z.string().min(1), entries: z.array(writeEntrySchema) });

export interface PendingSave {
  readonly key: string;
  readonly writeSet: WriteSet;
}

export class Outbox {
  constructor(private readonly storage: OutboxStorage) {}

  /** Keeps `writeSet` until it is saved; enqueueing the same response again replaces it. */
  enqueue(writeSet: WriteSet): void {
    this.storage.setItem(PREFIX + writeSet.key, JSON.stringify(writeSet));
  }

  /**
   * Every kept write set. One that no longer reads as a write set (edited or truncated storage) cannot be
   * sent; it is removed and listed in `unreadable` so the app can say so.
   */
  pending(): { readonly saves: PendingSave[]; readonly unreadable: readonly string[] } {
    const keys = Array.from({ length: this.storage.length }, (_, i) => this.storage.key(i)).filter((k): k is string => k?.startsWith(PREFIX) === true);
    const saves: PendingSave[] = [];
    const unreadable: string[] = [];
    for (const storageKey of keys) {
      const parsed = writeSetSchema.safeParse(safeJson(this.storage.getItem(storageKey)));
      if (parsed.success) {
        // The schema checked the envelope; the resources are the app's own, stored as built.
        const writeSet = parsed.data as unknown as WriteSet;
        saves.push({ key: writeSet.key, writeSet });
      } else {
        unreadable.push(`${storageKey.slice(PREFIX.length)}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
        this.storage.removeItem(storageKey);
      }
    }
    return { saves, unreadable };
  }

  markSaved(key: string): void {
    this.storage.removeItem(PREFIX + key);
  }

  /** Saves `writeSet`, keeping it here until nothing in it is pending. */
  async save(transport: FhirTransport, writeSet: WriteSet, plan: WritePlan, retry?: RetryOptions): Promise<SaveReport> {
    this.enqueue(writeSet);
    const report = await saveAdministration(transport, writeSet, plan, retry ? { retry } : {});
    if (report.status === 'saved' || report.status === 'partly-saved') this.markSaved(writeSet.key);
    return report;
  }

  /** Re-sends everything kept (after a reload, or when the network is back); reports per write set. */
  async resendAll(transport: FhirTransport, plan: WritePlan, retry?: RetryOptions): Promise<SaveReport[]> {
    const reports: SaveReport[] = [];
    for (const { writeSet } of this.pending().saves) {
      const report = await this.save(transport, writeSet, plan, retry);
      reports.push(report);
      if (report.status === 'session-expired') break;
    }
    return reports;
  }
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
