import type { FhirTransport } from '../gateway/types';
import { rawString } from '../parse/raw';
import { referenceId } from '../parse/references';
import type { Patient } from '../schemas/patient';
import {
  classifyPatient,
  classifyQuestionnaires,
  classifyResponses,
  type LoadedAdministration,
  type UnreadableResource,
} from './classify';
import type { RoundTripCount } from './round-trip';
import { searchAll } from './caseload-search';
import { ourQuestionnaireCanonicals } from './searches';

// The whole caseload's responses in one round trip (plus one for computed further pages): comma-separated
// subject lists, `chunkSize` clients per search so each URL stays short enough for servers that cap them, all
// searches in one batch. Patients come from the my-clients searches' `_include`; only those missing are read.

export interface ClientHistory {
  readonly patientId: string;
  readonly patient?: Patient;
  readonly administrations: readonly LoadedAdministration[];
  readonly unreadable: readonly UnreadableResource[];
}

export interface CaseloadHistoryOptions {
  readonly chunkSize?: number;
  readonly useBatch?: boolean;
  /** The time of reading (ms since the epoch): responses authored beyond it are listed, not scored. */
  readonly now?: number;
}

export interface CaseloadHistoryResult {
  readonly clients: readonly ClientHistory[];
  readonly failures: readonly {
    readonly resourceType: string;
    readonly status: number;
    readonly messages: readonly string[];
  }[];
}

/** 40 references of ~20 characters keep a GET URL near 1 KB, far under the usual 8 KB limits. */
export const CASELOAD_CHUNK_SIZE = 40;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}

const subjectList = (ids: readonly string[]): string => ids.map((id) => encodeURIComponent(`Patient/${id}`)).join(',');

function byPatientId(resources: readonly unknown[]): Map<string, unknown> {
  return new Map(
    resources.flatMap((r) => {
      const id = rawString(r, 'id');
      return id && rawString(r, 'resourceType') === 'Patient' ? [[id, r] as const] : [];
    }),
  );
}

function responsesBySubject(responses: readonly unknown[]): Map<string, unknown[]> {
  const grouped = new Map<string, unknown[]>();
  for (const response of responses) {
    const subject = (response as { subject?: { reference?: unknown } } | undefined)?.subject?.reference;
    const id = typeof subject === 'string' ? referenceId(subject, 'Patient') : undefined;
    if (!id) continue;
    const list = grouped.get(id);
    if (list) list.push(response);
    else grouped.set(id, [response]);
  }
  return grouped;
}

export async function loadCaseloadHistory(
  transport: FhirTransport,
  patientIds: readonly string[],
  includedPatients: readonly unknown[],
  count: RoundTripCount,
  options: CaseloadHistoryOptions = {},
): Promise<CaseloadHistoryResult> {
  if (patientIds.length === 0) return { clients: [], failures: [] };
  const size = options.chunkSize ?? CASELOAD_CHUNK_SIZE;
  const known = byPatientId(includedPatients);
  const idChunks = chunks(patientIds, size);
  const missing = chunks(
    patientIds.filter((id) => !known.has(id)),
    size,
  );
  const urls = [
    `Questionnaire?url=${ourQuestionnaireCanonicals().map(encodeURIComponent).join(',')}`,
    ...idChunks.map((ids) => `QuestionnaireResponse?subject=${subjectList(ids)}&_count=1000`),
    ...missing.map((ids) => `Patient?_id=${ids.map(encodeURIComponent).join(',')}&_count=${size}`),
  ];
  const [questionnaireAnswer, ...rest] = await searchAll(transport, urls, count, options.useBatch ?? true);
  const responseAnswers = rest.slice(0, idChunks.length);
  const patientAnswers = rest.slice(idChunks.length);
  const questionnaires = classifyQuestionnaires(questionnaireAnswer?.matches ?? []).items;
  const patients = new Map([...known, ...byPatientId(patientAnswers.flatMap((a) => a.matches))]);
  const grouped = responsesBySubject(responseAnswers.flatMap((a) => a.matches));
  const failures = [questionnaireAnswer, ...rest].flatMap((a, i) =>
    a?.failure ? [{ resourceType: urls[i]!.split('?')[0]!, ...a.failure }] : [],
  );
  const clients = patientIds.map((patientId): ClientHistory => {
    const patient = patients.has(patientId) ? classifyPatient(patients.get(patientId)) : {};
    const responses = classifyResponses(grouped.get(patientId) ?? [], {
      questionnaires,
      patientId,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    return {
      patientId,
      ...(patient.patient ? { patient: patient.patient } : {}),
      administrations: responses.items,
      unreadable: [...(patient.unreadable ? [patient.unreadable] : []), ...responses.unreadable],
    };
  });
  return { clients, failures };
}
