// Today's sandbox: every supported type, every interaction, transactions, batch and conditional create.
import type { VendorProfile } from './types';

export const openProfile: VendorProfile = {
  name: 'open',
  description: 'An open FHIR R4 server: every interaction, transactions, batch and conditional create.',
  sources: ['https://hl7.org/fhir/R4/http.html'],
  transactions: true,
  batch: true,
  conditionalCreate: true,
  refusedInteraction: { status: 405, code: 'not-supported', text: 'Interaction not supported by this server.' },
  unknownType: { status: 404, code: 'not-supported', text: 'Resource type not supported by this server.' },
  unsupportedSearch: { status: 400, code: 'not-supported', text: 'Search parameter not supported by this server.' },
};
