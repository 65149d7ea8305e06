// Starting and stopping a node:http server, shared by every server of the project (sandbox, open FHIR
// server, CDS Hooks service, production static server) so that each one fails and closes the same way.
import type { Server } from 'node:http';

/** Listens and resolves with the bound port (the free one picked when `port` is 0); rejects on e.g. EADDRINUSE. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Closes at once: keep-alive connections (browsers, fetch) would otherwise hold close() open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((err) => (err ? reject(err) : resolve()));
  });
}

/** `http://host:port`, with an IPv6 host in brackets. */
export function httpOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
