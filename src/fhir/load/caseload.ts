import type { FhirTransport } from '../gateway/types';
import { findMyClients, type MyClient, type MyClients, type MyClientsQuery } from './caseload-clients';
import { loadCaseloadHistory, type CaseloadHistoryResult, type ClientHistory } from './caseload-history';
import type { RoundTripCount } from './round-trip';

// The whole caseload in as few sequential round trips as the server allows: the my-clients searches (1); the
// histories of the clients their first pages named (2, plus 3 when those page), started while the sources'
// further pages (2) load; then the histories of any client only those further pages named.

export interface LoadedCaseloadData {
  readonly clients: readonly MyClient[];
  /** In the order of `clients`. */
  readonly histories: readonly ClientHistory[];
  readonly failures: readonly string[];
  /** Round trips: the longest chain of requests each waiting for the previous; requests: all of them. */
  readonly stats: RoundTripCount;
}

type Counted = { readonly result: CaseloadHistoryResult; readonly count: RoundTripCount };

async function counted(
  transport: FhirTransport,
  ids: readonly string[],
  patients: readonly unknown[],
  now: number | undefined,
): Promise<Counted> {
  const count: RoundTripCount = { roundTrips: 0, requests: 0 };
  return {
    result: await loadCaseloadHistory(transport, ids, patients, count, now === undefined ? {} : { now }),
    count,
  };
}

/** `now`: the time of reading (ms since the epoch), so that responses dated in the future are listed, not scored. */
export async function loadCaseloadData(
  transport: FhirTransport,
  query: MyClientsQuery,
  now?: number,
): Promise<LoadedCaseloadData> {
  const sources: RoundTripCount = { roundTrips: 0, requests: 0 };
  let early: { ids: Set<string>; loading: Promise<Counted> } | undefined;
  const startEarly = (first: MyClients): void => {
    const ids = first.clients.map((c) => c.patientId);
    const loading = counted(transport, ids, first.patients, now);
    // Awaited below; this only keeps a failure from being reported as unhandled while the sources still page.
    loading.catch(() => undefined);
    early = { ids: new Set(ids), loading };
  };
  const mine = await findMyClients(transport, query, sources, true, startEarly);
  const earlyIds = early?.ids ?? new Set<string>();
  const lateIds = mine.clients.map((c) => c.patientId).filter((id) => !earlyIds.has(id));
  const [first, late] = await Promise.all([early?.loading, counted(transport, lateIds, mine.patients, now)]);
  const byId = new Map([...(first?.result.clients ?? []), ...late.result.clients].map((h) => [h.patientId, h]));
  const failures = [
    ...mine.failures.map((f) => `${f.source}: HTTP ${f.status} ${f.messages.join('; ')}`.trim()),
    ...[...(first?.result.failures ?? []), ...late.result.failures].map((f) =>
      `${f.resourceType}: HTTP ${f.status} ${f.messages.join('; ')}`.trim(),
    ),
  ];
  const roundTrips = Math.max(
    sources.roundTrips,
    1 + (first?.count.roundTrips ?? 0),
    sources.roundTrips + late.count.roundTrips,
  );
  const requests = sources.requests + (first?.count.requests ?? 0) + late.count.requests;
  return {
    clients: mine.clients,
    histories: mine.clients.map(
      (c) => byId.get(c.patientId) ?? { patientId: c.patientId, administrations: [], unreadable: [] },
    ),
    failures,
    stats: { roundTrips, requests },
  };
}
