import { Outbox, type OutboxStorage } from '../../fhir/write';

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
  // The saves "Send now" would send: responses and rupture notes alike, each known by the id the record holds.
  return new Outbox(storage).resendable(patientId).filter((save) => {
    const id = save.kind === 'response' ? save.administration.id : save.note.id;
    return !attempted.has(save.key) && !held.has(id);
  }).length;
}
