import type { EngineResponse } from '../engine/types';

// Refusals in FHIR's own error shape, so the app shows the server's reason (DESIGN.md: errors at the FHIR
// boundary carry the OperationOutcome).

export type IssueCode = 'login' | 'expired' | 'forbidden' | 'not-supported';

export function operationOutcome(code: IssueCode, diagnostics: string): fhir4.OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

const FHIR_JSON = { 'content-type': 'application/fhir+json; charset=utf-8' };

export function forbidden(diagnostics: string): EngineResponse {
  return { status: 403, headers: FHIR_JSON, body: operationOutcome('forbidden', diagnostics) };
}

/** 401 with the RFC 6750 challenge; `error` is left out when no token was sent at all. */
export function unauthorized(realm: string, reason: string, tokenSent: boolean): EngineResponse {
  const challenge = tokenSent
    ? `Bearer realm="${realm}", error="invalid_token", error_description="${reason}"`
    : `Bearer realm="${realm}"`;
  const code: IssueCode = reason.includes('expired') ? 'expired' : 'login';
  return {
    status: 401,
    headers: { ...FHIR_JSON, 'www-authenticate': challenge },
    body: operationOutcome(code, reason),
  };
}
