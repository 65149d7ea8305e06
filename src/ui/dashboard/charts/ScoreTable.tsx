import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { ScorePoint } from '../view-model';

/** The text alternative of a per-session chart: every plotted value, exactly. */
export function ScoreTable(props: { readonly points: readonly ScorePoint[]; readonly instrument: string; readonly expected?: ReadonlyMap<number, number> }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const hasExpected = props.expected !== undefined && props.expected.size > 0;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('chart.session')}</th>
          <th scope="col">{t('table.date')}</th>
          <th scope="col">{props.instrument}</th>
          {hasExpected && <th scope="col">{t('chart.legend.expected')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.points.map((p) => {
          const expected = props.expected?.get(p.session);
          return (
            <tr key={p.administrationId}>
              <th scope="row">{p.session}</th>
              <td>{f.date(p.date)}</td>
              <td>{f.score(p.total)}</td>
              {hasExpected && <td>{expected === undefined ? '—' : f.score(expected)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
