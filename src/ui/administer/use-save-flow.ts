import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instruments } from '../../core/instruments';
import type { FhirTransport } from '../../fhir/gateway/types';
import type { ServerCapabilities } from '../../fhir/capabilities';
import {
  Outbox,
  planWrites,
  RefusalMemory,
  type OutboxStorage,
  type ResendOptions,
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
export type RefreshFlags = NonNullable<ResendOptions['refresh']>;

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
  const { t } = useTranslation('administer');
  const plan = useCallback(() => planWrites(capabilities, memory.recall()), [capabilities, memory]);
  const keptKeys = useCallback(() => outbox.resendable(patientId).map((s) => s.key), [outbox, patientId]);
  const [attempts, setAttempts] = useState<readonly SaveAttempt[]>([]);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState<readonly string[]>(keptKeys);
  const waiting = kept.filter((key) => !attempts.some((a) => a.key === key)).length;

  const record = useCallback((attempt: SaveAttempt) => {
    setAttempts((list) => [...list.filter((a) => a.key !== attempt.key), attempt]);
  }, []);
  // Saved, kept or failed, the Outbox now holds what it holds; a reload with an expired session would swap
  // this view (and its "answers are kept" report, and the client's hand-back screen) for the failure screen.
  const settle = useCallback(
    (last: SaveReport | undefined) => {
      setKept(keptKeys());
      setBusy(false);
      if (last?.status !== 'session-expired') onSettled();
    },
    [keptKeys, onSettled],
  );

  const save = useCallback(
    async (writeSet: WriteSet, title: string) => {
      setBusy(true);
      record({ key: writeSet.key, title });
      const report = await outbox.save(transport, writeSet, plan());
      memory.learn(report);
      record({ key: writeSet.key, title, report });
      settle(report);
      return report;
    },
    [outbox, transport, plan, memory, record, settle],
  );

  const resend = useCallback(async () => {
    setBusy(true);
    const reports = await outbox.resendAll(transport, {
      patientId,
      plan,
      ...(refresh ? { refresh } : {}),
      onReport: (save, report) => {
        memory.learn(report);
        const title =
          save.kind === 'response' ? instruments[save.administration.instrument].shortName : t('ruptureNote.title');
        record({ key: save.key, title, report });
      },
    });
    settle(reports.at(-1));
  }, [outbox, transport, patientId, plan, refresh, memory, record, settle, t]);

  return { attempts, waiting, busy, save, resend };
}
