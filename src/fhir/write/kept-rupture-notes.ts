// Rupture notes the Outbox keeps, not yet on the server: a save of their own (no response in it), read back
// from session storage like data from a server, so the administer panel can count them and send them again.
import type { RuptureNote } from '../../core/model';
import { referenceId } from '../parse/references';
import { ruptureNoteOf } from '../resources/rupture-note';
import { observationSchema } from '../schemas/clinical';
import { validate } from '../schemas/validate';
import type { WriteSet } from './types';

export interface KeptRuptureNote {
  readonly key: string;
  readonly writeSet: WriteSet;
  readonly note: RuptureNote;
}

/** This patient's rupture notes among the Outbox's pending saves (a tab can outlive a launch; the next may be another patient's). */
export function keptRuptureNotes(
  saves: readonly { readonly key: string; readonly writeSet: WriteSet }[],
  patientId: string,
): KeptRuptureNote[] {
  return saves.flatMap(({ key, writeSet }) => {
    const entry = writeSet.entries.find((e) => e.kind === 'rupture-note');
    if (!entry) return [];
    const parsed = validate(observationSchema, entry.resource);
    if (!parsed.ok || referenceId(parsed.value.subject?.reference, 'Patient') !== patientId) return [];
    const note = ruptureNoteOf(parsed.value);
    return note ? [{ key, writeSet, note }] : [];
  });
}
