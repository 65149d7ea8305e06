import { createServer } from 'node:http';
import { closeServer, httpOrigin, listen } from '../http/listen';
import { cdsHooksListener, type CdsHooksListenerOptions } from './listener';

// The service on its own HTTP server. On loopback it may run open (the local sandbox); on any other
// interface it must have EHR trust configured, because without it anyone could read cards.

export interface CdsHooksServerOptions extends CdsHooksListenerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** How long a request may take to arrive whole, headers and body (default 15 s): a slow body is cut off. */
  readonly requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface CdsHooksServer {
  /** Base URL: discovery is at `${url}/cds-services`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startCdsHooksServer(options: CdsHooksServerOptions): Promise<CdsHooksServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && !options.trust)
    throw new Error('Listening beyond 127.0.0.1 needs trusted EHRs (issuers and their JWK Set).');
  const listener = cdsHooksListener(options);
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // Node checks the timeout on this interval (30 s by default), so it is checked often enough to hold.
  const checking = Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4)));
  const server = createServer(
    { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: checking },
    (req, res) => void listener(req, res),
  );
  const port = await listen(server, options.port ?? 0, host);
  return { url: httpOrigin(host, port), port, close: () => closeServer(server) };
}
