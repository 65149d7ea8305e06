import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFiguresText } from './AlertReason';
import { alertAnchor, severityIcon } from './Alerts';
import type { ConcernView } from './view-model';

/**
 * The alerts in short, in the first screen: each one line of priority, concern, its main reason and that
 * reason's figures, linked to the whole alert (all reasons, evidence, next step, where it is recorded) below.
 */
export function AlertSummary({ alerts }: { readonly alerts: readonly ConcernView[] }) {
  const { t } = useTranslation('dashboard');
  const figures = useFiguresText();
  return (
    <section className="alert-summary" aria-labelledby="alert-summary-heading">
      <h2 id="alert-summary-heading">{t('alerts.summaryHeading')}</h2>
      {alerts.length === 0 ? (
        <p>{t('alerts.none')}</p>
      ) : (
        <ul className="alert-short-list">
          {alerts.map((alert) => {
            const [lead, ...others] = alert.reasons;
            return (
              <li key={alert.concern} className={`alert-short severity-${alert.severity}`}>
                <span className="alert-badge">
                  <span aria-hidden="true">{severityIcon[alert.severity]} </span>
                  {t(`alerts.severity.${alert.severity}`)}
                </span>{' '}
                <a href={`#${alertAnchor(alert.concern)}`} onClick={focusTarget}>
                  {t(`alerts.concern.${alert.concern}`)}
                  {lead && `: ${t(`alerts.rule.${lead.rule}.title`)}`}
                </a>
                {/* The spaces keep the parts apart for a screen reader; on screen each is a line of its own. */}
                {lead && <span className="alert-short-figures"> {figures(lead).join(' · ')}</span>}
                {others.length > 0 && (
                  <span className="alert-short-more"> {t('alerts.moreReasons', { count: others.length })}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Moves to the whole alert without touching the frame's address (the app's URL carries its launch). */
function focusTarget(event: MouseEvent<HTMLAnchorElement>): void {
  const id = event.currentTarget.hash.slice(1);
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
}
