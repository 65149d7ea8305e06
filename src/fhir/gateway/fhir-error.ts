import type { OperationOutcome } from '../schemas/operation-outcome';
import { issueLines, parseOutcome } from '../schemas/operation-outcome';
import type { FhirResponse } from './types';

/**
 * A refusal from the server, with its OperationOutcome when it sent one. A value callers pass around and
 * show (`messages` are the outcome's issues in plain words), and throwable where a caller must abort.
 */
export class FhirError extends Error {
  override readonly name = 'FhirError';
  constructor(
    readonly status: number,
    /** One line per OperationOutcome issue; at least one line. */
    readonly messages: readonly string[],
    readonly outcome?: OperationOutcome,
  ) {
    super(`HTTP ${status}: ${messages.join('; ')}`);
  }
}

const statusWords: Readonly<Record<number, string>> = {
  400: 'the server refused the request as invalid',
  401: 'the session is not authorised (launch again)',
  403: 'access denied: the granted scopes or the user’s rights do not allow this',
  404: 'not found',
  405: 'the server does not allow this operation',
  409: 'conflict with the current state on the server',
  412: 'a precondition failed on the server',
  422: 'the server could not process the resource',
  429: 'too many requests: the server asks to slow down',
};

function fallbackMessage(status: number): string {
  return statusWords[status] ?? (status >= 500 ? 'the server had an error' : `unexpected answer ${status}`);
}

/** The error a non-2xx answer stands for. */
export function fhirErrorFrom(response: Pick<FhirResponse, 'status' | 'body'>): FhirError {
  const outcome = parseOutcome(response.body);
  const messages = outcome ? issueLines(outcome) : [];
  return new FhirError(response.status, messages.length > 0 ? messages : [fallbackMessage(response.status)], outcome);
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
