import { headerRecord, parseBody, requestHeaders, resolveAgainstBase, serialiseBody } from './wire';
import { type FhirResponse, type FhirTransport, TransportError } from './types';

// A FhirTransport over plain fetch, for node tools (server checker, publisher) and tests. No token
// refresh: a 401 comes back as an answer for the caller to handle.

export interface FetchTransportOptions {
  readonly baseUrl: string;
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

/** JSON or text; undefined when empty. */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === '' ? undefined : parseBody(text);
}

export function fetchTransport(options: FetchTransportOptions): FhirTransport {
  const doFetch = options.fetch ?? fetch;
  return {
    baseUrl: options.baseUrl,
    async send(request): Promise<FhirResponse> {
      const headers = {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...requestHeaders(request),
      };
      let response: Response;
      try {
        response = await doFetch(resolveAgainstBase(request.url, options.baseUrl), {
          method: request.method,
          headers,
          body: serialiseBody(request.body),
        });
      } catch (error) {
        throw new TransportError(
          `no answer from the FHIR server: ${error instanceof Error ? error.message : String(error)}`,
          'network',
        );
      }
      return { status: response.status, headers: headerRecord(response.headers), body: await readBody(response) };
    },
  };
}
