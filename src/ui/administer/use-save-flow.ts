import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instruments } from '../../core/instruments';
import type { Administration } from '../../core/model';
import type { FhirTransport } from '../../fhir/gateway/types';
import type { ServerCapabilities } from '../../fhir/capabilities';
import {
  keptRuptureNotes,
  Outbox,
  planWrites,
  RefusalMemory,
  type OutboxStorage,
  type SaveReport,
  type WriteSet,
} from '../../fhir/write';

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

/** The kept write set with its Flag part built again on the newest load (`withFreshFlags`). */
export type RefreshFlags = (kept: WriteSet, administration: Administration) => WriteSet;

/** A kept save to send again: a response's (its Flags refreshed first) or a rupture note's (nothing to refresh). */
interface KeptForResend {
  readonly key: string;
  readonly writeSet: WriteSet;
  readonly administration?: Administration;
  readonly title: string;
}

/**
 * Saves through the Outbox, which keeps each write set in session storage BEFORE the first attempt, so a
 * client's answers survive a failed save, an expired session and a reload of the iframe. Each save is
 * planned afresh: what the server refused earlier in the tab (RefusalMemory) is not asked for again.
 */
export function useSaveFlow(
  transport: FhirTransport,
  capabilities: ServerCapabilities,
  storage: OutboxStorage,
  patientId: string,
  onSettled: () => void,
  refresh?: RefreshFlags,
): SaveFlow {
  const outbox = useMemo(() => new Outbox(storage), [storage]);
  const memory = useMemo(() => new RefusalMemory(storage, transport.baseUrl), [storage, transport.baseUrl]);
  const saveOne = useCallback(
    async (writeSet: WriteSet) => {
      const report = await outbox.save(transport, writeSet, planWrites(capabilities, memory.recall()));
      memory.learn(report);
      return report;
    },
    [outbox, memory, transport, capabilities],
  );
  const { t } = useTranslation('administer');
  // Only this patient's: sent under another patient's launch it would be refused, and then dropped.
  const pending = useCallback(
    (): KeptForResend[] => [
      ...outbox.kept(patientId).flatMap(({ key, writeSet, response }) =>
        writeSet
          ? [
              {
                key,
                writeSet,
                administration: response.administration,
                title: instruments[response.administration.instrument].shortName,
              },
            ]
          : [],
      ),
      ...keptRuptureNotes(outbox, patientId).map(({ key, writeSet }) => ({
        key,
        writeSet,
        title: t('ruptureNote.title'),
      })),
    ],
    [outbox, patientId, t],
  );
  const [attempts, setAttempts] = useState<readonly SaveAttempt[]>([]);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState<readonly string[]>(() => pending().map((s) => s.key));
  const refreshKept = useCallback(() => setKept(pending().map((s) => s.key)), [pending]);
  const waiting = kept.filter((key) => !attempts.some((a) => a.key === key)).length;

  const record = useCallback((attempt: SaveAttempt) => {
    setAttempts((list) => [...list.filter((a) => a.key !== attempt.key), attempt]);
  }, []);

  const save = useCallback(
    async (writeSet: WriteSet, title: string) => {
      setBusy(true);
      record({ key: writeSet.key, title });
      const report = await saveOne(writeSet);
      record({ key: writeSet.key, title, report });
      refreshKept();
      setBusy(false);
      // A reload with an expired session would swap this view (and its "answers are kept" report, and the
      // client's hand-back screen) for the app's failure screen.
      if (report.status !== 'session-expired') onSettled();
      return report;
    },
    [saveOne, record, refreshKept, onSettled],
  );

  const resend = useCallback(async () => {
    setBusy(true);
    let expired = false;
    // A kept save was built on an older load: its Flags are set against the record as it is now.
    for (const { key, writeSet, administration, title } of pending()) {
      const report = await saveOne(refresh && administration ? refresh(writeSet, administration) : writeSet);
      record({ key, title, report });
      expired = report.status === 'session-expired';
      if (expired) break;
    }
    refreshKept();
    setBusy(false);
    if (!expired) onSettled();
  }, [pending, saveOne, record, refreshKept, onSettled, refresh]);

  return { attempts, waiting, busy, save, resend };
}
