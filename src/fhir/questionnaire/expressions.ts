// FHIRPath for the calculated items. Each expression reads the answers from %resource (the
// QuestionnaireResponse being filled) and is empty until every item it needs is answered: an incomplete
// form has no total, exactly as the core refuses to score it. The expressions avoid engine-specific
// functions (no weight()/ordinal(), which need the Questionnaire at hand), so any FHIRPath engine can run them.
//
// They keep to normative FHIRPath N1 (2.0.0), the version FHIR R4 relies on: no `sum()`, which arrived only
// in FHIRPath 3.0 (trial use), and no `aggregate()`, trial use in N1 itself. A total is an explicit chain of
// additions, one term per item; N1's `+` is empty when either side is empty, so the completeness check comes
// with the arithmetic: one unanswered item (or an unknown option code) and the whole sum is empty.
import type { LikertOption } from '../../core/instruments/types';

/** The answer value of one item. */
function answerValue(linkId: string): string {
  return `%resource.repeat(item).where(linkId = '${linkId}').answer.value`;
}

/** `(a) + (b) + …`: the sum of the terms, empty unless every term has a value. */
function additions(terms: readonly string[]): string {
  return terms.map((term) => `(${term})`).join(' + ');
}

/** Rating lines are answered in mm; the total is reported in points (mm / 10). */
export function ratingLineTotalExpression(linkIds: readonly string[]): string {
  return `(${additions(linkIds.map(answerValue))}) / 10`;
}

/** Maps each chosen option code to its value; an unknown code maps to nothing, so the sum is empty. */
function optionValueMap(options: readonly LikertOption[]): string {
  return options.reduceRight((otherwise, o) => `iif($this = '${o.code}', ${o.value}, ${otherwise})`, '{}');
}

/** Sum of the option values of the given Likert items (a subscale or the total). */
export function likertSumExpression(linkIds: readonly string[], options: readonly LikertOption[]): string {
  const map = optionValueMap(options);
  return additions(linkIds.map((id) => `${answerValue(id)}.code.select(${map})`));
}
