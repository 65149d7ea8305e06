import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { itemLabel, subscaleLabel } from './item-labels';
import type { EvidenceView, ReasonView } from './view-model';

/** One reason inside a concern's alert: what holds, with its figures and the responses it rests on. */
export function AlertReason({ reason }: { readonly reason: ReasonView }) {
  const { t } = useTranslation('dashboard');
  return (
    <li className="alert-reason">
      <h4>{t(`alerts.rule.${reason.rule}.title`)}</h4>
      <p>{t(`alerts.rule.${reason.rule}.meaning`)}</p>
      <Figures reason={reason} />
      <Evidence evidence={reason.evidence} />
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
    <p className="alert-evidence">
      <strong>{t('alerts.evidence')}:</strong> {evidence.map(describe).join('; ')}
    </p>
  );
}

const knownFacts = ['intake', 'latest', 'previous', 'change', 'cutoff', 'session', 'drop'] as const;
type KnownFact = (typeof knownFacts)[number];
const isKnownFact = (key: string): key is KnownFact => (knownFacts as readonly string[]).includes(key);

/** The figures of a reason: totals, the items it names with their answers, WAI-SR subscale means before → after. */
export function useFiguresText(): (reason: ReasonView) => string[] {
  const { t, i18n } = useTranslation('dashboard');
  const f = useFormat();
  return ({ facts, items }) => {
    const value = (key: KnownFact, v: number | string) =>
      typeof v === 'string' || key === 'session' ? String(v) : key === 'change' ? f.change(v) : f.score(v);
    const totals = Object.entries(facts).flatMap(([key, v]) =>
      isKnownFact(key) ? [`${t(`alerts.fact.${key}`)} ${value(key, v)}`] : [],
    );
    const named = (items ?? []).map((i) => `${itemLabel(i.code, i18n.language)} ${f.score(i.value)}`);
    const subscales = String(facts['subscales'] ?? '')
      .split(',')
      .filter(Boolean)
      .flatMap((id) => {
        const before = facts[`${id}Previous`];
        const after = facts[`${id}Latest`];
        return typeof before === 'number' && typeof after === 'number'
          ? [`${subscaleLabel(id, i18n.language)} ${f.mean(before)} → ${f.mean(after)}`]
          : [];
      });
    return [...named, ...subscales, ...totals];
  };
}

function Figures({ reason }: { readonly reason: ReasonView }) {
  const { t } = useTranslation('dashboard');
  const all = useFiguresText()(reason);
  if (all.length === 0) return null;
  return (
    <p className="alert-figures">
      <strong>{t('alerts.figures')}:</strong> {all.join(' · ')}
    </p>
  );
}
