export { startFhirHttpServer } from './server';
export { fhirRequestListener, pathUnderBase } from './listener';
export { isOriginAllowed } from '../../http/cors';
export type {
  FhirGuard,
  FhirHttpServer,
  FhirHttpServerOptions,
  FhirListenerOptions,
  FhirRequestListener,
} from './types';
