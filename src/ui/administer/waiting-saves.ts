import { keptRuptureNotes, Outbox, type OutboxStorage } from '../../fhir/write';

/**
 * How many saves kept from before a reload are still to be reported as kept: those of this patient, not
 * attempted on this page, that the loaded record does not hold (`held`: its responses' and rupture notes' ids).
 * A save the server committed just before the reload is in the record (same identifier), so calling it "not
 * reached the health record" would contradict the table beside it.
 */
export function savesStillKept(
  storage: OutboxStorage,
  patientId: string,
  held: ReadonlySet<string>,
  attempted: ReadonlySet<string>,
): number {
  const outbox = new Outbox(storage);
  const responses = outbox
    .kept(patientId)
    .filter(
      ({ key, state, response }) => state === 'pending' && !attempted.has(key) && !held.has(response.administration.id),
    );
  const ruptureNotes = keptRuptureNotes(outbox.pending().saves, patientId).filter(
    ({ key, note }) => !attempted.has(key) && !held.has(note.id),
  );
  return responses.length + ruptureNotes.length;
}
