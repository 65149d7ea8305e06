// CORS for the app's origin: the app calls the FHIR API from the browser, so the sandbox must answer
// preflights and expose the headers the app reads (ETag, Location).
import type { IncomingMessage, ServerResponse } from 'node:http';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/;
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, If-Match, If-None-Exist, If-None-Match, If-Modified-Since, Prefer, X-Request-Id';
const EXPOSED_HEADERS = 'ETag, Location, Last-Modified, Content-Location';

export function isOriginAllowed(origin: string, allowed: readonly string[] | '*' | undefined): boolean {
  if (allowed === '*') return true;
  return allowed ? allowed.includes(origin) : LOOPBACK_ORIGIN.test(origin);
}

/** Adds CORS headers for an allowed origin; returns whether the origin is allowed (or absent: same-origin). */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | '*' | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (!isOriginAllowed(origin, allowed)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  return true;
}

export function answerPreflight(res: ServerResponse, originAllowed: boolean): void {
  if (!originAllowed) {
    res.writeHead(403).end();
    return;
  }
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
}
