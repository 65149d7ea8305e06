// What the service tells an EHR about itself (CDS Hooks discovery) and how its prefetch templates turn
// into FHIR queries. The templates are also what the service runs itself when a key was not prefetched,
// so both paths read exactly the same data.

export const SERVICE_ID = 'therapy-feedback-alerts';
export const HOOK = 'patient-view';

/** Large enough to hold years of weekly sessions in one page (prefetch data may not be paged). */
const RESPONSE_PAGE_SIZE = 1000;

export const PREFETCH_TEMPLATES = {
  patient: 'Patient/{{context.patientId}}',
  responses: `QuestionnaireResponse?subject=Patient/{{context.patientId}}&_count=${RESPONSE_PAGE_SIZE}`,
} as const;

export type PrefetchKey = keyof typeof PREFETCH_TEMPLATES;

export interface CdsServiceDescription {
  readonly hook: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly prefetch: Readonly<Record<PrefetchKey, string>>;
}

export interface DiscoveryResponse {
  readonly services: readonly CdsServiceDescription[];
}

export function discoveryResponse(): DiscoveryResponse {
  return {
    services: [
      {
        hook: HOOK,
        id: SERVICE_ID,
        title: 'Therapy Feedback alerts',
        description:
          "Scores the client's Outcome and Session Rating Scale and WAI-SR responses and shows the alerts the " +
          'Therapy Feedback app raises (not on track, deterioration, alliance concerns) as prompts to talk with the client.',
        prefetch: PREFETCH_TEMPLATES,
      },
    ],
  };
}

/** A template with its tokens filled in: a relative FHIR URL. The id is encoded so it cannot add query parameters. */
export function prefetchQuery(key: PrefetchKey, patientId: string): string {
  return PREFETCH_TEMPLATES[key].replaceAll('{{context.patientId}}', encodeURIComponent(patientId));
}
