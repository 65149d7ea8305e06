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

/**
 * `noted`: saved inside the clinical note rather than as its own resource. `info`: not written, and nothing is
 * missing for it (a Questionnaire this health record does not let the app publish: the answers name it by URL).
 */
type EntryState = 'saved' | 'noted' | 'refused' | 'pending' | 'info';

interface SummaryLine {
  readonly kind: WriteKind;
  readonly state: EntryState;
  readonly detail: string;
  count: number;
}

function stateOf({ kind, outcome }: EntryReport): EntryState {
  if (outcome.status === 'saved') return outcome.inNote ? 'noted' : 'saved';
  return kind === 'questionnaire' && outcome.status === 'refused' ? 'info' : outcome.status;
}

/** One line per kind of resource and outcome (three Observations saved read as one line, not three), with how many. */
function summarise(entries: readonly EntryReport[]): SummaryLine[] {
  const seen = new Map<string, SummaryLine>();
  for (const entry of entries) {
    const state = stateOf(entry);
    const key = `${entry.kind}:${state}`;
    const line = seen.get(key);
    if (line) line.count += 1;
    else
      seen.set(key, {
        kind: entry.kind,
        state,
        detail: entry.outcome.status === 'saved' ? '' : entry.outcome.reason,
        count: 1,
      });
  }
  return [...seen.values()];
}

/** The summary's key: "part could not be sent" only when part was sent; a refused Questionnaire alone is no loss. */
function summaryKey(report: SaveReport, lines: readonly SummaryLine[]): string {
  if (report.status === 'pending' && !lines.some((l) => l.state === 'saved' || l.state === 'noted'))
    return 'saveStatus.pendingAll';
  if (report.status === 'partly-saved' && !lines.some((l) => l.state === 'refused')) return 'saveStatus.saved';
  return `saveStatus.${report.status}`;
}

/** What happened to a save, said plainly: saved, not saved and why, waiting to be re-sent, or re-launch needed. */
export function SaveReportView({ title, report, onRetry, busy }: SaveReportViewProps) {
  const { t } = useTranslation('administer');
  const name = title || t('earlierSave');
  if (!report)
    return (
      <p className="tf-save" role="status">
        {t('saving', { name })}
      </p>
    );
  const lines = summarise(report.entries);
  return (
    <div className={`tf-save tf-save--${report.status}`} role="status">
      <p className="tf-save__summary">{t(summaryKey(report, lines), { name })}</p>
      <ul className="tf-save__entries">
        {lines.map(({ kind, state, detail, count }) => (
          <li key={`${kind}:${state}`} className={`tf-save__entry tf-save__entry--${state}`}>
            <span>{t(`entry.${state}.${kind}`, { count })}</span>
            {state === 'refused' && <span className="tf-save__detail"> ({detail})</span>}
          </li>
        ))}
      </ul>
      {report.earlierCopyKept && <p className="tf-save__note">{t('earlierCopyKept')}</p>}
      {report.status === 'pending' && (
        <button type="button" className="tf-button" disabled={busy} onClick={onRetry}>
          {t('retryNow')}
        </button>
      )}
    </div>
  );
}
