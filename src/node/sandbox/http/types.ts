// The contract of the HTTP adapter around the FHIR engine. The SMART sandbox plugs token enforcement in
// through a FhirGuard and may mount the request listener on its own server under `/fhir`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineRequest, EngineResponse, FhirEngine } from '../engine/types';

/**
 * Runs before the engine for every FHIR request (not for CORS preflight). Answer with a 401/403
 * OperationOutcome to refuse, or call `next` (optionally with a changed request) to let it through and
 * inspect or filter the engine's answer.
 */
export type FhirGuard = (
  request: EngineRequest,
  next: (request: EngineRequest) => Promise<EngineResponse>,
) => Promise<EngineResponse>;

export interface FhirListenerOptions {
  readonly engine: FhirEngine;
  readonly guard?: FhirGuard;
  /** Path prefix of the FHIR base on this server (default `/fhir`); requests outside it get 404. */
  readonly basePath?: string;
  /** Origins allowed by CORS (exact match); `'*'` allows any. By default every `http://127.0.0.1:*`/`localhost:*` origin. */
  readonly allowedOrigins?: readonly string[] | '*';
  /** Largest accepted request body in bytes (default 5 MB); larger gets 413. */
  readonly maxBodyBytes?: number;
}

/** A node:http listener; D mounts it on the sandbox server for paths under basePath. */
export type FhirRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface FhirHttpServerOptions extends FhirListenerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Only loopback is accepted: `127.0.0.1` (default). */
  readonly host?: '127.0.0.1';
}

export interface FhirHttpServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** `http://127.0.0.1:PORT/fhir` — also set as the engine's baseUrl. */
  readonly baseUrl: string;
  readonly port: number;
  close(): Promise<void>;
}
