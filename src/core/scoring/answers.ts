import { perInstrument } from '../instruments/per-instrument';
import type { Instrument } from '../instruments/types';
import type { ScoringProblem } from '../model';

// Problems in the answers, in the order a person would fix them: answers to items the form does not have,
// then unanswered items, then values that are not whole numbers (Likert) or not numbers at all, then values
// off the scale. Rating lines may hold fractions of a millimetre: another system's 0–10 decimals are kept
// exact here and the total is rounded once (scoring/totals.ts).

interface Range {
  readonly min: number;
  readonly max: number;
  /** Likert options are whole values; a rating line may carry a fraction of a millimetre (points from another system). */
  readonly whole: boolean;
}

/** What the checks need of a form, worked out once per instrument: every response of a population is checked. */
interface AnswerForm {
  readonly linkIds: ReadonlySet<string>;
  readonly range: Range;
}

function answerRange(instrument: Instrument): Range {
  if (instrument.scale.type === 'rating-line')
    return { min: instrument.scale.minMm, max: instrument.scale.maxMm, whole: false };
  const values = instrument.scale.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values), whole: true };
}

const formOf = perInstrument((instrument): AnswerForm => ({
  linkIds: new Set(instrument.items.map((i) => i.linkId)),
  range: answerRange(instrument),
}));

function valueProblem(linkId: string, value: number, range: Range): ScoringProblem | undefined {
  if (!Number.isFinite(value) || (range.whole && !Number.isInteger(value)))
    return { kind: 'not-integer', linkId, value };
  if (value < range.min || value > range.max)
    return { kind: 'out-of-range', linkId, value, min: range.min, max: range.max };
  return undefined;
}

/** The first problem with an administration's answers for this instrument, or undefined when all is well. */
export function answerProblem(
  instrument: Instrument,
  answers: Readonly<Record<string, number>>,
): ScoringProblem | undefined {
  const { linkIds, range } = formOf(instrument);
  // One pass over the keys and one over the items, no arrays or callbacks: every response of a population
  // (and thousands at a launch, before the engine has optimised anything) is checked, and nearly all pass.
  for (const linkId in answers) {
    if (!linkIds.has(linkId) && Object.hasOwn(answers, linkId)) return { kind: 'unknown-item', linkId };
  }
  let firstValueProblem: ScoringProblem | undefined;
  for (const item of instrument.items) {
    const value = answers[item.linkId];
    if (value === undefined)
      return {
        kind: 'incomplete',
        missing: instrument.items.filter((i) => answers[i.linkId] === undefined).map((i) => i.linkId),
      };
    firstValueProblem ??= valueProblem(item.linkId, value, range);
  }
  return firstValueProblem;
}
