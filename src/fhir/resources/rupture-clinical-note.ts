// The clinician's rupture note where the EHR takes no Observation from apps: a clinical note of its own (same
// US Core DocumentReference as a session's note), its text in the clinician's language, the rupture note's
// Observation attached as it would have been written, so that the next launch reads it back like one read
// directly. Its identifier is the rupture note's id, so a resend finds it.
import type { RuptureKind, RuptureNote } from '../../core/model';
import { noteContent, noteDateTime, noteShell } from './clinical-note';

/** The words of a rupture note's text, in the clinician's language (the UI builds them from its translations). */
export interface RuptureNoteWords {
  /** BCP 47, e.g. `en` or `es`. */
  readonly language: string;
  readonly heading: string;
  readonly title: string;
  readonly date: string;
  readonly kindLabel: string;
  readonly kind: Readonly<Record<RuptureKind, string>>;
  readonly addressedLabel: string;
  readonly yes: string;
  readonly no: string;
  readonly recordAttached: string;
}

export interface RuptureClinicalNoteContext {
  readonly patient: string;
  readonly encounter?: string;
  readonly clinician?: string;
  /** The instant of the save (DocumentReference.date). */
  readonly recorded: string;
  readonly words: RuptureNoteWords;
}

/** The note's text: what the clinician reads in the EHR. */
export function ruptureNoteText(note: RuptureNote, words: RuptureNoteWords): string {
  return [
    words.heading,
    words.title,
    `${words.date}: ${noteDateTime(note.date)}`,
    `${words.kindLabel}: ${words.kind[note.kind]}`,
    `${words.addressedLabel}: ${note.addressed ? words.yes : words.no}`,
    '',
    words.recordAttached,
  ].join('\n');
}

/** The DocumentReference carrying `observation` (the rupture note as `buildRuptureNoteObservation` made it). */
export function buildRuptureClinicalNote(
  note: RuptureNote,
  observation: fhir4.Observation,
  ctx: RuptureClinicalNoteContext,
): fhir4.DocumentReference {
  const description = `Therapy Feedback: alliance rupture note ${note.date.slice(0, 10)}`;
  return {
    ...noteShell({ ...ctx, key: note.id }, description, note.date),
    content: noteContent(
      { data: ruptureNoteText(note, ctx.words), language: ctx.words.language, title: description },
      { resource: observation, title: 'Alliance rupture note (FHIR Observation)' },
    ),
  };
}
