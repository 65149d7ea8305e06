import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { InventoryPoint } from '../view-model';
import { ChartFrame, latestForMarkers, pathOf, PointMark } from './ChartFrame';
import { withUnsaved } from './ScoreTable';

const SUBSCALES = ['task', 'bond', 'goal'] as const;

/** WAI-SR Task/Bond/Goal item means (1–5) per administration, in order. */
export function WaiChart({ inventory }: { readonly inventory: readonly InventoryPoint[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  if (inventory.length === 0) return null;
  const describe = (p: InventoryPoint) =>
    t('chart.waiPoint', { date: f.date(p.date), task: f.mean(p.task), bond: f.mean(p.bond), goal: f.mean(p.goal) });
  return (
    <ChartFrame
      size="narrow"
      title={t('chart.waiTitle')}
      xLabel={t('chart.waiNumber')}
      yLabel={t('chart.mean')}
      xDomain={[1, Math.max(2, inventory.length)]}
      yDomain={[1, 5]}
      yTicks={[1, 2, 3, 4, 5]}
      legend={SUBSCALES.map((s) => ({ key: s, label: t(`chart.legend.${s}`), className: `series-${s}` }))}
      alternativeLabel={t('chart.showTable')}
      alternative={<WaiTable inventory={inventory} />}
    >
      {({ x, y }) =>
        SUBSCALES.map((s) => (
          <g key={s}>
            <path
              className={`series-${s}`}
              d={pathOf(
                inventory,
                (_p, i) => x(i + 1),
                (p) => y(p[s]),
              )}
            />
            {latestForMarkers(inventory.map((p, i) => ({ p, n: i + 1 }))).map(({ p, n }, i, shown) => (
              <PointMark
                key={p.administrationId}
                cx={x(n)}
                cy={y(p[s])}
                className={`series-${s}`}
                unsaved={p.unsaved}
                tabbable={s === 'task' && i === shown.length - 1}
                shape={s === 'bond' ? 'square' : 'circle'}
                label={withUnsaved(`${t(`chart.legend.${s}`)} — ${describe(p)}`, p, t)}
              />
            ))}
          </g>
        ))
      }
    </ChartFrame>
  );
}

function WaiTable({ inventory }: { readonly inventory: readonly InventoryPoint[] }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('table.date')}</th>
          {SUBSCALES.map((s) => (
            <th scope="col" key={s}>
              {t(`chart.legend.${s}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {inventory.map((p) => (
          <tr key={p.administrationId}>
            <th scope="row">{withUnsaved(f.date(p.date), p, t)}</th>
            {SUBSCALES.map((s) => (
              <td key={s}>{f.mean(p[s])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
