// CDS Hooks `patient-view` service: the app's alerts as cards in EHRs that show CDS cards.
export { cardsFor, assessForCards, type CardsInput, type CardsAssessment } from './cards';
export type { Card, CardLink, CardSource, CdsResponse, Coding, Indicator } from './card-types';
export {
  discoveryResponse,
  prefetchQuery,
  PREFETCH_TEMPLATES,
  SERVICE_ID,
  HOOK,
  type DiscoveryResponse,
  type PrefetchKey,
} from './discovery';
export { parseHookRequest, type HookRequest } from './request';
export { gatherClientData, type ClientData } from './client-data';
export type { TrustedEhrs } from './auth';
export { cdsHooksListener, type CdsHooksListener, type CdsHooksListenerOptions } from './listener';
export { startCdsHooksServer, type CdsHooksServer, type CdsHooksServerOptions } from './server';
