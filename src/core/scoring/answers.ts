import type { Instrument } from '../instruments/types';
import type { ScoringProblem } from '../model';

// Problems in the answers, in the order a person would fix them: answers to items the form does not have,
// then unanswered items, then values that are not whole numbers, then values off the scale.

function answerRange(instrument: Instrument): { min: number; max: number } {
  if (instrument.scale.type === 'rating-line') return { min: instrument.scale.minMm, max: instrument.scale.maxMm };
  const values = instrument.scale.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

const ranges = new Map<Instrument, { min: number; max: number }>();

function rangeOf(instrument: Instrument): { min: number; max: number } {
  let range = ranges.get(instrument);
  if (!range) {
    range = answerRange(instrument);
    ranges.set(instrument, range);
  }
  return range;
}

function valueProblem(linkId: string, value: number, range: { min: number; max: number }): ScoringProblem | undefined {
  if (!Number.isInteger(value)) return { kind: 'not-integer', linkId, value };
  if (value < range.min || value > range.max) return { kind: 'out-of-range', linkId, value, min: range.min, max: range.max };
  return undefined;
}

/** The first problem with an administration's answers for this instrument, or undefined when all is well. */
export function answerProblem(instrument: Instrument, answers: Readonly<Record<string, number>>): ScoringProblem | undefined {
  const known = new Set(instrument.items.map((i) => i.linkId));
  const unknown = Object.keys(answers).find((linkId) => !known.has(linkId));
  if (unknown !== undefined) return { kind: 'unknown-item', linkId: unknown };
  const missing = instrument.items.filter((i) => answers[i.linkId] === undefined).map((i) => i.linkId);
  if (missing.length > 0) return { kind: 'incomplete', missing };
  const range = rangeOf(instrument);
  for (const item of instrument.items) {
    const problem = valueProblem(item.linkId, answers[item.linkId]!, range);
    if (problem) return problem;
  }
  return undefined;
}
