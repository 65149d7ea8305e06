import type { Instrument } from '../instruments/types';
import type { ItemScore, Score, SubscaleScore } from '../model';

// Totals are kept in whole tenths of a point so that sums and comparisons are exact: a rating line's
// millimetre is one tenth of a point, a Likert option is ten tenths.

function tenthsPerUnit(instrument: Instrument): number {
  return instrument.scale.type === 'rating-line' ? 1 : 10;
}

/** Each subscale's linkIds, worked out once per instrument: every response of a population is totalled. */
const subscaleLinkIds = new Map<Instrument, readonly (readonly string[])[]>();

function linkIdsOfSubscales(instrument: Instrument): readonly (readonly string[])[] {
  let linkIds = subscaleLinkIds.get(instrument);
  if (!linkIds) {
    linkIds = instrument.subscales.map((subscale) =>
      instrument.items.filter((i) => subscale.itemNumbers.includes(i.number)).map((i) => i.linkId),
    );
    subscaleLinkIds.set(instrument, linkIds);
  }
  return linkIds;
}

function subscaleScores(instrument: Instrument, answers: Readonly<Record<string, number>>): SubscaleScore[] {
  const scores: SubscaleScore[] = [];
  if (instrument.subscales.length === 0) return scores;
  const linkIds = linkIdsOfSubscales(instrument);
  instrument.subscales.forEach((subscale, k) => {
    let sum = 0;
    for (const linkId of linkIds[k]!) sum += answers[linkId] ?? 0;
    scores.push({ id: subscale.id, sum, mean: sum / subscale.itemNumbers.length });
  });
  return scores;
}

/**
 * Sum exactly, round once: rating lines from other systems can carry fractions of a millimetre (2.65 points is
 * 26.5 mm); their sum is rounded to whole tenths only at the end, so an exact boundary stays exact. Our own
 * forms give whole millimetres and never reach the rounding.
 */
function roundedTenths(sum: number): number {
  return Number.isInteger(sum) ? sum : Math.round(Number(sum.toFixed(6)));
}

/** The score of a response already checked complete and in range. */
export function totalScore(instrument: Instrument, answers: Readonly<Record<string, number>>): Score {
  const unit = tenthsPerUnit(instrument);
  let sum = 0;
  const items: ItemScore[] = instrument.items.map((item) => {
    const raw = answers[item.linkId]!;
    sum += raw * unit;
    return { linkId: item.linkId, code: item.code, value: (raw * unit) / 10 };
  });
  const totalTenths = roundedTenths(sum);
  const total = totalTenths / 10;
  return {
    instrument: instrument.id,
    total,
    totalTenths,
    items,
    subscales: subscaleScores(instrument, answers),
    itemMean: total / items.length,
  };
}
