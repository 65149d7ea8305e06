// Modelled on Oracle Health's Millennium R4 API documentation (docs.oracle.com, "Oracle Health FHIR APIs for
// Millennium", read 2026): QuestionnaireResponse is read/search/update only ("only social history supported"),
// so an app's responses cannot be created; Observation create is documented for vital signs and labs only; there
// is no Flag resource and no Provenance write; DocumentReference create (clinical documents) is offered.
// Millennium documents no transaction/batch endpoint for these resources and no `If-None-Exist` on create.
// Sources: https://docs.oracle.com/en/industries/health/millennium-platform-apis/fmill/index.html,
// https://docs.oracle.com/en/industries/health/millennium-platform-apis/mfdap/op-documentreference-post.html
// Differences kept on purpose: Millennium's DocumentReference create takes XHTML documents only and needs an
// encounter context; this profile takes the app's text/plain note (what US Core's clinical-notes guidance
// asks for) so the sandbox shows the app's plan rather than a formatting refusal. The refusal status
// (405 with `not-supported`) follows HTTP semantics and is not verified on a live instance.
import {
  CLINICAL_NOTES,
  PATIENT_RULE,
  PRACTITIONER_RULE,
  READ_SEARCH,
  SINGLE_REQUESTS_ONLY,
  TYPE_NOT_SERVED,
} from './shared';
import type { VendorProfile } from './types';

export const oracleLikeProfile: VendorProfile = {
  name: 'oracle-like',
  description:
    'Like Oracle Health Millennium: no Flag resource, no QuestionnaireResponse or survey Observation create, clinical notes (DocumentReference) accepted.',
  sources: [
    'https://docs.oracle.com/en/industries/health/millennium-platform-apis/fmill/index.html',
    'https://docs.oracle.com/en/industries/health/millennium-platform-apis/mfdap/op-documentreference-post.html',
  ],
  ...SINGLE_REQUESTS_ONLY,
  resources: {
    Patient: PATIENT_RULE,
    Practitioner: PRACTITIONER_RULE,
    Organization: { interactions: READ_SEARCH },
    Encounter: { interactions: READ_SEARCH, searchParams: ['_id', 'patient', 'subject', 'date'] },
    Condition: {
      interactions: READ_SEARCH,
      searchParams: ['_id', 'patient', 'subject', 'category', 'clinical-status'],
    },
    Questionnaire: { interactions: READ_SEARCH, searchParams: ['_id', 'url', 'version'] },
    QuestionnaireResponse: {
      interactions: ['read', 'search-type', 'update'],
      searchParams: ['_id', 'patient', 'subject', 'questionnaire', 'identifier', 'authored'],
    },
    Observation: {
      interactions: ['read', 'search-type', 'create'],
      createCategories: ['vital-signs', 'laboratory'],
      searchParams: ['_id', 'patient', 'subject', 'category', 'code', 'date', 'identifier'],
    },
    Provenance: { interactions: READ_SEARCH, searchParams: ['_id', 'patient', 'target'] },
    DocumentReference: CLINICAL_NOTES,
  },
  refusedInteraction: {
    status: 405,
    code: 'not-supported',
    text: 'The requested interaction is not supported for this resource.',
  },
  unknownType: TYPE_NOT_SERVED,
  unsupportedSearch: { status: 400, code: 'not-supported', text: 'The search parameter is not supported.' },
};
