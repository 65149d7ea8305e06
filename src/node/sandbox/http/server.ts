// A stand-alone HTTP server for the FHIR engine, on loopback only (open mode and tests).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fhirRequestListener } from './listener';
import type { FhirHttpServer, FhirHttpServerOptions } from './types';

export async function startFhirHttpServer(options: FhirHttpServerOptions): Promise<FhirHttpServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The sandbox FHIR server listens on 127.0.0.1 only.');
  const listener = fhirRequestListener(options);
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  const baseUrl = `${origin}${(options.basePath ?? '/fhir').replace(/\/+$/, '')}`;
  options.engine.baseUrl = baseUrl;
  return {
    origin, baseUrl, port,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
