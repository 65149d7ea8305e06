// A response the app kept in this tab (the Outbox) without reaching the record: by default the Tomasz Wilk (p04)
// ORS the caseload tests put beside the seed's history, dated on the seed's today.
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { Outbox, type OutboxStorage } from '../../src/fhir/write';
import { createEntry } from '../../src/fhir/write/write-set';
import { SEED_TODAY } from '../../src/node/sandbox/seed';

export function keepUnsavedOrs(
  storage: OutboxStorage,
  { patientId = 'p04', day = SEED_TODAY, mm = 2 }: { patientId?: string; day?: string; mm?: number } = {},
): void {
  const administration: Administration = {
    id: `kept-ors-${patientId}`,
    instrument: 'ors',
    authored: `${day}T09:00:00Z`,
    status: 'completed',
    answers: Object.fromEntries(instruments.ors.items.map((item) => [item.linkId, mm])),
  };
  const response = buildQuestionnaireResponse(instruments.ors, administration, {
    subject: `Patient/${patientId}`,
    identifierValue: administration.id,
  });
  new Outbox(storage).enqueue({
    key: administration.id,
    entries: [createEntry('response', response, 'the ORS response')],
  });
}
