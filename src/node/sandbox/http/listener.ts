// The FHIR API over node:http: CORS, body limits and JSON in, the guard (SMART token enforcement, from
// the sandbox) and the engine, JSON out. Mountable on any node:http server under its base path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { outcome as operationOutcome } from '../engine/outcomes';
import { FHIR_JSON } from '../engine/response';
import type { EngineRequest, EngineResponse } from '../engine/types';
import { readJsonBody } from '../../http/body';
import { endWithBody } from '../../http/compress';
import { answerText } from './answer-text';
import { answerPreflight, applyCors } from '../../http/cors';
import type { FhirListenerOptions, FhirRequestListener } from './types';

const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

function outcome(
  status: number,
  code: 'not-found' | 'too-costly' | 'structure' | 'exception',
  text: string,
): EngineResponse {
  return { status, headers: { 'content-type': FHIR_JSON }, body: operationOutcome(code, text) };
}

/** The part of the URL after the base path, or undefined when the URL is outside it. */
export function pathUnderBase(url: string, basePath: string): string | undefined {
  const base = basePath.replace(/\/+$/, '');
  if (url === base) return '';
  if (url.startsWith(`${base}/`)) return url.slice(base.length + 1);
  if (url.startsWith(`${base}?`)) return url.slice(base.length);
  return undefined;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function send(req: IncomingMessage, res: ServerResponse, response: EngineResponse): void {
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.body === undefined) {
    res.writeHead(response.status).end();
    return;
  }
  res.setHeader('content-type', response.headers['content-type'] ?? FHIR_JSON);
  endWithBody(req, res, response.status, answerText(response.body));
}

async function answer(req: IncomingMessage, path: string, options: FhirListenerOptions): Promise<EngineResponse> {
  const body = await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
  if (!body.ok)
    return outcome(body.error.status, body.error.status === 413 ? 'too-costly' : 'structure', body.error.message);
  const request: EngineRequest = { method: req.method ?? 'GET', path, headers: headersOf(req), body: body.value };
  const next = (r: EngineRequest): Promise<EngineResponse> => options.engine.handle(r);
  return options.guard ? options.guard(request, next) : next(request);
}

export function fhirRequestListener(options: FhirListenerOptions): FhirRequestListener {
  const basePath = options.basePath ?? '/fhir';
  return async (req, res) => {
    const path = pathUnderBase(req.url ?? '', basePath);
    const originAllowed = applyCors(req, res, options.allowedOrigins);
    if (req.method === 'OPTIONS') return answerPreflight(res, originAllowed);
    if (path === undefined) return send(req, res, outcome(404, 'not-found', 'Not a FHIR path on this server.'));
    try {
      send(req, res, await answer(req, path, options));
    } catch (err) {
      // A bug, not an expected failure: log the message (never request data) and answer 500.
      console.error('FHIR request failed:', (err as Error).message);
      if (!res.headersSent) send(req, res, outcome(500, 'exception', 'Internal error in the sandbox FHIR server.'));
    }
  };
}
