// The score Observations the app saves with each response (the default `components` form), for a history the
// seed's generator built: the launch bench's long-history client then holds what the app itself would have left
// in the record, which the launch must not pay for reading back.
import { scoreAdministration } from '../../src/core/scoring';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { buildObservations } from '../../src/fhir/resources/observations';

export function scoreObservationsOf(resources: readonly fhir4.Resource[], patientId: string): fhir4.Observation[] {
  return resources.flatMap((resource) => {
    if (resource.resourceType !== 'QuestionnaireResponse') return [];
    const parsed = parseQuestionnaireResponse(resource, { patientId });
    const score = parsed.ok ? scoreAdministration(parsed.administration, { ageBand: 'adult' }) : undefined;
    if (!parsed.ok || !score?.ok) throw new Error(`launch bench: QuestionnaireResponse/${resource.id} does not score`);
    const response = {
      reference: `QuestionnaireResponse/${resource.id}`,
      identifierValue: parsed.identifier?.value ?? String(resource.id),
    };
    return buildObservations(score.value, parsed.administration, {
      patient: `Patient/${patientId}`,
      clientRated: true,
      response,
    }).map((observation, k) => ({ ...observation, id: `${resource.id}-score-${k}` }));
  });
}
