import { parseQuestionnaireResponse } from '../../fhir/parse/questionnaire-response';
import { Outbox, type OutboxStorage } from '../../fhir/write';
import { responseOf } from '../app/refused-responses';

/**
 * How many saves kept from before a reload are still to be reported as kept: those of this patient, not
 * attempted on this page, whose response the loaded record does not hold. A save the server committed just
 * before the reload is in the record (same identifier), so calling it "not reached the health record"
 * would contradict the table beside it.
 */
export function savesStillKept(storage: OutboxStorage, patientId: string, held: ReadonlySet<string>, attempted: ReadonlySet<string>): number {
  return new Outbox(storage).pending().saves.filter(({ key, writeSet }) => {
    if (attempted.has(key)) return false;
    const parsed = parseQuestionnaireResponse(responseOf(writeSet));
    return parsed.ok && parsed.patientId === patientId && !held.has(parsed.administration.id);
  }).length;
}
