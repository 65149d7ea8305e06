import { z } from 'zod';
import type { InstrumentId } from '../../core/instruments';

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

function parseStored(raw: string): Draft | undefined {
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function keysWithPrefix(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** The stored draft for this patient and instrument, if any. */
export function findDraft(storage: Storage, patientKey: string, instrument: InstrumentId): DraftLookup {
  const prefix = keyPrefix(patientKey, instrument);
  let unreadable = false;
  for (const key of keysWithPrefix(storage, prefix)) {
    const draft = parseStored(storage.getItem(key) ?? '');
    if (draft && key === prefix + draft.draftId) return { kind: 'found', draft };
    storage.removeItem(key);
    unreadable = true;
  }
  return unreadable ? { kind: 'unreadable' } : { kind: 'none' };
}

export function storeDraft(storage: Storage, patientKey: string, instrument: InstrumentId, draft: Draft): void {
  storage.setItem(keyPrefix(patientKey, instrument) + draft.draftId, JSON.stringify(draft));
}

export function discardDraft(storage: Storage, patientKey: string, instrument: InstrumentId, draftId: string): void {
  storage.removeItem(keyPrefix(patientKey, instrument) + draftId);
}
