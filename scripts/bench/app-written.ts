// A generated history as the app itself would have left it in the record, built by the app's own builders:
// the score Observations it saves with each response, or, on an EHR that takes no QuestionnaireResponse from
// apps (the epic-like profile), each response kept in the clinical note it writes instead.
import type { Administration, Score } from '../../src/core/model';
import { scoreAdministration } from '../../src/core/scoring';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { buildClinicalNote } from '../../src/fhir/resources/clinical-note';
import { buildObservations } from '../../src/fhir/resources/observations';
import { noteWords } from '../../src/ui/administer/note-words';

interface Scored {
  readonly response: fhir4.QuestionnaireResponse & { readonly id: string };
  readonly administration: Administration;
  readonly identifierValue: string;
  readonly score: Score;
}

/** A generated response read and scored as the app does when it saves one (every one must score). */
function scored(resource: fhir4.Resource, patientId: string): Scored | undefined {
  if (resource.resourceType !== 'QuestionnaireResponse') return undefined;
  const response = resource as Scored['response'];
  const parsed = parseQuestionnaireResponse(response, { patientId });
  const score = parsed.ok ? scoreAdministration(parsed.administration, { ageBand: 'adult' }) : undefined;
  if (!parsed.ok || !score?.ok) throw new Error(`launch bench: QuestionnaireResponse/${response.id} does not score`);
  const identifierValue = parsed.identifier?.value ?? response.id;
  return { response, administration: parsed.administration, identifierValue, score: score.value };
}

/** The score Observations (the default `components` form) saved with each response of the history. */
export function scoreObservationsOf(resources: readonly fhir4.Resource[], patientId: string): fhir4.Observation[] {
  return resources.flatMap((resource) => {
    const s = scored(resource, patientId);
    if (!s) return [];
    const response = { reference: `QuestionnaireResponse/${s.response.id}`, identifierValue: s.identifierValue };
    return buildObservations(s.score, s.administration, {
      patient: `Patient/${patientId}`,
      clientRated: true,
      response,
    }).map((observation, k) => ({ ...observation, id: `${s.response.id}-score-${k}` }));
  });
}

/** The history's responses, each as its clinical note; the other resources as they are. */
export function keptInNotes(resources: readonly fhir4.Resource[], patientId: string): fhir4.Resource[] {
  const words = noteWords('en');
  return resources.map((resource) => {
    const s = scored(resource, patientId);
    if (!s) return resource;
    const findings = { score: s.score, outcome: {}, alliance: {}, decisions: [] };
    const note = buildClinicalNote(s.administration, findings, s.response, {
      patient: `Patient/${patientId}`,
      clinician: 'Practitioner/pr1',
      recorded: s.administration.authored,
      key: `note-${s.response.id}`,
      words,
    });
    return { ...note, id: `note-${s.response.id}` };
  });
}
