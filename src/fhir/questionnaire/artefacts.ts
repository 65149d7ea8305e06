// The full set of published artefacts and how each is written to disk. Pure: the CLI writes the files,
// the sandbox seeds these resources, the publisher uploads them, and a test compares them with the files.
import { buildCodeSystem, publishedInstruments } from './code-system';
import { buildQuestionnaire } from './questionnaire';
import { buildValueSets } from './value-sets';

export type PublishedArtefact = fhir4.CodeSystem | fhir4.ValueSet | fhir4.Questionnaire;

/** CodeSystem first, then ValueSets, then Questionnaires: each only refers to what comes before it. */
export function publishedArtefacts(): PublishedArtefact[] {
  return [buildCodeSystem(), ...buildValueSets(), ...publishedInstruments().map(buildQuestionnaire)];
}

/** e.g. `Questionnaire-ors.json`, `CodeSystem-therapy-feedback.json`. */
export function artefactFileName(artefact: PublishedArtefact): string {
  return `${artefact.resourceType}-${artefact.id ?? 'unnamed'}.json`;
}

/** Pretty JSON with a trailing newline. Key order is the builders' order, which is fixed, so files are stable. */
export function serializeArtefact(artefact: PublishedArtefact): string {
  return `${JSON.stringify(artefact, null, 2)}\n`;
}
