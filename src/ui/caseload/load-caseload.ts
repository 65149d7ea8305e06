import { assessClient, type ClientAssessment } from '../../core/assess';
import { clientOutcome, type ClientOutcome } from '../../core/caseload/outcomes';
import { caseloadRow, compareByNeed, type CaseloadRow } from '../../core/caseload/row';
import type { ScoringConfig } from '../../core/config';
import { calendarDate } from '../../core/dates';
import type { CaseloadConfig } from '../../fhir/caseload-config';
import { TransportError, type FhirTransport } from '../../fhir/gateway/types';
import { loadCaseloadData } from '../../fhir/load/caseload';
import type { ClientHistory } from '../../fhir/load/caseload-history';
import type { RoundTripCount } from '../../fhir/load/round-trip';
import { referenceId } from '../../fhir/parse/references';
import type { OutboxStorage } from '../../fhir/write';
import { unsavedAdministrations } from '../app/unsaved';
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
  /** What the client contributes to the clinician's own outcomes (none without an outcome measure). */
  readonly outcome?: ClientOutcome;
  /** Responses this tab's Outbox keeps that the record does not hold: counted in the row, marked not saved. */
  readonly unsaved?: number;
}

export interface LoadedCaseload {
  readonly practitionerId: string;
  /** Sorted by need. */
  readonly entries: readonly CaseloadEntry[];
  readonly today: string;
  /** What the server refused (a source, a page): shown, never silently dropped. */
  readonly problems: readonly string[];
  readonly stats: RoundTripCount;
  /** The organisation's reliable change (smart-launch.json scoring), for the clinician's own outcomes. */
  readonly reliableChange: number;
}

export interface CaseloadLoadInput {
  readonly fhirUser: string | undefined;
  readonly caseload: CaseloadConfig;
  readonly scoring: ScoringConfig;
  /** Local date YYYY-MM-DD. */
  readonly today: string;
  /** Where the Outbox keeps unsaved work (sessionStorage): kept responses count in the rows as in the client view. */
  readonly storage?: OutboxStorage;
}

const birthDateOf = (h: ClientHistory): { birthDate?: string } =>
  h.patient?.birthDate ? { birthDate: h.patient.birthDate } : {};

type EntryBase = Pick<CaseloadEntry, 'name' | 'nextVisit' | 'history'>;

/** The row and the outcome figures of one client, both read off the core's assessment. */
function assessed(
  entry: EntryBase,
  assessment: ClientAssessment,
  today: string,
): Pick<CaseloadEntry, 'row' | 'outcome'> {
  const nextAppointment = entry.nextVisit ? calendarDate(entry.nextVisit) : undefined;
  const row = caseloadRow({
    patientId: entry.history.patientId,
    assessment,
    today,
    ...birthDateOf(entry.history),
    ...(nextAppointment ? { nextAppointment } : {}),
  });
  const outcome = clientOutcome(assessment, nextAppointment !== undefined);
  return { row, ...(outcome ? { outcome } : {}) };
}

const unsavedPart = (count: number): Pick<CaseloadEntry, 'unsaved'> => (count > 0 ? { unsaved: count } : {});

/**
 * The list after one client's record was reloaded in the clinician view (a response given): that row anew,
 * re-sorted. `unsaved`: how many of the view's responses are kept in the tab only.
 */
export function withReassessed(
  loaded: LoadedCaseload,
  patientId: string,
  assessment: ClientAssessment,
  unsaved: number,
): LoadedCaseload {
  const entries = loaded.entries.map((e): CaseloadEntry => {
    if (e.row.patientId !== patientId) return e;
    const { outcome: _old, unsaved: _was, ...base } = e;
    return { ...base, ...assessed(base, assessment, loaded.today), ...unsavedPart(unsaved) };
  });
  return { ...loaded, entries: entries.sort((a, b) => compareByNeed(a.row, b.row)) };
}

export async function loadCaseload(
  transport: FhirTransport,
  input: CaseloadLoadInput,
): Promise<Outcome<LoadedCaseload>> {
  const practitionerId = referenceId(input.fhirUser, 'Practitioner');
  if (!practitionerId) return failed('no-patient');
  try {
    const query = {
      practitionerId,
      sources: input.caseload.myClients,
      today: input.today,
      daysAhead: input.caseload.daysAhead,
      daysBack: input.scoring.episodeGapDays,
    };
    const data = await loadCaseloadData(transport, query, Date.now());
    const entries = data.clients.map((client, i): CaseloadEntry => {
      const h = data.histories[i]!;
      // The same responses as the client view scores: the record's, and those this tab keeps unsaved.
      const kept = input.storage ? unsavedAdministrations(input.storage, h.patientId, h.administrations) : [];
      const assessment = assessClient({
        administrations: [...h.administrations, ...kept].map((a) => a.administration),
        config: input.scoring,
        ...birthDateOf(h),
      });
      const base = {
        name: patientName(h.patient),
        ...(client.nextVisit ? { nextVisit: client.nextVisit } : {}),
        history: h,
      };
      return { ...base, ...assessed(base, assessment, input.today), ...unsavedPart(kept.length) };
    });
    entries.sort((a, b) => compareByNeed(a.row, b.row));
    return {
      ok: true,
      value: {
        practitionerId,
        entries,
        today: input.today,
        problems: data.failures,
        stats: data.stats,
        reliableChange: input.scoring.orsReliableChange,
      },
    };
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    return error.kind === 'session-expired'
      ? failed('session-expired')
      : failed('unreachable', { params: { detail: error.kind }, retry: true });
  }
}
