import { z } from 'zod';
import type { InstrumentId } from '../../core/instruments';
import { keysStartingWith, readJson } from '../stored';

// The in-progress answers of a form live in sessionStorage so a reload of the EHR iframe does not lose
// them. The key holds the patient's id, the instrument and the draft id; never a name.

const PREFIX = 'tf-administer-draft';

const draftSchema = z.object({
  draftId: z.string().min(1),
  answers: z.record(z.string(), z.number().int().min(0).max(100)),
});

export type Draft = z.infer<typeof draftSchema>;

export type DraftLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly draft: Draft }
  /** Something was stored but is not a draft we can trust; it has been removed. */
  | { readonly kind: 'unreadable' };

function keyPrefix(patientKey: string, instrument: InstrumentId): string {
  return `${PREFIX}:${patientKey}:${instrument}:`;
}

function readDraft(storage: Storage, key: string): Draft | undefined {
  const parsed = draftSchema.safeParse(readJson(storage, key));
  return parsed.success ? parsed.data : undefined;
}

/** The stored draft for this patient and instrument, if any. */
export function findDraft(storage: Storage, patientKey: string, instrument: InstrumentId): DraftLookup {
  const prefix = keyPrefix(patientKey, instrument);
  let unreadable = false;
  for (const key of keysStartingWith(storage, prefix)) {
    const draft = readDraft(storage, key);
    if (draft && key === prefix + draft.draftId) return { kind: 'found', draft };
    storage.removeItem(key);
    unreadable = true;
  }
  return unreadable ? { kind: 'unreadable' } : { kind: 'none' };
}

/** Forms with answers kept in this tab for this patient (read only: nothing is removed here). */
export function keptDrafts(
  storage: Storage,
  patientKey: string,
  instrumentIds: readonly InstrumentId[],
): { readonly instrument: InstrumentId; readonly draftId: string }[] {
  return instrumentIds.flatMap((instrument) =>
    keysStartingWith(storage, keyPrefix(patientKey, instrument)).map((key) => ({
      instrument,
      draftId: key.slice(keyPrefix(patientKey, instrument).length),
    })),
  );
}

export function storeDraft(storage: Storage, patientKey: string, instrument: InstrumentId, draft: Draft): void {
  storage.setItem(keyPrefix(patientKey, instrument) + draft.draftId, JSON.stringify(draft));
}

export function discardDraft(storage: Storage, patientKey: string, instrument: InstrumentId, draftId: string): void {
  storage.removeItem(keyPrefix(patientKey, instrument) + draftId);
}
