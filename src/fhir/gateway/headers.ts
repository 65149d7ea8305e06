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
