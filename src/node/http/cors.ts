// CORS for the app's origin: the app calls the FHIR API from the browser, so the sandbox must answer
// preflights and expose the headers the app reads (ETag, Location). The CDS Hooks service uses the same
// origin check and preflight with its own methods and headers.
import type { IncomingMessage, ServerResponse } from 'node:http';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/;
const FHIR_PREFLIGHT: Preflight = {
  methods: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  headers:
    'Authorization, Content-Type, Accept, If-Match, If-None-Exist, If-None-Match, If-Modified-Since, Prefer, X-Request-Id',
};
const EXPOSED_HEADERS = 'ETag, Location, Last-Modified, Content-Location';

export type AllowedOrigins = readonly string[] | '*' | undefined;

/** What a preflight allows: `Access-Control-Allow-Methods` and `-Headers`. */
export interface Preflight {
  readonly methods: string;
  readonly headers: string;
}

export function isOriginAllowed(origin: string, allowed: AllowedOrigins): boolean {
  if (allowed === '*') return true;
  return allowed ? allowed.includes(origin) : LOOPBACK_ORIGIN.test(origin);
}

/** Allows an allowed origin; returns whether the origin is allowed (or absent: same-origin). */
export function allowOrigin(req: IncomingMessage, res: ServerResponse, allowed: AllowedOrigins): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (!isOriginAllowed(origin, allowed)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  return true;
}

/** allowOrigin for the FHIR API, exposing the headers a FHIR client reads. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: AllowedOrigins): boolean {
  const origin = req.headers.origin;
  if (!allowOrigin(req, res, allowed)) return false;
  if (origin) res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  return true;
}

/** Answers a preflight from an allowed origin (204); `allowing` defaults to the FHIR API's. */
export function answerPreflight(
  res: ServerResponse,
  originAllowed: boolean,
  allowing: Preflight = FHIR_PREFLIGHT,
): void {
  if (!originAllowed) {
    res.writeHead(403).end();
    return;
  }
  res.setHeader('Access-Control-Allow-Methods', allowing.methods);
  res.setHeader('Access-Control-Allow-Headers', allowing.headers);
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
}
