import type Client from 'fhirclient/lib/Client';
import { sendOverFetch } from './fetch-transport';
import { type FhirTransport, TransportError } from './types';

// The app's transport: fhirclient keeps the session (it refreshes the token before it expires and gives the
// Authorization header); the request itself goes out over plain fetch. fhirclient's own request() walks
// every entry of every Bundle it receives to resolve references this app never asks for (an await per
// entry: thousands for a long history, before the answer is handed over), and keeps an error's body only
// inside its message.

const expired = () => new TransportError('the session has expired; launch the app again', 'session-expired');

/** A fresh token, or why there is none: a refresh the server refused needs a new launch; no answer is a network loss. */
async function refreshed(client: Client): Promise<void> {
  try {
    await client.refreshIfNeeded();
  } catch (error) {
    if (error instanceof TypeError)
      throw new TransportError(`no answer from the authorization server: ${error.message}`, 'network');
    throw expired();
  }
}

export function fhirclientTransport(
  client: Client,
  doFetch: typeof fetch = (...args) => fetch(...args),
): FhirTransport {
  const baseUrl = client.state.serverUrl;
  return {
    baseUrl,
    async send(request) {
      await refreshed(client);
      const response = await sendOverFetch(doFetch, baseUrl, request, client.getAuthorizationHeader() ?? undefined);
      // The token was fresh a moment ago: a server that refuses it now has ended the session.
      if (response.status === 401) throw expired();
      return response;
    },
  };
}
