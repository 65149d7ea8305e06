import type { EngineRequest, EngineResponse } from '../engine/types';
import type { FhirGuard } from '../http/types';
import { decide, withQuery, type AllowedAccess } from './access-decision';
import { filterAnswer } from './answer-filter';
import { guardBundle } from './guard-bundle';
import { classify } from './fhir-access';
import { forbidden, unauthorized } from './outcome';
import type { CurrentReader } from './resolve-membership';
import { verifyBearer, type TokenVerifier } from './token-access';

// SMART token enforcement in front of the FHIR engine: 401 without a valid token, 403 (with the missing
// scope named) when no granted scope permits the interaction or the patient compartment would be left.

function readerFor(
  next: (r: EngineRequest) => Promise<EngineResponse>,
  headers: EngineRequest['headers'],
): CurrentReader {
  return (path) => next({ method: 'GET', path, ...(headers ? { headers } : {}) });
}

function headerValue(headers: EngineRequest['headers'], name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** The headers with If-None-Exist replaced by the decided (pinned) condition. */
function withIfNoneExist(headers: EngineRequest['headers'], ifNoneExist: string | undefined): EngineRequest['headers'] {
  if (ifNoneExist === undefined) return headers;
  const rest = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([key]) => key.toLowerCase() !== 'if-none-exist'),
  );
  return { ...rest, 'if-none-exist': ifNoneExist };
}

/** Runs an allowed request and filters its answer to the patient when the decision asks for it. */
async function runDecided(
  request: EngineRequest,
  decision: AllowedAccess,
  next: (r: EngineRequest) => Promise<EngineResponse>,
  read: CurrentReader,
): Promise<EngineResponse> {
  const headers = withIfNoneExist(request.headers, decision.ifNoneExist);
  const response = await next({
    ...request,
    path: withQuery(request.path, decision.query),
    ...(headers ? { headers } : {}),
  });
  if (!decision.patient || response.status !== 200) return response;
  const filtered = await filterAnswer(response.body, decision.patient, read);
  return filtered.ok ? { ...response, body: filtered.value } : forbidden(filtered.error);
}

export function createSmartGuard(verifier: TokenVerifier): FhirGuard {
  return async (request, next) => {
    const classified = classify(request.method, request.path);
    if (classified.kind === 'public') return next(request);
    const bearer = await verifyBearer(request.headers, verifier);
    if (!bearer.ok) return unauthorized(verifier.fhirBaseUrl, bearer.error.reason, bearer.error.tokenSent);
    const read = readerFor(next, request.headers);
    switch (classified.kind) {
      case 'unknown':
        return forbidden(`Forbidden: ${classified.reason}.`);
      case 'bundle':
        return guardBundle(request, bearer.value, read, next);
      case 'access': {
        const ifNoneExist = headerValue(request.headers, 'if-none-exist');
        const input = {
          body: request.body,
          token: bearer.value,
          read,
          ...(ifNoneExist === undefined ? {} : { ifNoneExist: ifNoneExist.replace(/^\?/, '') }),
        };
        const decision = await decide(classified.access, input);
        return decision.ok ? runDecided(request, decision.value, next, read) : forbidden(decision.error);
      }
    }
  };
}
