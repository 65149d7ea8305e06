import { perInstrument } from '../instruments/per-instrument';
import type { Instrument } from '../instruments/types';
import type { ItemScore, Score, SubscaleScore } from '../model';

// Totals are kept in whole tenths of a point so that sums and comparisons are exact: a rating line's
// millimetre is one tenth of a point, a Likert option is ten tenths.

function tenthsPerUnit(instrument: Instrument): number {
  return instrument.scale.type === 'rating-line' ? 1 : 10;
}

// Item scores are plain immutable values: one object per item and whole answer value (a millimetre, a Likert
// option), made the first time it is scored and shared by every response after, so that scoring a population
// does not make four to twelve new objects per response. Fractions (other systems' scales) are made each time.
const MAX_SHARED_VALUE = 100;

/** A whole value from 0 to the bound (not -0, whose item value would be -0). */
function isSharedValue(raw: number): boolean {
  return Number.isInteger(raw) && raw <= MAX_SHARED_VALUE && (raw > 0 || Object.is(raw, 0));
}

const sharedItemScores = perInstrument((instrument): ItemScore[][] => instrument.items.map(() => []));

/** Each subscale's linkIds, worked out once per instrument: every response of a population is totalled. */
const linkIdsOfSubscales = perInstrument((instrument): readonly (readonly string[])[] =>
  instrument.subscales.map((subscale) =>
    instrument.items.filter((i) => subscale.itemNumbers.includes(i.number)).map((i) => i.linkId),
  ),
);

const noSubscales: readonly SubscaleScore[] = [];

function subscaleScores(instrument: Instrument, answers: Readonly<Record<string, number>>): readonly SubscaleScore[] {
  if (instrument.subscales.length === 0) return noSubscales;
  const scores: SubscaleScore[] = [];
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
  const shared = sharedItemScores(instrument);
  // A plain loop, no callback: a launch scores thousands of responses before the engine has optimised this.
  const items: ItemScore[] = [];
  for (let k = 0; k < instrument.items.length; k++) {
    const item = instrument.items[k]!;
    const raw = answers[item.linkId]!;
    sum += raw * unit;
    items.push(
      isSharedValue(raw)
        ? (shared[k]![raw] ??= { linkId: item.linkId, code: item.code, value: (raw * unit) / 10 })
        : { linkId: item.linkId, code: item.code, value: (raw * unit) / 10 },
    );
  }
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
