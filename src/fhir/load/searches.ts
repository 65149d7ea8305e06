import { instrumentIds } from '../../core/instruments';
import { CODE_SYSTEM_URL, questionnaireUrl, RUPTURE_NOTE_CODES } from '../codes';
import { notesSearch } from './notes';

// The reads that make up a client's history (our clinical notes too: they carry responses on EHRs that take no
// QuestionnaireResponse from apps). Each is a relative URL, so the same list serves a
// batch Bundle (one round trip) and parallel GETs (servers without batch).

export type HistoryPart = 'patient' | 'responses' | 'observations' | 'flags' | 'questionnaires' | 'notes';

export interface HistorySearch {
  readonly part: HistoryPart;
  readonly resourceType: string;
  readonly url: string;
  /** One of the date windows a cursor-paged response search is read in (date-windows.ts): if it fails, `next` reads on. */
  readonly dateWindow?: boolean;
}

/** Large pages keep a long history to one round trip where the server allows it (1,000 is a common cap). */
export const DEFAULT_PAGE_SIZE = 1000;

export const ourQuestionnaireCanonicals = (): string[] => instrumentIds.map(questionnaireUrl);

/** Our Questionnaires as the server hosts them, found by their canonical URLs. */
export function questionnaireSearch(canonicals: readonly string[], pageSize = DEFAULT_PAGE_SIZE): string {
  return `Questionnaire?url=${canonicals.map(encodeURIComponent).join(',')}&_count=${pageSize}`;
}

export function historySearches(patientId: string, canonicals: readonly string[], pageSize: number): HistorySearch[] {
  const subject = `subject=${encodeURIComponent(`Patient/${patientId}`)}`;
  const count = `_count=${pageSize}`;
  const ruptureNoteCode = `code=${encodeURIComponent(`${CODE_SYSTEM_URL}|${RUPTURE_NOTE_CODES.note}`)}`;
  return [
    { part: 'patient', resourceType: 'Patient', url: `Patient/${encodeURIComponent(patientId)}` },
    {
      part: 'responses',
      resourceType: 'QuestionnaireResponse',
      url: `QuestionnaireResponse?${subject}&${count}&_sort=-authored`,
    },
    // Of our Observations the app reads back only the clinician's rupture notes: the score Observations it writes
    // with each response (one or more per response) repeat what it scores from the responses themselves, and
    // reading them back would more than double what a long history costs to load.
    {
      part: 'observations',
      resourceType: 'Observation',
      url: `Observation?${subject}&category=survey&${ruptureNoteCode}&${count}`,
    },
    // R4 defines no `status` search parameter for Flag: a strict server would refuse it and a lenient one
    // ignores it, so every Flag of the patient is read and the ended ones are left out when classified.
    { part: 'flags', resourceType: 'Flag', url: `Flag?${subject}&${count}` },
    { part: 'questionnaires', resourceType: 'Questionnaire', url: questionnaireSearch(canonicals, pageSize) },
    {
      part: 'notes',
      resourceType: 'DocumentReference',
      url: notesSearch(encodeURIComponent(`Patient/${patientId}`), count),
    },
  ];
}
