import { fail, succeed, type Result } from '../../../core/result';
import { referenceId } from '../../../fhir/parse/references';

// The patient compartment, as far as a patient/ scope needs it: which resources belong to which patient,
// and how a search is pinned to the token's patient. Types not listed here are shared (Questionnaire,
// CodeSystem, ValueSet, Practitioner...) and are not filtered by patient.

/** Per compartment type: the search parameter that names the patient, and where the resource says it. */
const COMPARTMENT: Readonly<Record<string, { param: string; paths: readonly string[] }>> = {
  Observation: { param: 'patient', paths: ['subject'] },
  QuestionnaireResponse: { param: 'patient', paths: ['subject'] },
  Flag: { param: 'patient', paths: ['subject'] },
  // The engine answers Encounter?patient= a second slower than Encounter?subject=; same meaning here.
  Encounter: { param: 'subject', paths: ['subject'] },
  EpisodeOfCare: { param: 'patient', paths: ['patient'] },
  Condition: { param: 'patient', paths: ['subject'] },
  CarePlan: { param: 'patient', paths: ['subject'] },
  Goal: { param: 'patient', paths: ['subject'] },
  ServiceRequest: { param: 'patient', paths: ['subject'] },
  DocumentReference: { param: 'patient', paths: ['subject'] },
  DetectedIssue: { param: 'patient', paths: ['patient'] },
  Task: { param: 'patient', paths: ['for'] },
  // A message names its patient as subject, sender or recipient (the Patient compartment definition).
  Communication: { param: 'patient', paths: ['subject', 'sender', 'recipient'] },
};

/** A Patient is its own compartment, pinned by `_id`. */
const SEARCH_ONLY_COMPARTMENT: Readonly<Record<string, string>> = { Patient: '_id' };

/**
 * Provenance belongs to the patient of what it targets (resolve-membership.ts), which no search parameter
 * says (`patient` is only a target that is the Patient itself): its searches are filtered, not pinned.
 */
const FILTERED_ONLY = new Set(['Provenance']);

export function isCompartmentType(resourceType: string): boolean {
  return resourceType in COMPARTMENT || resourceType in SEARCH_ONLY_COMPARTMENT || FILTERED_ONLY.has(resourceType);
}

/** Whether a search of this type can only be checked by the membership of what it finds. */
export function isFilteredOnly(resourceType: string): boolean {
  return FILTERED_ONLY.has(resourceType);
}

/** The Patient ids an element names (a reference, or a list of them as in Communication.recipient). */
function referencedIds(element: unknown): string[] {
  if (Array.isArray(element)) return element.flatMap(referencedIds);
  if (typeof element !== 'object' || element === null || !('reference' in element)) return [];
  const ref = element.reference;
  const id = typeof ref === 'string' ? referenceId(ref, 'Patient') : undefined;
  return id === undefined ? [] : [id];
}

export type Membership = 'member' | 'other' | 'unknown';

/**
 * Whether a resource is in the given patient's compartment: every patient it names is that patient (a
 * message from this patient about another is not theirs to write or read). `unknown` is for shared types
 * and for resources whose patient cannot be told from their own content (Provenance).
 */
export function membership(resource: unknown, patientId: string): Membership {
  if (typeof resource !== 'object' || resource === null || !('resourceType' in resource)) return 'unknown';
  const type = String(resource.resourceType);
  if (type === 'Patient') return 'id' in resource && resource.id === patientId ? 'member' : 'other';
  const rule = COMPARTMENT[type];
  if (!rule) return 'unknown';
  const record = resource as Record<string, unknown>;
  const ids = rule.paths.flatMap((p) => referencedIds(record[p]));
  return ids.length > 0 && ids.every((id) => id === patientId) ? 'member' : 'other';
}

function sameReference(value: string, patientId: string): boolean {
  return value
    .split(',')
    .every((v) => v === patientId || v === `Patient/${patientId}` || v.endsWith(`/Patient/${patientId}`));
}

/** The search parameters that name the patient of a search. */
function namesPatient(resourceType: string, name: string): boolean {
  return resourceType === 'Patient' ? name === '_id' : /^(patient|subject)(:Patient)?$/.test(name);
}

/** The pinned query, or the reason the search may not run. */
export type PinnedQuery = Result<string>;

/**
 * Pins a search to the patient: a search naming another patient is refused; one naming none gets the
 * patient parameter added (as a full reference, which the engine matches).
 */
export function pinSearchToPatient(resourceType: string, query: string, patientId: string): PinnedQuery {
  const param = COMPARTMENT[resourceType]?.param ?? SEARCH_ONLY_COMPARTMENT[resourceType];
  if (!param && !FILTERED_ONLY.has(resourceType)) return succeed(query);
  const params = new URLSearchParams(query);
  for (const [name, value] of params) {
    if (namesPatient(resourceType, name) && !sameReference(value, patientId)) {
      return fail(`the search names a patient other than the one in context (${name})`);
    }
  }
  if (param && !params.has(param))
    params.append(param, resourceType === 'Patient' ? patientId : `Patient/${patientId}`);
  return succeed(params.toString());
}
