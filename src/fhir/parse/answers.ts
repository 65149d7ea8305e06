import type { Instrument, Item, LikertOption } from '../../core/instruments/types';
import { CODE_SYSTEM_URL, EXTENSIONS } from '../codes';
import type { Coding } from '../schemas/datatypes';
import type { QrAnswer } from '../schemas/questionnaire-response';

// One answer → the number the core expects: whole millimetres 0–100 for rating lines, the option value
// (1–5) for Likert items. Range is the core's business (it reports out-of-range values by item); here
// we only refuse what cannot be read as a number at all.

export type AnswerValue = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

const POINTS_MAX = 10;

function numericAnswer(answer: QrAnswer): number | undefined {
  return answer.valueInteger ?? answer.valueDecimal ?? answer.valueQuantity?.value;
}

/**
 * Our Questionnaire's rating lines are integers in millimetres, so a `valueInteger` on our canonical is mm.
 * Everything else is points 0–10, as instruments.md reads answers from other systems: foreign responses
 * (decimals or integers), and a `valueDecimal` even on our canonical — a filler that wrote a decimal did not
 * follow our integer item, and 0–10 is the scale people rate on. Points are ×10 and rounded to the nearest
 * mm: a finer slider than the paper's 1 mm is noise, and the rounding moves a total by at most 0.2 points.
 * A points value above 10 cannot be points (most likely mm from a system we cannot identify), so it is
 * refused rather than guessed.
 */
function ratingLineValue(answer: QrAnswer, foreign: boolean): AnswerValue {
  const raw = numericAnswer(answer);
  if (raw === undefined) return { ok: false, reason: 'expected a number (valueInteger or valueDecimal)' };
  const inMillimetres = !foreign && answer.valueDecimal === undefined;
  if (inMillimetres) {
    return Number.isInteger(raw) ? { ok: true, value: raw } : { ok: false, reason: `expected whole millimetres 0–100, got ${raw}` };
  }
  if (raw > POINTS_MAX) return { ok: false, reason: `${raw} is above 10 points; decimals and responses not made with our Questionnaire are read as points 0–10` };
  return { ok: true, value: Math.round(raw * 10) };
}

/** R4's name for an option's score is ordinalValue; R5 renamed it itemWeight. Both are read. */
function weightOf(coding: Coding): number | undefined {
  const ext = coding.extension?.find((e) => e.url === EXTENSIONS.itemWeight || e.url === EXTENSIONS.ordinalValue);
  const value = ext?.['valueDecimal'] ?? ext?.['valueInteger'];
  return typeof value === 'number' ? value : undefined;
}

const sameText = (a: string | undefined, b: string): boolean => a?.trim().toLowerCase() === b.toLowerCase();

/**
 * Our code first, then a declared weight, then the option's words (Seldom…Always), then a numeric code.
 * Each fallback is tried only when the one before found nothing: this runs for every answer loaded.
 */
function optionFromCoding(coding: Coding, options: readonly LikertOption[]): number | undefined {
  const ours = coding.system === CODE_SYSTEM_URL ? options.find((o) => o.code === coding.code) : undefined;
  return ours?.value ?? weightOf(coding)
    ?? options.find((o) => sameText(coding.display, o.label.en) || sameText(coding.code, o.label.en) || sameText(coding.code, o.code))?.value
    ?? options.find((o) => coding.code === String(o.value))?.value;
}

function likertValue(answer: QrAnswer, options: readonly LikertOption[]): AnswerValue {
  if (answer.valueCoding) {
    const value = optionFromCoding(answer.valueCoding, options);
    const shown = answer.valueCoding.display ?? answer.valueCoding.code ?? '(no code)';
    return value === undefined ? { ok: false, reason: `unknown option "${shown}"` } : { ok: true, value };
  }
  const raw = numericAnswer(answer);
  if (raw === undefined) return { ok: false, reason: 'expected an option (valueCoding) or a number (valueInteger)' };
  return Number.isInteger(raw) ? { ok: true, value: raw } : { ok: false, reason: `expected a whole option value, got ${raw}` };
}

export function answerValue(instrument: Instrument, item: Item, answer: QrAnswer, foreign: boolean): AnswerValue {
  if (item.kind === 'rating-line') return ratingLineValue(answer, foreign);
  return instrument.scale.type === 'likert' ? likertValue(answer, instrument.scale.options) : ratingLineValue(answer, foreign);
}
