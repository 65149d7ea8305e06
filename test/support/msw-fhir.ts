// The one adapter that puts the real sandbox engine behind MSW, so DOM tests (fhirclient in happy-dom)
// exercise real FHIR semantics instead of canned JSON. A guard may stand in front of the engine (the
// sandbox's SMART guard, or a test's own that refuses or rewrites one answer); every request is recorded,
// which is how tests count round trips.
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { EngineRequest, EngineResponse, FhirEngine } from '../../src/node/sandbox/engine';
import type { FhirGuard } from '../../src/node/sandbox/http';

async function toEngineRequest(request: Request, baseUrl: string): Promise<EngineRequest> {
  const url = request.url.slice(baseUrl.length).replace(/^\//, '');
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { method: request.method, path: url, headers, ...(text ? { body: JSON.parse(text) as unknown } : {}) };
}

function toResponse(response: EngineResponse): HttpResponse<string> {
  const body = response.body === undefined ? null : JSON.stringify(response.body);
  // A guard's own answer may come without a content type; fhirclient only parses FHIR JSON it is told about.
  const headers = body === null ? response.headers : { 'content-type': 'application/fhir+json', ...response.headers };
  return new HttpResponse(body, { status: response.status, headers });
}

export interface EngineOverMsw {
  readonly handlers: HttpHandler[];
  /** Every request that reached the handlers, in order. */
  readonly requests: EngineRequest[];
}

/** Handlers for `baseUrl` and everything under it; sets the engine's baseUrl so links point back here. */
export function engineOverMsw(engine: FhirEngine, baseUrl: string, guard?: FhirGuard): EngineOverMsw {
  const base = baseUrl.replace(/\/+$/, '');
  engine.baseUrl = base;
  const requests: EngineRequest[] = [];
  const handle = async ({ request }: { request: Request }): Promise<HttpResponse<string>> => {
    const engineRequest = await toEngineRequest(request, base);
    requests.push(engineRequest);
    const next = (r: EngineRequest): Promise<EngineResponse> => engine.handle(r);
    return toResponse(await (guard ? guard(engineRequest, next) : next(engineRequest)));
  };
  return { handlers: [http.all(base, handle), http.all(`${base}/*`, handle)], requests };
}

/** The handlers alone, for tests that do not count requests. */
export function fhirHandlers(engine: FhirEngine, baseUrl: string, guard?: FhirGuard): HttpHandler[] {
  return engineOverMsw(engine, baseUrl, guard).handlers;
}
