import { assessClient } from '../../core/assess';
import { caseloadRow, compareByNeed, type CaseloadRow } from '../../core/caseload/row';
import type { ScoringConfig } from '../../core/config';
import { calendarDate } from '../../core/dates';
import type { CaseloadConfig } from '../../fhir/caseload-config';
import { TransportError, type FhirTransport } from '../../fhir/gateway/types';
import { findMyClients } from '../../fhir/load/caseload-clients';
import { loadCaseloadHistory, type ClientHistory } from '../../fhir/load/caseload-history';
import type { RoundTripCount } from '../../fhir/load/round-trip';
import { referenceId } from '../../fhir/parse/references';
import { failed, type Outcome } from '../failure';
import { patientName } from './patient-name';

// Token → the clinician's clients → their histories → one row each, assessed by the same core as the
// single-client view (assessClient). Two round trips for any caseload size, three when the histories page.

export interface CaseloadEntry {
  readonly row: CaseloadRow;
  readonly name: string | undefined;
  /** FHIR instant of the next booked session, when there is one. */
  readonly nextVisit?: string;
  readonly history: ClientHistory;
}

export interface LoadedCaseload {
  readonly practitionerId: string;
  /** Sorted by need. */
  readonly entries: readonly CaseloadEntry[];
  readonly today: string;
  /** What the server refused (a source, a page): shown, never silently dropped. */
  readonly problems: readonly string[];
  readonly stats: RoundTripCount;
}

export interface CaseloadLoadInput {
  readonly fhirUser: string | undefined;
  readonly caseload: CaseloadConfig;
  readonly scoring: ScoringConfig;
  /** Local date YYYY-MM-DD. */
  readonly today: string;
}

export async function loadCaseload(transport: FhirTransport, input: CaseloadLoadInput): Promise<Outcome<LoadedCaseload>> {
  const practitionerId = referenceId(input.fhirUser, 'Practitioner');
  if (!practitionerId) return failed('no-patient');
  const count: RoundTripCount = { roundTrips: 0, requests: 0 };
  try {
    const query = { practitionerId, sources: input.caseload.myClients, today: input.today, daysAhead: input.caseload.daysAhead, daysBack: input.scoring.episodeGapDays };
    const mine = await findMyClients(transport, query, count);
    const history = await loadCaseloadHistory(transport, mine.clients.map((c) => c.patientId), mine.patients, count);
    const entries = mine.clients.map((client, i): CaseloadEntry => {
      const h = history.clients[i]!;
      const assessment = assessClient({ administrations: h.administrations.map((a) => a.administration), config: input.scoring, ...(h.patient?.birthDate ? { birthDate: h.patient.birthDate } : {}) });
      const nextAppointment = client.nextVisit ? calendarDate(client.nextVisit) : undefined;
      const row = caseloadRow({ patientId: client.patientId, assessment, today: input.today, ...(h.patient?.birthDate ? { birthDate: h.patient.birthDate } : {}), ...(nextAppointment ? { nextAppointment } : {}) });
      return { row, name: patientName(h.patient), ...(client.nextVisit ? { nextVisit: client.nextVisit } : {}), history: h };
    });
    entries.sort((a, b) => compareByNeed(a.row, b.row));
    const problems = [
      ...mine.failures.map((f) => `${f.source}: HTTP ${f.status} ${f.messages.join('; ')}`.trim()),
      ...history.failures.map((f) => `${f.resourceType}: HTTP ${f.status} ${f.messages.join('; ')}`.trim()),
    ];
    return { ok: true, value: { practitionerId, entries, today: input.today, problems, stats: count } };
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    return error.kind === 'session-expired' ? failed('session-expired') : failed('unreachable', { params: { detail: error.kind }, retry: true });
  }
}
