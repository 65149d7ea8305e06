// Modelled on Epic's published R4 interface list for third-party apps (open.epic.com "Interfaces" / fhir.epic.com
// "Specifications", read 2026): Observation.Create exists only for vital signs (also lines/drains/airways and
// DICOM, not served here); survey/assessment Observations are Read/Search only; QuestionnaireResponse.Create is
// limited to Epic's own patient-entered questionnaires (so an app's responses are refused); Flag (Patient FYI) is
// Search/Read only; Provenance is Read only; DocumentReference.Create (Clinical Notes) is offered. No transaction
// or batch endpoint and no conditional create are documented for apps.
// Sources: https://open.epic.com/Interface/FHIR, https://fhir.epic.com/Specifications,
// https://build.fhir.org/ig/HL7/US-Core/writing-clinical-notes.html (the clinical-note write these follow).
// Not verified on a live instance: the exact status and OperationOutcome text of a refusal (403 with a
// `forbidden` issue is what Epic documents for actions an app is not allowed), and DocumentReference search by
// `identifier` (taken here so that a retried note can be found).
import {
  CLINICAL_NOTES,
  PATIENT_RULE,
  PRACTITIONER_RULE,
  READ_SEARCH,
  SINGLE_REQUESTS_ONLY,
  TYPE_NOT_SERVED,
} from './shared';
import type { VendorProfile } from './types';

export const epicLikeProfile: VendorProfile = {
  name: 'epic-like',
  description:
    'Like Epic: app writes limited to vital-sign Observations and clinical notes (DocumentReference); no transactions, batch or conditional create.',
  sources: ['https://open.epic.com/Interface/FHIR', 'https://fhir.epic.com/Specifications'],
  ...SINGLE_REQUESTS_ONLY,
  resources: {
    Patient: PATIENT_RULE,
    Practitioner: PRACTITIONER_RULE,
    PractitionerRole: { interactions: READ_SEARCH },
    Organization: { interactions: READ_SEARCH },
    Encounter: { interactions: READ_SEARCH, searchParams: ['_id', 'patient', 'subject', 'date', 'class'] },
    Condition: {
      interactions: READ_SEARCH,
      searchParams: ['_id', 'patient', 'subject', 'category', 'clinical-status'],
    },
    Questionnaire: { interactions: READ_SEARCH, searchParams: ['_id', 'url', 'version', 'name'] },
    QuestionnaireResponse: {
      interactions: READ_SEARCH,
      searchParams: ['_id', 'patient', 'subject', 'questionnaire', 'identifier', 'authored', 'status'],
    },
    Observation: {
      interactions: ['read', 'search-type', 'create'],
      createCategories: ['vital-signs'],
      searchParams: ['_id', 'patient', 'subject', 'category', 'code', 'date', 'identifier'],
    },
    Flag: { interactions: READ_SEARCH, searchParams: ['_id', 'patient', 'subject', 'category'] },
    Provenance: { interactions: ['read'] },
    DocumentReference: CLINICAL_NOTES,
  },
  refusedInteraction: {
    status: 403,
    code: 'forbidden',
    text: 'The client is not authorized to perform this action on this resource.',
  },
  unknownType: TYPE_NOT_SERVED,
  unsupportedSearch: {
    status: 400,
    code: 'not-supported',
    text: 'A search parameter in the request is not supported for this resource.',
  },
};
