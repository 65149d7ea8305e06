import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import { headerRecord, parseBody, requestHeaders, serialiseBody } from './wire';
import { type FhirResponse, type FhirTransport, TransportError } from './types';

// fhirclient, wrapped once. It adds the token, refreshes it before it expires and once more on a 401
// (useRefreshToken), and throws HttpError for any non-2xx answer. This turns those back into plain
// answers, so that callers see one shape whatever the transport.

interface HttpErrorLike {
  readonly status: number;
  readonly message: string;
  readonly response?: Response;
}

function isHttpError(error: unknown): error is HttpErrorLike {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/**
 * fhirclient reads an error's body itself and appends it to the message after a blank line (JSON
 * pretty-printed, or the text), leaving the Response body used. That is the only copy of the server's
 * OperationOutcome, so it is recovered from there.
 */
function bodyFromMessage(message: string): unknown {
  const at = message.indexOf('\n\n');
  return at < 0 ? undefined : parseBody(message.slice(at + 2));
}

function fromFailure(error: unknown): FhirResponse {
  if (isHttpError(error)) {
    // fhirclient has already tried to refresh and cleared its state: only a new launch helps.
    if (error.status === 401)
      throw new TransportError('the session has expired; launch the app again', 'session-expired');
    return {
      status: error.status,
      body: bodyFromMessage(error.message),
      headers: error.response ? headerRecord(error.response.headers) : {},
    };
  }
  const aborted = error instanceof Error && error.name === 'AbortError';
  const detail = error instanceof Error ? error.message : String(error);
  throw new TransportError(`no answer from the FHIR server: ${detail}`, aborted ? 'timeout' : 'network');
}

export function fhirclientTransport(client: Client): FhirTransport {
  return {
    baseUrl: client.state.serverUrl,
    async send(request): Promise<FhirResponse> {
      const options: fhirclient.RequestOptions = {
        url: request.url,
        method: request.method,
        headers: requestHeaders(request),
        body: serialiseBody(request.body),
        includeResponse: true,
      };
      try {
        const result = await client.request<fhirclient.CombinedFetchResult<unknown>>(options, {
          useRefreshToken: true,
          pageLimit: 1,
        });
        return {
          status: result.response.status,
          body: result.body === '' ? undefined : result.body,
          headers: headerRecord(result.response.headers),
        };
      } catch (error) {
        return fromFailure(error);
      }
    },
  };
}
