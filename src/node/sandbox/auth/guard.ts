import type { EngineRequest, EngineResponse } from '../engine/types';
import type { FhirGuard } from '../http/types';
import { decide, filterAnswer, withQuery, type CurrentReader, type Decision } from './access-decision';
import { guardBundle } from './guard-bundle';
import { classify } from './fhir-access';
import { forbidden, unauthorized } from './outcome';
import { verifyBearer, type TokenVerifier } from './token-access';

// SMART token enforcement in front of the FHIR engine: 401 without a valid token, 403 (with the missing
// scope named) when no granted scope permits the interaction or the patient compartment would be left.

function readerFor(next: (r: EngineRequest) => Promise<EngineResponse>, headers: EngineRequest['headers']): CurrentReader {
  return (resourceType, id) => next({ method: 'GET', path: `${resourceType}/${id}`, ...(headers ? { headers } : {}) });
}

/** Runs an allowed request and filters its answer to the patient when the decision asks for it. */
async function runDecided(request: EngineRequest, decision: Decision & { ok: true }, next: (r: EngineRequest) => Promise<EngineResponse>): Promise<EngineResponse> {
  const response = await next({ ...request, path: withQuery(request.path, decision.query) });
  if (!decision.patient || response.status !== 200) return response;
  const filtered = filterAnswer(response.body, decision.patient);
  return filtered.ok ? { ...response, body: filtered.body } : forbidden(filtered.message);
}

export function createSmartGuard(verifier: TokenVerifier): FhirGuard {
  return async (request, next) => {
    const classified = classify(request.method, request.path);
    if (classified.kind === 'public') return next(request);
    const bearer = await verifyBearer(request.headers, verifier);
    if (!bearer.ok) return unauthorized(verifier.fhirBaseUrl, bearer.reason, bearer.tokenSent);
    const reader = readerFor(next, request.headers);
    switch (classified.kind) {
      case 'unknown':
        return forbidden(`Forbidden: ${classified.reason}.`);
      case 'bundle':
        return guardBundle(request, bearer.access, reader, next);
      case 'access': {
        const decision = await decide(classified.access, request.body, bearer.access, reader);
        return decision.ok ? runDecided(request, decision, next) : forbidden(decision.message);
      }
    }
  };
}
