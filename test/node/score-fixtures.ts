import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';

/** A QuestionnaireResponse as the app writes it, for a patient. */
export function response(patient: string, a: Administration): fhir4.QuestionnaireResponse {
  return {
    ...buildQuestionnaireResponse(instruments[a.instrument as 'ors'], a, {
      subject: `Patient/${patient}`,
      identifierValue: a.id,
    }),
    id: `qr-${a.id}`,
  };
}

export const ndjson = (resources: readonly unknown[]): string => resources.map((r) => JSON.stringify(r)).join('\n');
