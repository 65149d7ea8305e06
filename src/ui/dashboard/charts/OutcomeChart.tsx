import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { OutcomeView, ScorePoint } from '../view-model';
import { ChartFrame, latestForMarkers, pathOf, PointMark, type LegendEntry } from './ChartFrame';
import { ExpectedBandArea, expectedLegend } from './ExpectedBand';
import { markerLabel, ScoreTable, scorePointText } from './ScoreTable';

const MAX_POINTS = 40;

// ORS/CORS per session against the clinical cutoff, the intake with its reliable-change band and the
// trajectory model's expectation.
export function OutcomeChart({
  outcome,
  fromSession = 1,
}: {
  readonly outcome: OutcomeView;
  readonly fromSession?: number;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const f = useFormat();
  const { cutoff, reliableChange } = outcome;
  // The intake stays the episode's first response whatever range is shown: the band and line are about it.
  const intake = outcome.points[0];
  const points = outcome.points.filter((p) => p.session >= fromSession);
  const expected = outcome.expected.filter((e) => e.session >= fromSession);
  if (!intake || !outcome.instrument || points.length === 0) return null;
  const first = Math.min(fromSession, points[0]!.session);
  const lastSession = Math.max(points.at(-1)!.session, expected.at(-1)?.session ?? 0, first + 1);
  const instrument = outcome.instrument.toUpperCase();
  const legend: LegendEntry[] = [
    { key: 'score', label: t('chart.legend.score'), className: 'series-outcome' },
    ...(cutoff !== undefined
      ? [{ key: 'cutoff', label: `${t('chart.legend.cutoff')} (${f.score(cutoff)})`, className: 'ref-cutoff' }]
      : []),
    { key: 'intake', label: `${t('chart.legend.intake')} (${f.score(intake.total)})`, className: 'ref-intake' },
    { key: 'band', label: t('chart.legend.band', { rc: f.score(reliableChange) }), className: 'ref-band' },
    ...expectedLegend(outcome, expected, t),
  ];
  const expectedBySession = new Map(expected.map((e) => [e.session, e.value]));
  return (
    <ChartFrame
      title={t('chart.outcomeTitle', { instrument })}
      xLabel={t('chart.session')}
      yLabel={t('chart.score')}
      xDomain={[first, lastSession]}
      yDomain={[0, MAX_POINTS]}
      yTicks={[0, 10, 20, 30, 40]}
      legend={legend}
      alternativeLabel={t('chart.showTable')}
      alternative={<ScoreTable points={points} instrument={instrument} expected={expectedBySession} />}
    >
      {({ x, y }) => {
        const bandTop = y(Math.min(MAX_POINTS, intake.total + reliableChange));
        const bandBottom = y(Math.max(0, intake.total - reliableChange));
        return (
          <>
            <ExpectedBandArea expected={expected} band={outcome.band} scales={{ x, y }} />
            <rect
              className="ref-band-area"
              x={x(first)}
              width={x(lastSession) - x(first)}
              y={bandTop}
              height={bandBottom - bandTop}
            />
            <line className="ref-intake" x1={x(first)} x2={x(lastSession)} y1={y(intake.total)} y2={y(intake.total)} />
            {cutoff !== undefined && (
              <line className="ref-cutoff" x1={x(first)} x2={x(lastSession)} y1={y(cutoff)} y2={y(cutoff)} />
            )}
            {expected.length > 1 && (
              <path
                className="ref-expected"
                d={pathOf(
                  expected,
                  (e) => x(e.session),
                  (e) => y(e.value),
                )}
              />
            )}
            <path
              className="series-outcome"
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
                className="series-outcome"
                unsaved={p.unsaved}
                tabbable={i === shown.length - 1}
                label={pointLabel(p, expectedBySession.get(p.session))}
              />
            ))}
          </>
        );
      }}
    </ChartFrame>
  );

  function pointLabel(p: ScorePoint, expectedValue: number | undefined): string {
    const text = scorePointText(p, t, f);
    const withExpected =
      expectedValue === undefined ? text : `${text} (${t('chart.expectedPoint', { value: f.score(expectedValue) })})`;
    return markerLabel(withExpected, p.items, i18n.language, f);
  }
}
