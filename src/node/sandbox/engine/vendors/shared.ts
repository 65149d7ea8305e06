// Rules both vendor profiles document alike: read-and-search types, clinical notes taken by POST, and a
// type the server does not serve answering 404.
import type { Refusal, ResourceRule } from './types';

export const READ_SEARCH = ['read', 'search-type'] as const;

/** DocumentReference: create (clinical notes), read, and the US Core note searches (plus `identifier`). */
export const CLINICAL_NOTES: ResourceRule = {
  interactions: ['read', 'search-type', 'create'],
  searchParams: ['_id', 'patient', 'subject', 'category', 'type', 'date', 'encounter', 'identifier'],
};

export const TYPE_NOT_SERVED: Refusal = {
  status: 404,
  code: 'not-supported',
  text: 'The requested resource type is not supported.',
};

/** Neither vendor documents transaction or batch endpoints, or `If-None-Exist`, for these resources. */
export const SINGLE_REQUESTS_ONLY = { transactions: false, batch: false, conditionalCreate: false } as const;

export const PATIENT_RULE: ResourceRule = {
  interactions: READ_SEARCH,
  searchParams: ['_id', 'identifier', 'name', 'birthdate', 'family', 'given'],
};
export const PRACTITIONER_RULE: ResourceRule = {
  interactions: READ_SEARCH,
  searchParams: ['_id', 'identifier', 'name'],
};
