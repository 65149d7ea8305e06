// A vendor write profile: which interactions an EHR's published R4 API list offers a third-party app, what
// the server answers when asked for anything else, and which searches it takes. Profiles are data (one file
// each); the engine refuses by them and the CapabilityStatement is built from them.
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { SupportedResourceType } from '../supported';

export const VENDOR_NAMES = ['open', 'epic-like', 'oracle-like'] as const;
export type VendorName = (typeof VENDOR_NAMES)[number];

/** The CapabilityStatement's type-level interaction codes the engine serves. */
export type RestInteraction =
  'read' | 'vread' | 'update' | 'patch' | 'delete' | 'history-instance' | 'create' | 'search-type';

export interface ResourceRule {
  readonly interactions: readonly RestInteraction[];
  /** Creates are taken only when the resource's `category` carries one of these codes (Observation: vitals). */
  readonly createCategories?: readonly string[];
  /** The search parameters taken (paging and sort are always taken); absent = every parameter the engine knows. */
  readonly searchParams?: readonly string[];
}

/** How the server answers a request outside its list. */
export interface Refusal {
  readonly status: number;
  readonly code: OperationOutcomeIssue['code'];
  readonly text: string;
}

export interface VendorProfile {
  readonly name: VendorName;
  /** One line for the EHR page and the server's CapabilityStatement. */
  readonly description: string;
  /** Where the list was read (public vendor documentation). */
  readonly sources: readonly string[];
  readonly transactions: boolean;
  readonly batch: boolean;
  readonly conditionalCreate: boolean;
  /** Per resource type; a type left out is not served at all. Absent = every type, every interaction (open). */
  readonly resources?: Readonly<Partial<Record<SupportedResourceType, ResourceRule>>>;
  /** An interaction the type does not offer, or a create outside `createCategories`. */
  readonly refusedInteraction: Refusal;
  /** A type the profile does not serve. */
  readonly unknownType: Refusal;
  /** A search parameter the type does not take. */
  readonly unsupportedSearch: Refusal;
}
