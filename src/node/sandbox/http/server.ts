// A stand-alone HTTP server for the FHIR engine, on loopback only (open mode and tests).
import { createServer } from 'node:http';
import { closeServer, httpOrigin, listen } from '../../http/listen';
import { fhirRequestListener } from './listener';
import type { FhirHttpServer, FhirHttpServerOptions } from './types';

export async function startFhirHttpServer(options: FhirHttpServerOptions): Promise<FhirHttpServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The sandbox FHIR server listens on 127.0.0.1 only.');
  const listener = fhirRequestListener(options);
  const server = createServer((req, res) => void listener(req, res));
  const port = await listen(server, options.port ?? 0, host);
  const origin = httpOrigin(host, port);
  const baseUrl = `${origin}${(options.basePath ?? '/fhir').replace(/\/+$/, '')}`;
  options.engine.baseUrl = baseUrl;
  return {
    origin,
    baseUrl,
    port,
    close: () => closeServer(server),
  };
}
