import { parseQuestionnaireResponse } from '../../fhir/parse/questionnaire-response';
import type { LoadedAdministration } from '../../fhir/load';
import { Outbox, type OutboxStorage } from '../../fhir/write';

// Responses the Outbox keeps in this tab because the health record has not taken them yet (server down,
// session expired, a save still pending). They are the client's real answers, so the view shows and
// scores them, marked as not saved, until a re-send lands them in the history.

/**
 * The kept responses of `patientId` that the loaded history does not already hold (a response may be on
 * the server while its Observations are still pending). Read through the response parser, like server data:
 * session storage is outside the app's control.
 */
export function unsavedAdministrations(storage: OutboxStorage, patientId: string, loaded: readonly LoadedAdministration[]): LoadedAdministration[] {
  const known = new Set(loaded.map((a) => a.administration.id));
  const kept: LoadedAdministration[] = [];
  for (const { writeSet } of new Outbox(storage).pending().saves) {
    const response = writeSet.entries.find((e) => e.kind === 'response')?.resource;
    const parsed = parseQuestionnaireResponse(response);
    if (!parsed.ok || parsed.patientId !== patientId || known.has(parsed.administration.id)) continue;
    const { ok: _ok, ...administration } = parsed;
    known.add(parsed.administration.id);
    kept.push(administration);
  }
  return kept;
}
