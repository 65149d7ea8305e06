// A history as the app leaves it on an EHR that takes no QuestionnaireResponse from apps (the epic-like profile):
// each response kept in the clinical note the app writes for it, built by the app's own note builder.
import { scoreAdministration } from '../../src/core/scoring';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { buildClinicalNote } from '../../src/fhir/resources/clinical-note';
import { noteWords } from '../../src/ui/administer/note-words';

const isResponse = (resource: fhir4.Resource): resource is fhir4.QuestionnaireResponse =>
  resource.resourceType === 'QuestionnaireResponse';

/** The history's responses, each as its clinical note; the other resources as they are. */
export function keptInNotes(resources: readonly fhir4.Resource[], patientId: string): fhir4.Resource[] {
  const words = noteWords('en');
  return resources.map((resource) => {
    if (!isResponse(resource)) return resource;
    const parsed = parseQuestionnaireResponse(resource, { patientId });
    if (!parsed.ok) throw new Error(`launch bench: QuestionnaireResponse/${resource.id} does not read`);
    const score = scoreAdministration(parsed.administration, { ageBand: 'adult' });
    const findings = { ...(score.ok ? { score: score.value } : {}), outcome: {}, alliance: {}, decisions: [] };
    const note = buildClinicalNote(parsed.administration, findings, resource, {
      patient: `Patient/${patientId}`,
      clinician: 'Practitioner/pr1',
      recorded: parsed.administration.authored,
      key: `note-${resource.id}`,
      words,
    });
    return { ...note, id: `note-${resource.id}` };
  });
}
