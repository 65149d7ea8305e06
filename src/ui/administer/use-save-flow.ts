import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { instrumentIds, instruments } from '../../core/instruments';
import { questionnaireUrl } from '../../fhir/codes';
import type { FhirTransport } from '../../fhir/gateway/types';
import { splitCanonical } from '../../fhir/parse/references';
import { keepIfRefused, responseOf } from '../app/refused-responses';
import { Outbox, type OutboxStorage, type PendingSave, type SaveReport, type WritePlan, type WriteSet } from '../../fhir/write';

/** One save as the clinician sees it: which form, and how far it got. */
export interface SaveAttempt {
  readonly key: string;
  readonly title: string;
  readonly report?: SaveReport;
}

export interface SaveFlow {
  readonly attempts: readonly SaveAttempt[];
  /** Write sets kept from before a reload of the app (not among `attempts`), waiting to be re-sent. */
  readonly waiting: number;
  readonly busy: boolean;
  save(writeSet: WriteSet, title: string): Promise<SaveReport>;
  /** Re-sends everything the Outbox keeps (pending saves, and those from before a reload). */
  resend(): Promise<void>;
}

const responseCanonical = z.object({ questionnaire: z.string() });
const responseSubject = z.object({ subject: z.object({ reference: z.string() }) });

/** Whether a kept write set is this patient's: a tab can outlive a launch, and the next may be another patient's. */
function isFor(patientId: string) {
  return ({ writeSet }: PendingSave): boolean => {
    const response = responseSubject.safeParse(responseOf(writeSet));
    return response.success && response.data.subject.reference === `Patient/${patientId}`;
  };
}

/** The form's short name, read back from a kept write set's response (empty if it cannot be told). */
function titleOf(writeSet: WriteSet): string {
  const response = responseCanonical.safeParse(responseOf(writeSet));
  const canonical = response.success ? splitCanonical(response.data.questionnaire).url : undefined;
  const id = instrumentIds.find((i) => questionnaireUrl(i) === canonical);
  return id ? instruments[id].shortName : '';
}

/**
 * Saves through the Outbox, which keeps each write set in session storage BEFORE the first attempt, so a
 * client's answers survive a failed save, an expired session and a reload of the iframe.
 */
export function useSaveFlow(transport: FhirTransport, plan: WritePlan, storage: OutboxStorage, patientId: string, onSettled: () => void): SaveFlow {
  const outbox = useMemo(() => new Outbox(storage), [storage]);
  // Only this patient's: sent under another patient's launch it would be refused, and then dropped.
  const pending = useCallback(() => outbox.pending().saves.filter(isFor(patientId)), [outbox, patientId]);
  const [attempts, setAttempts] = useState<readonly SaveAttempt[]>([]);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState<readonly string[]>(() => pending().map((s) => s.key));
  const refreshKept = useCallback(() => setKept(pending().map((s) => s.key)), [pending]);
  const waiting = kept.filter((key) => !attempts.some((a) => a.key === key)).length;

  const record = useCallback((attempt: SaveAttempt) => {
    setAttempts((list) => [...list.filter((a) => a.key !== attempt.key), attempt]);
  }, []);

  const save = useCallback(async (writeSet: WriteSet, title: string) => {
    setBusy(true);
    record({ key: writeSet.key, title });
    const report = await outbox.save(transport, writeSet, plan);
    keepIfRefused(storage, writeSet, report);
    record({ key: writeSet.key, title, report });
    refreshKept();
    setBusy(false);
    // A reload with an expired session would swap this view (and its "answers are kept" report, and the
    // client's hand-back screen) for the app's failure screen.
    if (report.status !== 'session-expired') onSettled();
    return report;
  }, [outbox, storage, transport, plan, record, refreshKept, onSettled]);

  const resend = useCallback(async () => {
    setBusy(true);
    let expired = false;
    for (const { key, writeSet } of pending()) {
      const report = await outbox.save(transport, writeSet, plan);
      keepIfRefused(storage, writeSet, report);
      record({ key, title: titleOf(writeSet), report });
      expired = report.status === 'session-expired';
      if (expired) break;
    }
    refreshKept();
    setBusy(false);
    if (!expired) onSettled();
  }, [outbox, pending, storage, transport, plan, record, refreshKept, onSettled]);

  return { attempts, waiting, busy, save, resend };
}
