import { useTranslation } from 'react-i18next';
import type { EntryReport, SaveReport, WriteKind } from '../../fhir/write';

export interface SaveReportViewProps {
  /** The form's name, e.g. "ORS"; empty for a save kept from before a reload. */
  readonly title: string;
  /** Undefined while the save is under way. */
  readonly report: SaveReport | undefined;
  readonly onRetry: () => void;
  readonly busy: boolean;
}

/** `noted`: saved inside the clinical note rather than as its own resource. */
type EntryState = 'saved' | 'noted' | 'refused' | 'pending';

/** One line per kind of resource and outcome (three Observations saved read as one line, not three). */
function summarise(entries: readonly EntryReport[]): { kind: WriteKind; state: EntryState; detail: string }[] {
  const seen = new Map<string, { kind: WriteKind; state: EntryState; detail: string }>();
  for (const entry of entries) {
    const { outcome } = entry;
    const state: EntryState = outcome.status === 'saved' && outcome.inNote ? 'noted' : outcome.status;
    const detail = outcome.status === 'saved' ? '' : outcome.reason;
    const key = `${entry.kind}:${state}`;
    if (!seen.has(key)) seen.set(key, { kind: entry.kind, state, detail });
  }
  return [...seen.values()];
}

/** What happened to a save, said plainly: saved, not saved and why, waiting to be re-sent, or re-launch needed. */
export function SaveReportView({ title, report, onRetry, busy }: SaveReportViewProps) {
  const { t } = useTranslation('administer');
  const name = title || t('earlierSave');
  if (!report) return <p className="tf-save" role="status">{t('saving', { name })}</p>;
  const { status } = report;
  return (
    <div className={`tf-save tf-save--${status}`} role="status">
      <p className="tf-save__summary">{t(`saveStatus.${status}`, { name })}</p>
      <ul className="tf-save__entries">
        {summarise(report.entries).map(({ kind, state, detail }) => (
          <li key={`${kind}:${state}`} className={`tf-save__entry tf-save__entry--${state}`}>
            <span>{t(`entry.${state}.${kind}`)}</span>
            {state === 'refused' && <span className="tf-save__detail"> ({detail})</span>}
          </li>
        ))}
      </ul>
      {status === 'pending' && (
        <button type="button" className="tf-button" disabled={busy} onClick={onRetry}>{t('retryNow')}</button>
      )}
    </div>
  );
}
