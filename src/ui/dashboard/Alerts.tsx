import { useTranslation } from 'react-i18next';
import { AlertReason } from './AlertReason';
import type { Severity } from '../../core/model';
import type { ConcernView, Recording } from './view-model';

// Priority is carried by an icon and a word as well as a colour (WCAG 1.4.1), and it is the same whether or
// not the alert is in the chart yet: where it is kept is said separately, in words.
export const severityIcon: Readonly<Record<Severity, string>> = { high: '▲', medium: '◆', low: '●', info: 'ℹ' };

/** Where the whole alert of a concern is on the page (the summary in the first screen links to it). */
export const alertAnchor = (concern: ConcernView['concern']): string => `alert-${concern}`;

/**
 * One alert per clinical concern, each a prompt to talk with the client: its reasons, figures, and a next step.
 * None: nothing here (the summary in the first screen says so).
 */
export function Alerts({ alerts }: { readonly alerts: readonly ConcernView[] }) {
  const { t } = useTranslation('dashboard');
  if (alerts.length === 0) return null;
  return (
    <section className="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alerts.heading')}</h2>
      <ul className="alert-list">
        {alerts.map((a) => (
          <ConcernAlert key={a.concern} alert={a} />
        ))}
      </ul>
    </section>
  );
}

function ConcernAlert({ alert }: { readonly alert: ConcernView }) {
  const { t } = useTranslation('dashboard');
  const lead = alert.reasons[0];
  return (
    <li id={alertAnchor(alert.concern)} tabIndex={-1} className={`alert severity-${alert.severity}`}>
      <p className="alert-kind">
        <span className="alert-badge">
          <span aria-hidden="true">{severityIcon[alert.severity]} </span>
          {t(`alerts.severity.${alert.severity}`)}
        </span>
        <span className={`alert-recording recording-${alert.recording.kind}`}>{recordingText(t, alert.recording)}</span>
      </p>
      <h3>{t(`alerts.concern.${alert.concern}`)}</h3>
      <ul className="alert-reasons">
        {alert.reasons.map((r) => (
          <AlertReason key={r.rule} reason={r} />
        ))}
      </ul>
      {lead && (
        <p className="alert-next">
          <strong>{t('alerts.nextStep')}:</strong> {t(`alerts.rule.${lead.rule}.next`)}
        </p>
      )}
    </li>
  );
}

type Translate = ReturnType<typeof useTranslation<'dashboard'>>['t'];

function recordingText(t: Translate, recording: Recording): string {
  switch (recording.kind) {
    case 'not-recordable':
      return t(`alerts.recording.notRecordable.${recording.why}`);
    case 'unknown':
      return t('alerts.recording.unknown', { status: recording.status });
    default:
      return t(`alerts.recording.${recording.kind}`);
  }
}
