import type { SaveReport, WriteSet } from '../../fhir/write';
import { keysStartingWith, readJson } from '../stored';

// Responses the health record refused (403/405, or a scope the EHR did not grant). The Outbox lets them go
// (re-sending cannot help), but they are the client's real answers: the app keeps the response in this
// tab's session storage so the clinician view still shows and scores it, marked as refused.

const PREFIX = 'therapy-feedback.refused.';

/** The kind of storage used: the Web Storage API's reading and writing parts. */
export type RefusedStorage = Pick<Storage, 'getItem' | 'setItem' | 'length' | 'key'>;

export function responseRefused(report: SaveReport): boolean {
  return report.entries.some((e) => e.kind === 'response' && e.outcome.status === 'refused');
}

/** The QuestionnaireResponse a write set saves; `unknown`, because kept write sets come back from storage. */
export function responseOf(writeSet: WriteSet): unknown {
  return writeSet.entries.find((e) => e.kind === 'response')?.resource;
}

/** Keeps the write set's response when the save report says the record refused it. */
export function keepIfRefused(storage: RefusedStorage, writeSet: WriteSet, report: SaveReport): void {
  const response = responseOf(writeSet);
  if (response && responseRefused(report)) storage.setItem(PREFIX + writeSet.key, JSON.stringify(response));
}

/** The kept responses as stored (unknown: the caller parses them like server data). */
export function refusedResponses(storage: RefusedStorage): unknown[] {
  return keysStartingWith(storage, PREFIX).map((k) => readJson(storage, k));
}
