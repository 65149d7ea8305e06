// The resource types this sandbox serves. Limited on purpose: the CapabilityStatement lists exactly these,
// and requests for other types are refused as a real server refuses types it does not support.
export const SUPPORTED_RESOURCE_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Encounter',
  'EpisodeOfCare',
  'Questionnaire',
  'QuestionnaireResponse',
  'Observation',
  'Flag',
  'Provenance',
  'DetectedIssue',
  'CodeSystem',
  'ValueSet',
  'Condition',
  'Task',
  'Communication',
  'DocumentReference',
  'Appointment',
  'CareTeam',
] as const;

export type SupportedResourceType = (typeof SUPPORTED_RESOURCE_TYPES)[number];

const supported = new Set<string>(SUPPORTED_RESOURCE_TYPES);

export function isSupportedResourceType(resourceType: string): boolean {
  return supported.has(resourceType);
}
