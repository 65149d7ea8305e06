import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { AllianceView } from '../view-model';
import { ChartFrame, latestForMarkers, pathOf, PointMark } from './ChartFrame';
import { markerLabel, ScoreTable, scorePointText } from './ScoreTable';

/** SRS/CSRS per session against the alliance cutoff (36 by default). */
export function AllianceChart({
  alliance,
  fromSession = 1,
}: {
  readonly alliance: AllianceView;
  readonly fromSession?: number;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const f = useFormat();
  const { cutoff } = alliance;
  const points = alliance.points.filter((p) => p.session >= fromSession);
  if (points.length === 0 || !alliance.instrument) return null;
  const instrument = alliance.instrument.toUpperCase();
  const lastSession = Math.max(points.at(-1)!.session, 2);
  return (
    <ChartFrame
      size="narrow"
      title={t('chart.allianceTitle', { instrument })}
      xLabel={t('chart.session')}
      yLabel={t('chart.score')}
      xDomain={[Math.min(points[0]!.session, lastSession - 1), lastSession]}
      yDomain={[0, 40]}
      yTicks={[0, 10, 20, 30, 40]}
      legend={[
        { key: 'score', label: t('chart.legend.score'), className: 'series-alliance' },
        {
          key: 'cutoff',
          label: t('chart.legend.allianceCutoff', { cutoff: f.score(cutoff) }),
          className: 'ref-cutoff',
        },
      ]}
      alternativeLabel={t('chart.showTable')}
      alternative={<ScoreTable points={points} instrument={instrument} />}
    >
      {({ x, y }) => (
        <>
          <line className="ref-cutoff" x1={x.range()[0]} x2={x.range()[1]} y1={y(cutoff)} y2={y(cutoff)} />
          <path
            className="series-alliance"
            d={pathOf(
              points,
              (p) => x(p.session),
              (p) => y(p.total),
            )}
          />
          {latestForMarkers(points).map((p, i, shown) => (
            <PointMark
              key={p.administrationId}
              cx={x(p.session)}
              cy={y(p.total)}
              className="series-alliance"
              shape="square"
              unsaved={p.unsaved}
              tabbable={i === shown.length - 1}
              label={markerLabel(scorePointText(p, t, f), p.items, i18n.language, f)}
            />
          ))}
        </>
      )}
    </ChartFrame>
  );
}
