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

/** The charts of one episode (the current one unless an earlier one is opened), over a range of recent visits. */
export function ChartsSection({ model }: { readonly model: DashboardModel }) {
  const { t } = useTranslation('dashboard');
  const current = model.episodes.at(-1)?.index ?? 1;
  const [shown, setShown] = useState<number | undefined>(undefined);
  const earlier = shown === undefined || shown === current ? undefined : model.episodes.find((e) => e.index === shown);
  const charts = earlier ? chartsOf(model, earlier) : model;
  const lastVisit = Math.max(
    0,
    ...charts.outcome.points.map((p) => p.session),
    ...charts.alliance.points.map((p) => p.session),
  );
  const [range, setRange] = useState<ChartRange | undefined>(undefined);
  // Paper shows the whole episode.
  const printing = usePrinting();
  const chosen = printing ? 'all' : (range ?? defaultRange(lastVisit));
  const from = firstVisitShown(chosen, lastVisit);
  return (
    <section className="charts" aria-label={t('title')}>
      <div className="chart-controls">
        <EpisodePicker
          episodes={model.episodes}
          shown={shown ?? current}
          onShow={(index) => {
            setShown(index);
            setRange(undefined);
          }}
        />
        <RangeControl lastVisit={lastVisit} range={chosen} onChange={setRange} />
      </div>
      <OutcomeChart outcome={charts.outcome} fromSession={from} />
      <div className="chart-pair">
        <AllianceChart alliance={charts.alliance} fromSession={from} />
        <WaiChart inventory={inventoryFrom(charts, from)} />
      </div>
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
