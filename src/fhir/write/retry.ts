// Sending one request and deciding what its answer means for a save: written or refused (an answer), worth
// another try after a pause (server busy, network gone), or the session is over. Clock, sleep and random
// source are injected so that tests run fast and the same every time.
import type { FhirRequest, FhirResponse, FhirTransport } from '../gateway/types';
import { TransportError } from '../gateway/types';

export interface RetryOptions {
  /** Requests per step before giving up and leaving the rest pending (default 5). */
  readonly maxAttempts?: number;
  /** First backoff ceiling, ms (default 500); doubles per attempt up to maxDelayMs (default 8000). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this gives up instead of waiting (default 60 000). */
  readonly maxRetryAfterMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1). */
  readonly random?: () => number;
  /** Epoch ms, for Retry-After given as an HTTP date. */
  readonly now?: () => number;
  /** An answer slower than this counts as lost (default 30 000); the request may still land, so creates are looked up. */
  readonly requestTimeoutMs?: number;
  /**
   * How long after its timeout a request may still land on the server (default: requestTimeoutMs). A retry
   * after a timeout waits this long first, so that its look-up sees a late create instead of racing it.
   */
  readonly landingWindowMs?: number;
  /** Calls `expire` after `ms` unless the returned cancel runs first (default: setTimeout). */
  readonly startTimer?: (ms: number, expire: () => void) => () => void;
}

export type Sent =
  | { readonly kind: 'answer'; readonly response: FhirResponse }
  /** No usable answer; the request may or may not have taken effect (`mayLandLate`: and may still, later). */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number; readonly mayLandLate?: true }
  | { readonly kind: 'unauthorized' };

/** A send that produced no usable answer. */
export type Failed = Exclude<Sent, { readonly kind: 'answer' }>;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const realTimer = (ms: number, expire: () => void): (() => void) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

/** The transport's answer, or a timeout TransportError when none comes in time. */
async function sendWithin(
  transport: FhirTransport,
  request: FhirRequest,
  options: RetryOptions,
): Promise<FhirResponse> {
  const ms = options.requestTimeoutMs ?? 30_000;
  let cancel = (): void => undefined;
  const late = new Promise<never>((_, reject) => {
    cancel = (options.startTimer ?? realTimer)(ms, () =>
      reject(new TransportError(`no answer within ${ms} ms`, 'timeout')),
    );
  });
  try {
    return await Promise.race([transport.send(request), late]);
  } finally {
    cancel();
  }
}

/** Sends once; classifies the outcome. Never throws for HTTP or network trouble. */
export async function sendOnce(transport: FhirTransport, request: FhirRequest, options: RetryOptions): Promise<Sent> {
  let response: FhirResponse;
  try {
    response = await sendWithin(transport, request, options);
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    if (error.kind === 'session-expired') return { kind: 'unauthorized' };
    if (error.kind === 'timeout')
      return { kind: 'retry', reason: 'the server did not answer in time', mayLandLate: true };
    return { kind: 'retry', reason: 'the network connection was lost' };
  }
  if (response.status === 401) return { kind: 'unauthorized' };
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers['retry-after'], (options.now ?? Date.now)());
    return {
      kind: 'retry',
      reason: 'the server asked to slow down',
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    };
  }
  if (response.status >= 500) return { kind: 'retry', reason: `the server had a problem (${response.status})` };
  return { kind: 'answer', response };
}

/**
 * Full-jitter exponential backoff, or the server's Retry-After; undefined = give up (too long). After a
 * timeout, never less than the landing window: the lost request must have landed, or never will, before
 * the retry looks for what it created.
 */
export function backoffMs(
  attempt: number,
  sent: { readonly retryAfterMs?: number; readonly mayLandLate?: true },
  options: RetryOptions,
): number | undefined {
  if (sent.mayLandLate) {
    const window = options.landingWindowMs ?? options.requestTimeoutMs ?? 30_000;
    return Math.max(window, backoffMs(attempt, {}, options) ?? 0);
  }
  if (sent.retryAfterMs !== undefined) {
    return sent.retryAfterMs <= (options.maxRetryAfterMs ?? 60_000) ? sent.retryAfterMs : undefined;
  }
  const ceiling = Math.min(options.maxDelayMs ?? 8000, (options.baseDelayMs ?? 500) * 2 ** attempt);
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

export function pause(ms: number, options: RetryOptions): Promise<void> {
  return (options.sleep ?? realSleep)(ms);
}
