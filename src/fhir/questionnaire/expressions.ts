// FHIRPath for the calculated items. Each expression reads the answers from %resource (the
// QuestionnaireResponse being filled) and is empty until every item it needs is answered: an incomplete
// form has no total, exactly as the core refuses to score it. The expressions avoid engine-specific
// functions (no weight()/ordinal(), which need the Questionnaire at hand), so any FHIRPath engine can run them.
import type { LikertOption } from '../../core/instruments/types';

/** The answer values of the given items. */
function answerValues(linkIds: readonly string[]): string {
  const list = linkIds.map((id) => `'${id}'`).join(' | ');
  return `%resource.repeat(item).where(linkId in (${list})).answer.value`;
}

/** Sum of `values` when there are exactly `count` of them, else empty. */
function completeSum(values: string, count: number): string {
  return `iif(${values}.count() = ${count}, ${values}.sum(), {})`;
}

/** Rating lines are answered in mm; the total is reported in points (mm / 10). */
export function ratingLineTotalExpression(linkIds: readonly string[]): string {
  return `${completeSum(answerValues(linkIds), linkIds.length)} / 10`;
}

/** Maps each chosen option code to its value; an unknown code maps to nothing, so the count check fails. */
function optionValueMap(options: readonly LikertOption[]): string {
  return options.reduceRight((otherwise, o) => `iif($this = '${o.code}', ${o.value}, ${otherwise})`, '{}');
}

/** Sum of the option values of the given Likert items (a subscale or the total). */
export function likertSumExpression(linkIds: readonly string[], options: readonly LikertOption[]): string {
  const values = `${answerValues(linkIds)}.code.select(${optionValueMap(options)})`;
  return completeSum(values, linkIds.length);
}
