import { fail, succeed, type Result } from '../../core/result';
import type { Instrument, Item, LikertOption } from '../../core/instruments/types';
import { CODE_SYSTEM_URL, EXTENSIONS } from '../codes';
import type { Coding } from '../schemas/datatypes';
import type { InstrumentMapping } from '../instrument-mappings';
import type { QrAnswer } from '../schemas/questionnaire-response';

// One answer → the number the core expects: millimetres 0–100 for rating lines (a fraction of a millimetre is
// kept: the core sums exactly and rounds once), the option value (1–5) for Likert items. Our own forms are read
// in their declared units (integer millimetres; any number on our rating line is millimetres); other systems'
// forms in the units their instrumentMappings entry declares. Range is the core's business (it reports
// out-of-range values by item); here we only refuse what cannot be read.

/** The number read, or the reason it cannot be. */
export type AnswerValue = Result<number>;

function numericAnswer(answer: QrAnswer): number | undefined {
  return answer.valueInteger ?? answer.valueDecimal ?? answer.valueQuantity?.value;
}

/** Their number on their declared scale → the same position on ours (linear; e.g. 0–10 points → 0–100 mm). */
function onOurScale(raw: number, scale: InstrumentMapping['scale'], min: number, max: number): number | undefined {
  if (raw < scale.min || raw > scale.max) return undefined;
  return min + ((raw - scale.min) / (scale.max - scale.min)) * (max - min);
}

function ratingLineValue(answer: QrAnswer, mapping: InstrumentMapping | undefined): AnswerValue {
  const raw = numericAnswer(answer);
  if (raw === undefined) return fail('expected a number (valueInteger or valueDecimal)');
  if (!mapping) return succeed(raw);
  const mm = onOurScale(raw, mapping.scale, 0, 100);
  return mm === undefined
    ? fail(
        `${raw} is outside the declared scale ${mapping.scale.min}–${mapping.scale.max} ${mapping.unit} (instrumentMappings)`,
      )
    : succeed(mm);
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
  return (
    ours?.value ??
    weightOf(coding) ??
    options.find(
      (o) => sameText(coding.display, o.label.en) || sameText(coding.code, o.label.en) || sameText(coding.code, o.code),
    )?.value ??
    options.find((o) => coding.code === String(o.value))?.value
  );
}

/** A mapped Likert answer: their code through the declared answer map, else their number on the declared scale. */
function mappedLikertValue(
  answer: QrAnswer,
  options: readonly LikertOption[],
  mapping: InstrumentMapping,
): AnswerValue {
  const code =
    answer.valueCoding?.code ?? (numericAnswer(answer) === undefined ? undefined : String(numericAnswer(answer)));
  if (code === undefined) return fail('expected a coded or numeric answer');
  if (mapping.answers) {
    const weight = mapping.answers[code];
    return weight === undefined
      ? fail(`answer code "${code}" is not in the instrumentMappings answers`)
      : succeed(weight);
  }
  const values = options.map((o) => o.value);
  const value = onOurScale(Number(code), mapping.scale, Math.min(...values), Math.max(...values));
  return value === undefined || !Number.isInteger(value)
    ? fail(
        `"${code}" is not a point of the declared scale ${mapping.scale.min}–${mapping.scale.max} (instrumentMappings)`,
      )
    : succeed(value);
}

function likertValue(answer: QrAnswer, options: readonly LikertOption[]): AnswerValue {
  if (answer.valueCoding) {
    const value = optionFromCoding(answer.valueCoding, options);
    const shown = answer.valueCoding.display ?? answer.valueCoding.code ?? '(no code)';
    return value === undefined ? fail(`unknown option "${shown}"`) : succeed(value);
  }
  const raw = numericAnswer(answer);
  if (raw === undefined) return fail('expected an option (valueCoding) or a number (valueInteger)');
  return Number.isInteger(raw) ? succeed(raw) : fail(`expected a whole option value, got ${raw}`);
}

/** `mapping` present: a foreign form read as its instrumentMappings entry declares; absent: our own form. */
export function answerValue(
  instrument: Instrument,
  item: Item,
  answer: QrAnswer,
  mapping?: InstrumentMapping,
): AnswerValue {
  if (item.kind === 'rating-line' || instrument.scale.type !== 'likert') return ratingLineValue(answer, mapping);
  return mapping
    ? mappedLikertValue(answer, instrument.scale.options, mapping)
    : likertValue(answer, instrument.scale.options);
}
