import type { ClientAssessment } from '../../core/assess';
import type { InstrumentId } from '../../core/instruments';
import type { SeriesPoint } from '../../core/series/types';
import type { EpisodeView, InventoryPoint, ScorePoint } from '../dashboard/view-model';

// Every episode of care with its own points, so an earlier one can be opened in the charts. The status and
// the alerts stay about the current episode; only the charts look back.

export const outcomeInstrument = (i: InstrumentId | undefined) => (i === 'ors' || i === 'cors' ? i : undefined);
export const allianceInstrument = (i: InstrumentId | undefined) => (i === 'srs' || i === 'csrs' ? i : undefined);

export function episodeViews(
  a: ClientAssessment,
  scorePoint: (p: SeriesPoint) => ScorePoint,
  inventoryPoint: (p: SeriesPoint) => InventoryPoint,
): EpisodeView[] {
  const of = (points: readonly SeriesPoint[], index: number) => points.filter((p) => p.episode === index);
  return a.episodes.map((e) => ({
    index: e.index,
    startDate: e.startDate,
    outcomeInstrument: outcomeInstrument(of(a.series.outcome, e.index).at(-1)?.instrument),
    allianceInstrument: allianceInstrument(of(a.series.alliance, e.index).at(-1)?.instrument),
    outcome: of(a.series.outcome, e.index).map(scorePoint),
    alliance: of(a.series.alliance, e.index).map(scorePoint),
    inventory: of(a.series.inventory, e.index).map(inventoryPoint),
  }));
}
