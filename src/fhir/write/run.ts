// The state of one save while it runs: each entry's outcome so far and what the next attempt must do.
import type { FhirRequest, FhirTransport } from '../gateway/types';
import { sendOnce, type RetryOptions, type Sent } from './retry';
import type { EntryOutcome, WriteEntry, WritePlan } from './types';

export interface SaveRun {
  readonly transport: FhirTransport;
  readonly plan: WritePlan;
  readonly retry: RetryOptions;
  readonly byUrl: ReadonlyMap<string, WriteEntry>;
  readonly outcomes: Map<string, EntryOutcome>;
  roundTrips: number;
  /**
   * Creates that may already be on the server (an earlier attempt, tab or session) and must be searched
   * for before they are sent again, when the server has no conditional create.
   */
  readonly maybeStored: Set<string>;
  /** A 401 has been answered once already (the transport refreshed, or could not). */
  reauthorized: boolean;
}

export async function send(run: SaveRun, request: FhirRequest): Promise<Sent> {
  run.roundTrips++;
  return sendOnce(run.transport, request, run.retry);
}

export const isPending = (run: SaveRun, entry: WriteEntry): boolean =>
  run.outcomes.get(entry.fullUrl)?.status === 'pending';
