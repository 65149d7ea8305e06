import FHIR from 'fhirclient';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FhirError,
  fetchTransport,
  fhirclientTransport,
  fhirErrorFrom,
  type FhirTransport,
  TransportError,
} from '../../src/fhir/gateway';

const BASE = 'https://ehr.test/fhir';
const outcome = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'forbidden', details: { text: 'Flag is not in the granted scopes' } }],
};
const seen: {
  method: string;
  url: string;
  accept: string | null;
  contentType: string | null;
  auth: string | null;
  body: string;
}[] = [];

const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    seen.push({
      method: request.method,
      url: request.url,
      accept: request.headers.get('accept'),
      contentType: request.headers.get('content-type'),
      auth: request.headers.get('authorization'),
      body: await request.text(),
    });
    const path = new URL(request.url).pathname.replace('/fhir/', '');
    if (path === 'Patient/p1')
      return HttpResponse.json(
        { resourceType: 'Patient', id: 'p1' },
        { headers: { 'content-type': 'application/fhir+json', etag: 'W/"3"' } },
      );
    if (path === 'Flag')
      return HttpResponse.json(outcome, { status: 403, headers: { 'content-type': 'application/fhir+json' } });
    if (path === 'Expired') return HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 401 });
    if (path === 'Text')
      return new HttpResponse('upstream down', { status: 502, headers: { 'content-type': 'text/plain' } });
    if (path === 'Down') return HttpResponse.error();
    if (request.method === 'POST')
      return HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response' }, { status: 200 });
    return HttpResponse.json(outcome, { status: 404 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const viaFhirclient = (): FhirTransport =>
  fhirclientTransport(
    FHIR.client({
      serverUrl: BASE,
      tokenResponse: { access_token: 'tok-1', token_type: 'bearer', scope: 'patient/*.rs' },
    }),
  );
const viaFetch = (): FhirTransport => fetchTransport({ baseUrl: BASE, token: 'tok-1' });

describe.each([
  ['fhirclient', viaFhirclient],
  ['fetch', viaFetch],
])('%s transport', (_name, make) => {
  it('answers 2xx with the parsed body, lower-case headers, and sends FHIR JSON headers and the token', async () => {
    const response = await make().send({ method: 'GET', url: 'Patient/p1' });
    expect(response).toMatchObject({ status: 200, body: { resourceType: 'Patient', id: 'p1' } });
    expect(response.headers['etag']).toBe('W/"3"');
    expect(seen[0]).toMatchObject({ accept: 'application/fhir+json', auth: 'Bearer tok-1' });
  });

  it('posts a JSON body with Content-Type application/fhir+json', async () => {
    const response = await make().send({ method: 'POST', url: '', body: { resourceType: 'Bundle', type: 'batch' } });
    expect(response.status).toBe(200);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      contentType: 'application/fhir+json',
      body: '{"resourceType":"Bundle","type":"batch"}',
    });
  });

  it('turns a refusal into an answer that keeps the OperationOutcome', async () => {
    const response = await make().send({ method: 'GET', url: 'Flag?subject=Patient/p1' });
    expect(response).toMatchObject({ status: 403, body: outcome });
    const error = fhirErrorFrom(response);
    expect(error).toBeInstanceOf(FhirError);
    expect(error.messages).toEqual(['Flag is not in the granted scopes']);
  });

  it('keeps a text body of a gateway error', async () => {
    const response = await make().send({ method: 'GET', url: 'Text' });
    expect(response).toMatchObject({ status: 502, body: 'upstream down' });
    expect(fhirErrorFrom(response).messages).toEqual(['the server had an error']);
  });

  it('rejects with TransportError("network") when no answer comes', async () => {
    await expect(make().send({ method: 'GET', url: 'Down' })).rejects.toMatchObject({
      name: 'TransportError',
      kind: 'network',
    });
  });
});

describe('fhirclient transport and expired sessions', () => {
  it('turns a 401 that fhirclient could not refresh into TransportError("session-expired")', async () => {
    const error: unknown = await viaFhirclient()
      .send({ method: 'GET', url: 'Expired' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).kind).toBe('session-expired');
  });

  it('a plain fetch transport leaves the 401 to the caller', async () => {
    expect((await viaFetch().send({ method: 'GET', url: 'Expired' })).status).toBe(401);
  });
});

describe('fhirclient transport and the token', () => {
  const TOKEN_URI = 'https://ehr.test/auth/token';
  const expiring = () =>
    fhirclientTransport(
      FHIR.client({
        serverUrl: BASE,
        clientId: 'app',
        tokenUri: TOKEN_URI,
        expiresAt: Math.floor(Date.now() / 1000) - 60,
        tokenResponse: {
          access_token: 'tok-old',
          refresh_token: 'r-1',
          token_type: 'bearer',
          scope: 'online_access patient/*.rs',
        },
      }),
    );

  it('refreshes a token about to expire before the request, and sends the new one', async () => {
    server.use(
      http.post(TOKEN_URI, () =>
        HttpResponse.json({ access_token: 'tok-new', token_type: 'bearer', expires_in: 3600, scope: 'patient/*.rs' }),
      ),
    );
    expect((await expiring().send({ method: 'GET', url: 'Patient/p1' })).status).toBe(200);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer tok-new']);
  });

  it('a refused refresh ends the session without sending the request', async () => {
    server.use(http.post(TOKEN_URI, () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })));
    await expect(expiring().send({ method: 'GET', url: 'Patient/p1' })).rejects.toMatchObject({
      kind: 'session-expired',
    });
    expect(seen).toEqual([]);
  });

  it('hands a Bundle over as the server sent it', async () => {
    const page = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'Patient', id: 'p1', link: [{ other: { reference: 'Patient/p2' } }] } }],
    };
    server.use(http.get(`${BASE}/Patient`, () => HttpResponse.json(page)));
    expect((await viaFhirclient().send({ method: 'GET', url: 'Patient?_id=p1' })).body).toEqual(page);
  });
});
