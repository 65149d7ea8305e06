import { headerRecord, parseBody, requestHeaders, resolveAgainstBase, serialiseBody } from './wire';
import { type FhirRequest, type FhirResponse, type FhirTransport, TransportError } from './types';

// A FhirTransport over plain fetch, for node tools (server checker, publisher) and tests. No token
// refresh: a 401 comes back as an answer for the caller to handle. The app's transport (fhirclient-transport.ts)
// sends through the same `sendOverFetch`, with fhirclient keeping the token.

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

/** One request, with the `Authorization` header when given; every HTTP answer resolves, no answer rejects. */
export async function sendOverFetch(
  doFetch: typeof fetch,
  baseUrl: string,
  request: FhirRequest,
  authorization: string | undefined,
): Promise<FhirResponse> {
  let response: Response;
  try {
    response = await doFetch(resolveAgainstBase(request.url, baseUrl), {
      method: request.method,
      headers: { ...(authorization ? { authorization } : {}), ...requestHeaders(request) },
      body: serialiseBody(request.body),
    });
  } catch (error) {
    throw new TransportError(
      `no answer from the FHIR server: ${error instanceof Error ? error.message : String(error)}`,
      'network',
    );
  }
  return { status: response.status, headers: headerRecord(response.headers), body: await readBody(response) };
}

export function fetchTransport(options: FetchTransportOptions): FhirTransport {
  const doFetch = options.fetch ?? fetch;
  const authorization = options.token ? `Bearer ${options.token}` : undefined;
  return {
    baseUrl: options.baseUrl,
    send: (request) => sendOverFetch(doFetch, options.baseUrl, request, authorization),
  };
}
