import type { Interaction } from '../../fhir/capabilities';

// What the app needs of a server, resource by resource: reads to show the chart, writes to keep the record.
// "required" reads stop the app; writes it can live without (it shows results and says what was not saved).

export interface ResourceNeed {
  readonly resourceType: string;
  readonly interaction: Interaction;
  readonly why: string;
  readonly required: boolean;
}

export const RESOURCE_NEEDS: readonly ResourceNeed[] = [
  { resourceType: 'Patient', interaction: 'read', why: 'age band and banner', required: true },
  { resourceType: 'QuestionnaireResponse', interaction: 'search', why: 'past responses', required: true },
  { resourceType: 'Questionnaire', interaction: 'search', why: 'find our instruments', required: false },
  { resourceType: 'Observation', interaction: 'search', why: 'scores written earlier', required: false },
  { resourceType: 'Flag', interaction: 'search', why: 'active alerts', required: false },
  { resourceType: 'QuestionnaireResponse', interaction: 'create', why: 'store a new response', required: false },
  { resourceType: 'Observation', interaction: 'create', why: 'write scores', required: false },
  { resourceType: 'Flag', interaction: 'create', why: 'raise alerts', required: false },
  { resourceType: 'Flag', interaction: 'update', why: 'end cleared alerts', required: false },
  { resourceType: 'Provenance', interaction: 'create', why: 'record who wrote what', required: false },
  { resourceType: 'Questionnaire', interaction: 'create', why: 'publish our instruments', required: false },
  {
    resourceType: 'DocumentReference',
    interaction: 'create',
    why: 'clinical note where the rest is not taken',
    required: false,
  },
  { resourceType: 'DocumentReference', interaction: 'search', why: 'sessions kept in our notes', required: false },
];
