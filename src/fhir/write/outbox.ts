// Unsaved work that survives a reload of the app's iframe. A write set goes in BEFORE its first attempt and
// leaves once nothing in it is pending; re-sending is safe because every create is idempotent by its
// identifier. A response the record refused (and no clinical note carries) is the client's real answers: it
// is kept too, to be shown and scored in this tab. Kept in session storage (per tab, per partition), holding
// only what the write set itself needs: no tokens, no names beyond the resources being written.
import { z } from 'zod';
import type { Administration, RuptureNote } from '../../core/model';
import type { FhirTransport } from '../gateway/types';
import type { LoadedAdministration } from '../load/classify';
import { parseQuestionnaireResponse } from '../parse/questionnaire-response';
import type { RetryOptions } from './retry';
import { keptRuptureNotes } from './kept-rupture-notes';
import { saveAdministration } from './save';
import { isResponseKind, type SaveReport, WRITE_KINDS, type WriteEntry, type WritePlan, type WriteSet } from './types';
import { rebuiltMatch } from './write-set';

/** The part of the Web Storage API the Outbox uses (sessionStorage in the app, a Map in tests). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'therapy-feedback.outbox.';
const REFUSED_PREFIX = 'therapy-feedback.refused.';

const writeEntrySchema = z.looseObject({
  fullUrl: z.string(),
  kind: z.enum(WRITE_KINDS),
  resource: z.looseObject({ resourceType: z.string() }),
  match: z.string().optional(),
  identifier: z.object({ system: z.string(), value: z.string() }).optional(),
  label: z.string(),
});
const writeSetSchema = z.object({
  key: z.string().min(1),
  entries: z.array(writeEntrySchema),
  earlierCopyKept: z.boolean().optional(),
});

export interface PendingSave {
  readonly key: string;
  readonly writeSet: WriteSet;
}

/** A save this tab holds that the record does not, read back through the response parser like server data. */
export interface KeptSave {
  readonly key: string;
  /** `pending`: will be re-sent (its write set is here). `refused`: the record would not take it; this tab only. */
  readonly state: 'pending' | 'refused';
  readonly response: LoadedAdministration;
  readonly writeSet?: WriteSet;
}

/** The QuestionnaireResponse a write set saves; `unknown`, because kept write sets come back from storage. */
export const responseOf = (writeSet: WriteSet): unknown =>
  writeSet.entries.find((e) => isResponseKind(e.kind))?.resource;

const responseRefused = (report: SaveReport): boolean =>
  report.entries.some((e) => isResponseKind(e.kind) && e.outcome.status === 'refused');

const isCreate = (entry: WriteEntry): boolean => entry.fullUrl.startsWith('urn:uuid:');
const NO_MATCH = 'a create with no way to find an earlier copy (no identifier): sending it again could store it twice';

/**
 * Every create of a kept write set with its `match`: one read back without it (storage edited, or kept by
 * another version of the app) would go out as a plain create and could store a second copy, so it is made
 * again from the entry's identifier. Undefined when a create has nothing to make it from.
 */
function withMatches(writeSet: WriteSet): WriteSet | undefined {
  const safe = (e: WriteEntry) => e.match !== undefined || !isCreate(e);
  if (writeSet.entries.every(safe)) return writeSet;
  const entries = writeSet.entries.map((e) => {
    const match = safe(e) ? e.match : rebuiltMatch(e, writeSet.key);
    return match === undefined ? e : { ...e, match };
  });
  return entries.every(safe) ? { ...writeSet, entries } : undefined;
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
    const keys = keysWith(this.storage, PREFIX);
    const saves: PendingSave[] = [];
    const unreadable: string[] = [];
    for (const storageKey of keys) {
      const parsed = writeSetSchema.safeParse(safeJson(this.storage.getItem(storageKey)));
      // The schema checked the envelope; the resources are the app's own, stored as built.
      const writeSet = parsed.success ? withMatches(parsed.data as unknown as WriteSet) : undefined;
      if (writeSet) saves.push({ key: writeSet.key, writeSet });
      else {
        const why = parsed.success ? NO_MATCH : (parsed.error.issues[0]?.message ?? 'unreadable');
        unreadable.push(`${storageKey.slice(PREFIX.length)}: ${why}`);
        this.storage.removeItem(storageKey);
      }
    }
    return { saves, unreadable };
  }

  markSaved(key: string): void {
    this.storage.removeItem(PREFIX + key);
  }

  /** Saves `writeSet`, keeping it here until nothing in it is pending, and its response if the record refused it. */
  async save(transport: FhirTransport, writeSet: WriteSet, plan: WritePlan, retry?: RetryOptions): Promise<SaveReport> {
    this.enqueue(writeSet);
    const report = await saveAdministration(transport, writeSet, plan, retry ? { retry } : {});
    const response = responseOf(writeSet);
    if (response && responseRefused(report))
      this.storage.setItem(REFUSED_PREFIX + writeSet.key, JSON.stringify(response));
    if (report.status === 'saved' || report.status === 'partly-saved') this.markSaved(writeSet.key);
    return report;
  }

  /** This patient's pending and refused saves, parsed (a tab can outlive a launch; the next may be another patient's). */
  kept(patientId: string): KeptSave[] {
    const candidates = [
      ...this.pending().saves.map(({ key, writeSet }) => ({
        key,
        state: 'pending' as const,
        resource: responseOf(writeSet),
        writeSet,
      })),
      ...keysWith(this.storage, REFUSED_PREFIX).map((k) => ({
        key: k.slice(REFUSED_PREFIX.length),
        state: 'refused' as const,
        resource: safeJson(this.storage.getItem(k)),
      })),
    ];
    return candidates.flatMap(({ resource, ...rest }) => {
      const parsed = parseQuestionnaireResponse(resource);
      if (!parsed.ok || parsed.patientId !== patientId) return [];
      const { ok: _ok, ...response } = parsed;
      return [{ ...rest, response }];
    });
  }

  /** This patient's saves that can be sent again (pending, their write set here): responses and rupture notes. */
  resendable(patientId: string): ResendableSave[] {
    const responses = this.kept(patientId).flatMap(({ key, writeSet, response }): ResendableSave[] =>
      writeSet ? [{ kind: 'response', key, writeSet, administration: response.administration }] : [],
    );
    const notes = keptRuptureNotes(this.pending().saves, patientId).map(({ key, writeSet, note }): ResendableSave => ({
      kind: 'rupture-note',
      key,
      writeSet,
      note,
    }));
    return [...responses, ...notes];
  }

  /**
   * Re-sends this patient's kept saves (after a reload, or when the network is back), each planned afresh and
   * rebuilt by `refresh` first; stops at the first expired session. Reports per write set, as each comes.
   */
  async resendAll(transport: FhirTransport, options: ResendOptions): Promise<SaveReport[]> {
    const reports: SaveReport[] = [];
    for (const save of this.resendable(options.patientId)) {
      // A rupture note has no Flags to set again.
      const writeSet =
        options.refresh && save.kind === 'response'
          ? options.refresh(save.writeSet, save.administration)
          : save.writeSet;
      const report = await this.save(transport, writeSet, options.plan(), options.retry);
      reports.push(report);
      options.onReport?.(save, report);
      if (report.status === 'session-expired') break;
    }
    return reports;
  }
}

/** A kept save that can be sent again: a response's (with its Flags) or a clinician's rupture note. */
export type ResendableSave =
  | {
      readonly kind: 'response';
      readonly key: string;
      readonly writeSet: WriteSet;
      readonly administration: Administration;
    }
  | { readonly kind: 'rupture-note'; readonly key: string; readonly writeSet: WriteSet; readonly note: RuptureNote };

/** How `Outbox.resendAll` re-sends. */
export interface ResendOptions {
  /** Only this patient's saves: sent under another patient's launch they would be refused, and then dropped. */
  readonly patientId: string;
  /** The plan, asked again before each save (what the server refused meanwhile is not asked for again). */
  readonly plan: () => WritePlan;
  /** A kept save was built on an older load: its Flag part is set against the record as it is now. */
  readonly refresh?: (kept: WriteSet, administration: Administration) => WriteSet;
  readonly retry?: RetryOptions;
  /** Told of each save's report as it comes (the app shows progress). */
  readonly onReport?: (save: ResendableSave, report: SaveReport) => void;
}

/** Keys of `storage` that start with `prefix` (the write side's session-storage records). */
export function keysWith(storage: Pick<OutboxStorage, 'key' | 'length'>, prefix: string): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (k): k is string => k?.startsWith(prefix) === true,
  );
}

/** Stored text as JSON, or undefined where it is none (storage can be edited). */
export function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
