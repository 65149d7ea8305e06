import type { LoadedAdministration } from '../../fhir/load';
import { Outbox, type OutboxStorage } from '../../fhir/write';

// Responses this tab holds that the health record does not: kept by the Outbox to be re-sent (server
// down, session expired, a save still pending), or refused by the record. They are the client's real
// answers, so the view shows and scores them, marked as not saved.

export interface UnsavedAdministration extends LoadedAdministration {
  /** `pending`: will be re-sent. `refused`: the record would not take it; shown in this tab only. */
  readonly unsaved: 'pending' | 'refused';
}

/**
 * The kept responses of `patientId` that the loaded history does not already hold (a response may be on
 * the server while its Observations are still pending). The Outbox parses them like server data.
 */
export function unsavedAdministrations(
  storage: OutboxStorage,
  patientId: string,
  loaded: readonly LoadedAdministration[],
): UnsavedAdministration[] {
  const known = new Set(loaded.map((a) => a.administration.id));
  const kept: UnsavedAdministration[] = [];
  for (const { response, state } of new Outbox(storage).kept(patientId)) {
    if (known.has(response.administration.id)) continue;
    known.add(response.administration.id);
    kept.push({ ...response, unsaved: state });
  }
  return kept;
}
