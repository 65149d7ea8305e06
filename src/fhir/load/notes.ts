// The app's clinical notes as a source of history: where the EHR took no QuestionnaireResponse, the note
// carries it as its `application/fhir+json` attachment. Only our notes (our identifier system) are read; the
// embedded response then goes through the same parser as a response read directly.
import { z } from 'zod';
import { IDENTIFIER_SYSTEMS } from '../codes';
import { base64ToUtf8 } from '../encoding/base64';
import { NOTE_RESPONSE_TYPE, PROGRESS_NOTE } from '../resources/clinical-note';
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

const isOurs = (resource: unknown): boolean => {
  const parsed = noteSchema.safeParse(resource);
  return parsed.success && (parsed.data.identifier ?? []).some((i) => i.system === IDENTIFIER_SYSTEMS.clinicalNote);
};

function embeddedResponse(note: z.infer<typeof noteSchema>): unknown {
  const attachment = note.content
    .map((c) => c.attachment)
    .find((a) => a.contentType?.split(';')[0]?.trim() === NOTE_RESPONSE_TYPE);
  const text = attachment?.data === undefined ? undefined : base64ToUtf8(attachment.data);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The responses our notes carry (unparsed: the response parser validates them), and the notes that carry none readable. */
export function responsesInNotes(resources: readonly unknown[]): {
  responses: unknown[];
  unreadable: UnreadableResource[];
} {
  const responses: unknown[] = [];
  const unreadable: UnreadableResource[] = [];
  for (const resource of resources.filter(isOurs)) {
    const note = noteSchema.parse(resource);
    const response = embeddedResponse(note);
    if (response === undefined)
      unreadable.push({
        resourceType: 'DocumentReference',
        ...(note.id ? { id: note.id } : {}),
        reason: 'the note carries no readable QuestionnaireResponse attachment',
      });
    else responses.push(response);
  }
  return { responses, unreadable };
}
