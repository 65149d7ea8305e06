import type { RuptureNote } from '../../core/model';
import { buildRuptureClinicalNote, type RuptureNoteWords } from '../resources/rupture-clinical-note';
import { buildRuptureNoteObservation } from '../resources/rupture-note';
import type { WriteBackConfig } from '../smart-launch-config';
import type { WriteSet } from './types';
import { createEntry, provenanceEntry } from './write-set';

// The clinician's rupture note as a save of its own: the Observation, the clinical note that carries it where
// the server takes no Observation from apps (sent as the plan decides, like a session's note), and their
// Provenance, all keyed by the note's id so a resend after a double click or a reload is recognised by its
// identifier like any other save.

export interface RuptureNoteSaveInput {
  readonly note: RuptureNote;
  readonly patientId: string;
  readonly encounterId: string | undefined;
  readonly fhirUser: string | undefined;
  /** The instant of the save, FHIR dateTime. */
  readonly recorded: string;
  readonly app: { readonly name: string; readonly version: string };
  readonly writeBack?: WriteBackConfig;
  /** The clinical note's words in the clinician's language; without them no note is built. */
  readonly noteWords?: RuptureNoteWords;
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
  const carrier = input.noteWords
    ? [
        createEntry(
          'note',
          buildRuptureClinicalNote(note, observation, {
            patient,
            ...(encounter ? { encounter } : {}),
            ...(input.fhirUser ? { clinician: input.fhirUser } : {}),
            recorded: input.recorded,
            words: input.noteWords,
          }),
          'the clinical note of the rupture note',
        ),
      ]
    : [];
  const written = [entry, ...carrier];
  return {
    key: note.id,
    entries: [
      ...written,
      provenanceEntry(written, note.id, entry.fullUrl, {
        recorded: input.recorded,
        clinician: input.fhirUser,
        organization: input.writeBack?.organization,
        app: input.app,
      }),
    ],
  };
}
