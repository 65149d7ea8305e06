import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AllianceChart } from './charts/AllianceChart';
import { OutcomeChart } from './charts/OutcomeChart';
import { RangeControl, type ChartRange, defaultRange, firstVisitShown } from './charts/RangeControl';
import { WaiChart } from './charts/WaiChart';
import { EpisodePicker } from './EpisodePicker';
import { usePrinting } from './use-printing';
import type { DashboardModel, EpisodeView } from './view-model';

type Charted = Pick<DashboardModel, 'outcome' | 'alliance' | 'inventory'>;

/** What the charts show: one episode (the current one unless an earlier one is opened) over a range of recent visits. */
export interface ChartView {
  readonly charts: Charted;
  /** The first visit drawn. */
  readonly from: number;
  readonly controls: {
    readonly episodes: readonly EpisodeView[];
    readonly shown: number;
    readonly onShow: (index: number) => void;
    readonly lastVisit: number;
    readonly range: ChartRange;
    readonly onRange: (range: ChartRange) => void;
  };
}

/**
 * The charts' shared choice of episode and range. Held above the charts because they are laid out apart:
 * the outcome chart in the first screen, the alliance charts further down.
 */
export function useChartView(model: DashboardModel): ChartView {
  const current = model.episodes.at(-1)?.index ?? 1;
  const [shown, setShown] = useState<number | undefined>(undefined);
  const [range, setRange] = useState<ChartRange | undefined>(undefined);
  // Paper shows the whole episode.
  const printing = usePrinting();
  const earlier = shown === undefined || shown === current ? undefined : model.episodes.find((e) => e.index === shown);
  const charts = earlier ? chartsOf(model, earlier) : model;
  const lastVisit = Math.max(
    0,
    ...charts.outcome.points.map((p) => p.session),
    ...charts.alliance.points.map((p) => p.session),
  );
  const chosen = printing ? 'all' : (range ?? defaultRange(lastVisit));
  return {
    charts,
    from: firstVisitShown(chosen, lastVisit),
    controls: {
      episodes: model.episodes,
      shown: shown ?? current,
      onShow: (index) => {
        setShown(index);
        setRange(undefined);
      },
      lastVisit,
      range: chosen,
      onRange: setRange,
    },
  };
}

/** The outcome chart with the controls that choose what every chart shows (they sit with the chart read first). */
export function OutcomeCharts({ view }: { readonly view: ChartView }) {
  const { t } = useTranslation('dashboard');
  const { controls } = view;
  if (view.charts.outcome.points.length === 0 && view.charts.alliance.points.length === 0) return null;
  return (
    <section className="charts charts-outcome" aria-label={t('charts.outcome')}>
      <div className="chart-controls">
        <EpisodePicker episodes={controls.episodes} shown={controls.shown} onShow={controls.onShow} />
        <RangeControl lastVisit={controls.lastVisit} range={controls.range} onChange={controls.onRange} />
      </div>
      <OutcomeChart outcome={view.charts.outcome} fromSession={view.from} />
    </section>
  );
}

/** The session ratings and the WAI-SR subscales, over the same episode and range as the outcome chart. */
export function AllianceCharts({ view }: { readonly view: ChartView }) {
  const { t } = useTranslation('dashboard');
  const { charts, from } = view;
  if (charts.alliance.points.length === 0 && charts.inventory.length === 0) return null;
  return (
    <section className="charts chart-pair" aria-label={t('charts.alliance')}>
      <AllianceChart alliance={charts.alliance} fromSession={from} />
      <WaiChart inventory={inventoryFrom(charts, from)} />
    </section>
  );
}

/** The charts of an earlier episode: its own points, no expected trajectory (the model speaks of the current one). */
function chartsOf(model: DashboardModel, episode: EpisodeView): Charted {
  return {
    outcome: { ...model.outcome, points: episode.outcome, expected: [], instrument: episode.outcomeInstrument },
    alliance: { ...model.alliance, points: episode.alliance, instrument: episode.allianceInstrument },
    inventory: episode.inventory,
  };
}

/** The WAI-SR administrations on or after the first visit shown. */
function inventoryFrom(charts: Charted, from: number): Charted['inventory'] {
  if (from <= 1) return charts.inventory;
  const firstDate = [...charts.outcome.points, ...charts.alliance.points]
    .filter((p) => p.session >= from)
    .map((p) => p.date)
    .sort()[0];
  return firstDate === undefined ? charts.inventory : charts.inventory.filter((p) => p.date >= firstDate);
}
