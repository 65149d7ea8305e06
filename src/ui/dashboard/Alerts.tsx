import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { AlertView, EvidenceView } from './view-model';

const severityOrder = { high: 0, medium: 1, low: 2, info: 3 } as const;

/** Each active rule decision, as a prompt to talk with the client: what it means, on what evidence, what next. */
export function Alerts({ alerts }: { readonly alerts: readonly AlertView[] }) {
  const { t } = useTranslation('dashboard');
  const sorted = [...alerts].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || Number(b.flag) - Number(a.flag));
  return (
    <section className="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alerts.heading')}</h2>
      {sorted.length === 0 ? <p>{t('alerts.none')}</p> : <ul className="alert-list">{sorted.map((a) => <AlertItem key={a.rule} alert={a} />)}</ul>}
    </section>
  );
}

function AlertItem({ alert }: { readonly alert: AlertView }) {
  const { t } = useTranslation('dashboard');
  // "In the record" only when the server holds the Flag: before the next save, or where Flag writes are refused,
  // saying so would be untrue.
  const kind = !alert.flag ? 'hint' : alert.inRecord ? 'flag' : 'flagPending';
  return (
    <li className={`alert alert-${kind} severity-${alert.severity}`}>
      <p className="alert-kind">
        <span className="alert-badge">{alert.flag ? <span aria-hidden="true">⚑ </span> : <span className="hint-icon" aria-hidden="true" />}{t(`alerts.${kind}`)}</span>
        <span className="alert-severity">{t(`alerts.severity.${alert.severity}`)}</span>
      </p>
      <h3>{t(`alerts.rule.${alert.rule}.title`)}</h3>
      <p>{t(`alerts.rule.${alert.rule}.meaning`)}</p>
      <Evidence evidence={alert.evidence} />
      <Figures facts={alert.facts} />
      <p className="alert-next"><strong>{t('alerts.nextStep')}:</strong> {t(`alerts.rule.${alert.rule}.next`)}</p>
    </li>
  );
}

function Evidence({ evidence }: { readonly evidence: readonly EvidenceView[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (evidence.length === 0) return null;
  const describe = (e: EvidenceView) => {
    const values = { instrument: e.instrument?.toUpperCase() ?? '?', session: e.session, date: f.date(e.date) };
    return e.session === undefined ? t('alerts.evidenceItemNoSession', values) : t('alerts.evidenceItem', values);
  };
  return (
    <p className="alert-evidence"><strong>{t('alerts.evidence')}:</strong> {evidence.map(describe).join('; ')}</p>
  );
}

const knownFacts = ['intake', 'latest', 'previous', 'change', 'cutoff', 'session', 'drop', 'subscale', 'item'] as const;
type KnownFact = (typeof knownFacts)[number];
const isKnownFact = (key: string): key is KnownFact => (knownFacts as readonly string[]).includes(key);

function Figures({ facts }: { readonly facts: Readonly<Record<string, number | string>> }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const entries = Object.entries(facts).filter(([key]) => isKnownFact(key));
  if (entries.length === 0) return null;
  const value = (key: string, v: number | string) => (typeof v === 'string' || key === 'session' ? String(v) : key === 'change' ? f.change(v) : f.score(v));
  return (
    <p className="alert-figures">
      <strong>{t('alerts.figures')}:</strong>{' '}
      {entries.map(([key, v]) => `${isKnownFact(key) ? t(`alerts.fact.${key}`) : key} ${value(key, v)}`).join(' · ')}
    </p>
  );
}
