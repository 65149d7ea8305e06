import type { RuptureNote } from '../../core/model';
import { buildRuptureNoteObservation } from '../resources/rupture-note';
import type { WriteBackConfig } from '../smart-launch-config';
import type { WriteSet } from './types';
import { createEntry, provenanceEntry } from './write-set';

// The clinician's rupture note as a save of its own: the Observation and its Provenance, keyed by the note's id
// so a resend after a double click or a reload is recognised by its identifier like any other save.

export interface RuptureNoteSaveInput {
  readonly note: RuptureNote;
  readonly patientId: string;
  readonly encounterId: string | undefined;
  readonly fhirUser: string | undefined;
  /** The instant of the save, FHIR dateTime. */
  readonly recorded: string;
  readonly app: { readonly name: string; readonly version: string };
  readonly writeBack?: WriteBackConfig;
}

export function prepareRuptureNoteSave(input: RuptureNoteSaveInput): WriteSet {
  const { note } = input;
  const patient = `Patient/${input.patientId}`;
  const encounter = input.encounterId ? `Encounter/${input.encounterId}` : undefined;
  const observation = buildRuptureNoteObservation(note, {
    patient,
    ...(encounter ? { encounter } : {}),
    ...(input.fhirUser ? { clinician: input.fhirUser } : {}),
  });
  const entry = createEntry('rupture-note', observation, 'the rupture note');
  return {
    key: note.id,
    entries: [
      entry,
      provenanceEntry([entry], note.id, entry.fullUrl, {
        recorded: input.recorded,
        clinician: input.fhirUser,
        organization: input.writeBack?.organization,
        app: input.app,
      }),
    ],
  };
}
