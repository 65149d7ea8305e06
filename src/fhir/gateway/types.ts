// The one narrow door to a FHIR server. Everything above it (loading, saving, capability detection) talks
// to a FhirTransport, so the same code runs over fhirclient in the browser and over plain fetch in tools.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FhirRequest {
  readonly method: HttpMethod;
  /** Relative to the FHIR base (`Patient/1`, `Observation?subject=Patient/1`), or absolute for paging links. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Any HTTP answer, success or not: status decides; the body is untrusted until parsed with zod. */
export interface FhirResponse {
  readonly status: number;
  readonly body: unknown;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface FhirTransport {
  /** The server's base URL (the launch's `iss`). */
  readonly baseUrl: string;
  /**
   * Sends one request. Resolves with every HTTP answer (including 4xx/5xx); rejects only when no answer
   * came (network loss, timeout) with a `TransportError`.
   */
  send(request: FhirRequest): Promise<FhirResponse>;
}

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly kind: 'network' | 'timeout' | 'session-expired',
  ) {
    super(message);
  }
}
