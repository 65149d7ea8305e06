import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_OUTCOME_OPTIONS, myOutcomes, type Estimate, type Share } from '../../core/caseload/outcomes';
import { useFormat } from '../format';
import type { LoadedCaseload } from './load-caseload';

// The signed-in clinician's own outcomes, computed in the browser from their own caseload (the only clients
// this token lists); shown to them alone and never written anywhere. Closed until asked for.

type Figure =
  | { readonly key: string; readonly kind: 'share'; readonly figure: Share }
  | { readonly key: string; readonly kind: 'estimate'; readonly figure: Estimate };

function FigureRow({ item }: { readonly item: Figure }) {
  const { t } = useTranslation('caseload');
  const f = useFormat();
  const format = (v: number): string => (item.kind === 'share' ? `${f.number(Math.round(v * 100))} %` : f.mean(v));
  const { figure } = item;
  return (
    <tr>
      <th scope="row">{t(`mine.figure.${item.key}`)}</th>
      <td>
        {item.kind === 'share'
          ? t('mine.shareValue', { value: format(figure.value), count: item.figure.count, n: figure.n })
          : format(figure.value)}
      </td>
      <td>{t('mine.ci', { low: format(figure.ci.low), high: format(figure.ci.high) })}</td>
      <td>{f.number(figure.n)}</td>
      <td>{figure.tooFew ? <strong className="too-few">{t('mine.tooFew')}</strong> : ''}</td>
    </tr>
  );
}

export function MyOutcomes({ loaded }: { readonly loaded: LoadedCaseload }) {
  const { t } = useTranslation('caseload');
  const figures = useMemo(
    () =>
      myOutcomes(
        loaded.entries.flatMap((e) => (e.outcome ? [e.outcome] : [])),
        { ...DEFAULT_OUTCOME_OPTIONS, reliableChange: loaded.reliableChange, today: loaded.today },
      ),
    [loaded],
  );
  const items: Figure[] = [
    { key: 'reliableImprovement', kind: 'share', figure: figures.reliableImprovement },
    { key: 'recovered', kind: 'share', figure: figures.recovered },
    { key: 'deterioration', kind: 'share', figure: figures.deterioration },
    { key: 'dropout', kind: 'share', figure: figures.dropout },
    ...(figures.effectSize ? [{ key: 'effectSize', kind: 'estimate', figure: figures.effectSize } as const] : []),
    ...(figures.severityAdjustedEffectSize
      ? [{ key: 'saes', kind: 'estimate', figure: figures.severityAdjustedEffectSize } as const]
      : []),
  ];
  return (
    <details className="my-outcomes">
      <summary>
        <h2>{t('mine.heading')}</h2>
      </summary>
      <p>
        {t('mine.intro')} {t('mine.seen', { count: figures.clientsSeen })}
      </p>
      <div className="table-scroll">
        <table>
          <caption>{t('mine.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mine.col.figure')}</th>
              <th scope="col">{t('mine.col.value')}</th>
              <th scope="col">{t('mine.col.ci')}</th>
              <th scope="col">{t('mine.col.n')}</th>
              <th scope="col">{t('mine.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <FigureRow key={item.key} item={item} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="method-note">{t('mine.method')}</p>
    </details>
  );
}
