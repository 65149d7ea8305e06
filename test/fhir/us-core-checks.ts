// The US Core (6/7) requirements Medplum's R4 validator cannot see, written out as checks: the mandatory
// elements and invariants of the profiles our resources claim the shape of. Each returns readable problems.
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const PERFORMER_TYPES = ['Practitioner', 'PractitionerRole', 'Organization', 'CareTeam', 'Patient', 'RelatedPerson'];

const typeOf = (reference: string | undefined): string | undefined => reference?.split('/')[0];

/** US Core Observation Screening Assessment: status, category survey, code, a Patient subject, us-core-2. */
export function screeningAssessmentProblems(o: fhir4.Observation): string[] {
  const problems: string[] = [];
  if (!o.category?.some((c) => c.coding?.some((k) => k.system === OBSERVATION_CATEGORY && k.code === 'survey')))
    problems.push('category: no survey');
  if (!o.code.coding?.length && !o.code.text) problems.push('code: empty');
  if (typeOf(o.subject?.reference) !== 'Patient') problems.push('subject: not a Patient');
  if (!o.effectiveDateTime) problems.push('effective[x]: missing (must support)');
  const grouped = (o.component?.length ?? 0) > 0 || (o.hasMember?.length ?? 0) > 0;
  if (!grouped && o.valueQuantity === undefined && !o.dataAbsentReason)
    problems.push('us-core-2: no value, component, hasMember or dataAbsentReason');
  for (const p of o.performer ?? [])
    if (!PERFORMER_TYPES.includes(typeOf(p.reference) ?? '')) problems.push(`performer: ${p.reference}`);
  if (!o.derivedFrom?.length) problems.push('derivedFrom: missing (must support, the response)');
  return problems;
}

function whoType(provenance: fhir4.Provenance, reference: string | undefined): string | undefined {
  if (!reference?.startsWith('#')) return typeOf(reference);
  return provenance.contained?.find((c) => c.id === reference.slice(1))?.resourceType;
}

/** US Core Provenance: target, recorded, agent.who; provenance-1 (Practitioner or Device → onBehalfOf, an Organization). */
export function provenanceProblems(p: fhir4.Provenance): string[] {
  const problems: string[] = [];
  if (!p.target.length) problems.push('target: empty');
  if (!p.recorded) problems.push('recorded: missing');
  for (const [i, agent] of p.agent.entries()) {
    const who = whoType(p, agent.who.reference);
    if ((who === 'Practitioner' || who === 'Device') && !agent.onBehalfOf)
      problems.push(`agent[${i}]: provenance-1, ${who} without onBehalfOf`);
    const onBehalfOf = agent.onBehalfOf?.reference;
    if (onBehalfOf && typeOf(onBehalfOf) !== 'Organization')
      problems.push(`agent[${i}].onBehalfOf: ${onBehalfOf} is not a US Core Organization`);
  }
  return problems;
}

/** US Core QuestionnaireResponse: questionnaire (canonical), status, subject, authored; every item has a linkId. */
export function questionnaireResponseProblems(qr: fhir4.QuestionnaireResponse): string[] {
  const problems: string[] = [];
  if (!qr.questionnaire) problems.push('questionnaire: missing');
  if (!qr.subject?.reference) problems.push('subject: missing');
  if (!qr.authored) problems.push('authored: missing');
  if ((qr.item ?? []).some((i) => !i.linkId)) problems.push('item.linkId: missing');
  return problems;
}

/** The US Core problems of any resource the app writes (none are checked beyond R4 for Flag and Questionnaire). */
export function usCoreProblems(resource: fhir4.Resource): string[] {
  if (resource.resourceType === 'Observation') return screeningAssessmentProblems(resource as fhir4.Observation);
  if (resource.resourceType === 'Provenance') return provenanceProblems(resource as fhir4.Provenance);
  if (resource.resourceType === 'QuestionnaireResponse')
    return questionnaireResponseProblems(resource as fhir4.QuestionnaireResponse);
  return [];
}
