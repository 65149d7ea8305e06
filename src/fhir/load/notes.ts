// The app's clinical notes as a source of history: where the EHR took no QuestionnaireResponse (or no
// Observation), the note carries it as its `application/fhir+json` attachment: a session's response, or a
// clinician's rupture note. Only our notes (our identifier system) are read; what they carry then goes through
// the same validation as a resource read directly.
import { z } from 'zod';
import { IDENTIFIER_SYSTEMS } from '../codes';
import { base64ToUtf8 } from '../encoding/base64';
import { NOTE_FHIR_TYPE, PROGRESS_NOTE } from '../resources/clinical-note';
import { rawString } from '../parse/raw';
import { referenceId } from '../parse/references';
import type { Observation } from '../schemas/clinical';
import type { UnreadableResource } from './classify';

const noteSchema = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  id: z.string().optional(),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  content: z.array(
    z.looseObject({ attachment: z.looseObject({ contentType: z.string().optional(), data: z.string().optional() }) }),
  ),
});

/** The search for our notes: the note type narrows it on the server, our identifier system in the client. */
export const notesSearch = (subject: string, count: string): string =>
  `DocumentReference?patient=${subject}&type=${encodeURIComponent(`${PROGRESS_NOTE.system}|${PROGRESS_NOTE.code}`)}&${count}`;

type Note = z.infer<typeof noteSchema>;

/** The note, when the resource is a note of ours (our identifier system). */
function ourNote(resource: unknown): Note | undefined {
  const parsed = noteSchema.safeParse(resource);
  const ours =
    parsed.success && (parsed.data.identifier ?? []).some((i) => i.system === IDENTIFIER_SYSTEMS.clinicalNote);
  return ours ? parsed.data : undefined;
}

function embeddedResource(note: Note): unknown {
  const attachment = note.content
    .map((c) => c.attachment)
    .find((a) => a.contentType?.split(';')[0]?.trim() === NOTE_FHIR_TYPE);
  const text = attachment?.data === undefined ? undefined : base64ToUtf8(attachment.data);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Enough of a carried resource to route it; each kind is then validated in full by its own reader. */
const carriedSchema = z.looseObject({
  resourceType: z.string(),
  subject: z.looseObject({ reference: z.string().optional() }).optional(),
});

export interface CarriedByNotes {
  /** Unparsed: the response parser validates them. */
  readonly responses: unknown[];
  /** Unparsed: `classifyObservations` validates them. */
  readonly observations: unknown[];
  /** Notes of ours that carry nothing readable. */
  readonly unreadable: UnreadableResource[];
}

/** A note of ours that carries nothing readable, dated when the note says when it was written. */
function unreadableNote(
  resource: unknown,
  id: string | undefined,
  carriedType: string | undefined,
): UnreadableResource {
  const date = rawString(resource, 'date');
  return {
    resourceType: 'DocumentReference',
    ...(id ? { id } : {}),
    ...(date ? { date } : {}),
    ...(carriedType === 'Observation'
      ? { kind: 'other-client', reason: 'the note carries an Observation about another patient' }
      : { kind: 'empty-note', reason: 'the note carries no readable QuestionnaireResponse or Observation attachment' }),
  };
}

/** What our notes carry: the responses and rupture notes' Observations, and the notes that carry none readable. */
export function carriedByNotes(resources: readonly unknown[], patientId: string): CarriedByNotes {
  const out: CarriedByNotes = { responses: [], observations: [], unreadable: [] };
  for (const resource of resources) {
    const note = ourNote(resource);
    if (!note) continue;
    const carried = embeddedResource(note);
    const parsed = carriedSchema.safeParse(carried);
    const type = parsed.success ? parsed.data.resourceType : undefined;
    // An Observation carried by a note of this patient must be about this patient, or it is not read.
    const about = parsed.success ? referenceId(parsed.data.subject?.reference, 'Patient') : undefined;
    if (type === 'Observation' && about === patientId) out.observations.push(carried);
    else if (type === 'QuestionnaireResponse') out.responses.push(carried);
    else out.unreadable.push(unreadableNote(resource, note.id, type));
  }
  return out;
}

const identifierKey = (o: Observation): string | undefined => {
  const first = o.identifier?.[0];
  return first?.system && first.value ? `${first.system}|${first.value}` : undefined;
};

/**
 * Observations carried by our notes, less those the server also holds as such (same identifier: a rupture note
 * written as an Observation where the note was written too) and any second note of one: each counts once.
 */
export function notCopies(carried: readonly Observation[], direct: readonly Observation[]): Observation[] {
  const seen = new Set(direct.map(identifierKey));
  return carried.filter((o) => {
    const key = identifierKey(o);
    if (key !== undefined && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
