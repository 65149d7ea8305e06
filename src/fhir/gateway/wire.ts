// What every transport does to a request and an answer on the wire: headers, bodies, URLs.
import type { FhirRequest } from './types';

export const FHIR_JSON = 'application/fhir+json';

/** Accept on every request, Content-Type when there is a body; the caller's headers win. */
export function requestHeaders(request: FhirRequest): Record<string, string> {
  return {
    accept: FHIR_JSON,
    ...(request.body === undefined ? {} : { 'content-type': FHIR_JSON }),
    ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

export function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

export function serialiseBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** A body as text → its JSON when it parses (servers label FHIR JSON in several ways), else the text itself. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `url` against the FHIR base, which is a folder whether or not it ends in `/` (`Patient/1` → `…/fhir/Patient/1`). */
export function resolveAgainstBase(url: string, baseUrl: string): string {
  return new URL(url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
