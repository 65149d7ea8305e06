import type { Instrument } from '../instruments/types';
import type { ScoringProblem } from '../model';

// Problems in the answers, in the order a person would fix them: answers to items the form does not have,
// then unanswered items, then values that are not whole numbers, then values off the scale.

interface Range {
  readonly min: number;
  readonly max: number;
}

/** What the checks need of a form, worked out once per instrument: every response of a population is checked. */
interface AnswerForm {
  readonly linkIds: ReadonlySet<string>;
  readonly range: Range;
}

function answerRange(instrument: Instrument): Range {
  if (instrument.scale.type === 'rating-line') return { min: instrument.scale.minMm, max: instrument.scale.maxMm };
  const values = instrument.scale.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

const forms = new Map<Instrument, AnswerForm>();

function formOf(instrument: Instrument): AnswerForm {
  let form = forms.get(instrument);
  if (!form) {
    form = { linkIds: new Set(instrument.items.map((i) => i.linkId)), range: answerRange(instrument) };
    forms.set(instrument, form);
  }
  return form;
}

function valueProblem(linkId: string, value: number, range: Range): ScoringProblem | undefined {
  if (!Number.isInteger(value)) return { kind: 'not-integer', linkId, value };
  if (value < range.min || value > range.max) return { kind: 'out-of-range', linkId, value, min: range.min, max: range.max };
  return undefined;
}

/** The first problem with an administration's answers for this instrument, or undefined when all is well. */
export function answerProblem(instrument: Instrument, answers: Readonly<Record<string, number>>): ScoringProblem | undefined {
  const { linkIds, range } = formOf(instrument);
  const unknown = Object.keys(answers).find((linkId) => !linkIds.has(linkId));
  if (unknown !== undefined) return { kind: 'unknown-item', linkId: unknown };
  const missing = instrument.items.filter((i) => answers[i.linkId] === undefined).map((i) => i.linkId);
  if (missing.length > 0) return { kind: 'incomplete', missing };
  for (const item of instrument.items) {
    const problem = valueProblem(item.linkId, answers[item.linkId]!, range);
    if (problem) return problem;
  }
  return undefined;
}
