// A response the app kept in this tab (the Outbox) without reaching the record: the Tomasz Wilk (p04) ORS the
// caseload tests put beside the seed's history, dated on the seed's today.
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { Outbox, type OutboxStorage } from '../../src/fhir/write';
import { SEED_TODAY } from '../../src/node/sandbox/seed';

export function keepUnsavedOrs(storage: OutboxStorage): void {
  const administration: Administration = {
    id: 'kept-ors-p04',
    instrument: 'ors',
    authored: `${SEED_TODAY}T09:00:00Z`,
    status: 'completed',
    answers: Object.fromEntries(instruments.ors.items.map((item) => [item.linkId, 2])),
  };
  const response = buildQuestionnaireResponse(instruments.ors, administration, {
    subject: 'Patient/p04',
    identifierValue: administration.id,
  });
  new Outbox(storage).enqueue({
    key: administration.id,
    entries: [{ fullUrl: 'urn:uuid:kept', kind: 'response', resource: response, label: 'the ORS response' }],
  });
}
