import type { TFunction } from 'i18next';
import { area } from 'd3-shape';
import type { ExpectedPoint, OutcomeView } from '../view-model';
import type { ChartScales, LegendEntry } from './ChartFrame';

// The trajectory model's expected course and its band (from the lower edge up to the expected line), coloured by
// where the latest score stands: green on track, amber below expected, red below the band, grey not judged yet.
// Drawn first and translucent, so the cutoff line and the reliable-change band stay visible over it.

const knownModels = new Set(['intake-severity', 'rule-based', 'curves']);

/** The legend entries for the expected course: the model actually in use, then its band with the latest standing. */
export function expectedLegend(
  outcome: OutcomeView,
  expected: readonly ExpectedPoint[],
  t: TFunction<'dashboard'>,
): LegendEntry[] {
  if (expected.length === 0) return [];
  const model = outcome.trajectoryModel;
  const name =
    model && knownModels.has(model.id)
      ? t(`chart.legend.expectedModel.${model.id as 'intake-severity'}`)
      : t('chart.legend.expectedModel.other', { label: model?.label ?? '' });
  const entries: LegendEntry[] = [
    { key: 'expected', label: `${name} ${t('chart.legend.notEtr')}`, className: 'ref-expected' },
  ];
  if (expected.some((e) => e.lower !== undefined)) {
    entries.push({
      key: 'expected-band',
      label: t('chart.legend.expectedBand', { standing: t(`chart.legend.standing.${outcome.band}`) }),
      className: `ref-expected-band band-${outcome.band}`,
    });
  }
  return entries;
}

export function ExpectedBandArea({
  expected,
  band,
  scales,
}: {
  readonly expected: readonly ExpectedPoint[];
  readonly band: OutcomeView['band'];
  readonly scales: ChartScales;
}) {
  const { x, y } = scales;
  const banded = expected.filter((e): e is ExpectedPoint & { lower: number } => e.lower !== undefined);
  const bandPath =
    banded.length > 1
      ? area<ExpectedPoint & { lower: number }>()
          .x((e) => x(e.session))
          .y0((e) => y(e.lower))
          .y1((e) => y(Math.max(e.lower, e.value)))(banded)
      : null;
  return bandPath ? (
    <path className={`ref-expected-band-area band-${band}`} d={bandPath} data-testid="expected-band" />
  ) : null;
}
