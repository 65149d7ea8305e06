// MSW handlers that send every request under a FHIR base URL to the real sandbox engine, so DOM tests
// (fhirclient in happy-dom) exercise real FHIR semantics instead of canned JSON.
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { EngineRequest, EngineResponse, FhirEngine } from '../../src/node/sandbox/engine';
import type { FhirGuard } from '../../src/node/sandbox/http';

async function toEngineRequest(request: Request, baseUrl: string): Promise<EngineRequest> {
  const url = request.url.slice(baseUrl.length).replace(/^\//, '');
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => { headers[name] = value; });
  return { method: request.method, path: url, headers, ...(text ? { body: JSON.parse(text) as unknown } : {}) };
}

function toResponse(response: EngineResponse): HttpResponse<string> {
  const body = response.body === undefined ? null : JSON.stringify(response.body);
  return new HttpResponse(body, { status: response.status, headers: response.headers });
}

/** Handlers for `baseUrl` and everything under it; sets the engine's baseUrl so links point back here. */
export function fhirHandlers(engine: FhirEngine, baseUrl: string, guard?: FhirGuard): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  engine.baseUrl = base;
  const handle = async ({ request }: { request: Request }): Promise<HttpResponse<string>> => {
    const engineRequest = await toEngineRequest(request, base);
    const next = (r: EngineRequest): Promise<EngineResponse> => engine.handle(r);
    return toResponse(await (guard ? guard(engineRequest, next) : next(engineRequest)));
  };
  return [http.all(base, handle), http.all(`${base}/*`, handle)];
}
