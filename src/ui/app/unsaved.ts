import type { LoadedAdministration } from '../../fhir/load';
import { parseQuestionnaireResponse } from '../../fhir/parse/questionnaire-response';
import { Outbox, type OutboxStorage } from '../../fhir/write';
import { refusedResponses, responseOf } from './refused-responses';

// Responses this tab holds that the health record does not: kept by the Outbox to be re-sent (server
// down, session expired, a save still pending), or refused by the record. They are the client's real
// answers, so the view shows and scores them, marked as not saved.

export interface UnsavedAdministration extends LoadedAdministration {
  /** `pending`: will be re-sent. `refused`: the record would not take it; shown in this tab only. */
  readonly unsaved: 'pending' | 'refused';
}

/**
 * The kept responses of `patientId` that the loaded history does not already hold (a response may be on
 * the server while its Observations are still pending). Read through the response parser, like server
 * data: session storage is outside the app's control.
 */
export function unsavedAdministrations(storage: OutboxStorage, patientId: string, loaded: readonly LoadedAdministration[]): UnsavedAdministration[] {
  const known = new Set(loaded.map((a) => a.administration.id));
  const candidates = [
    ...new Outbox(storage).pending().saves.map(({ writeSet }) => ({ resource: responseOf(writeSet), unsaved: 'pending' as const })),
    ...refusedResponses(storage).map((resource) => ({ resource, unsaved: 'refused' as const })),
  ];
  const kept: UnsavedAdministration[] = [];
  for (const { resource, unsaved } of candidates) {
    const parsed = parseQuestionnaireResponse(resource);
    if (!parsed.ok || parsed.patientId !== patientId || known.has(parsed.administration.id)) continue;
    const { ok: _ok, ...administration } = parsed;
    known.add(parsed.administration.id);
    kept.push({ ...administration, unsaved });
  }
  return kept;
}
