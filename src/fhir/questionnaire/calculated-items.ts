// The read-only calculated items: totals and WAI-SR subscales. Each becomes a member Observation of the
// panel (SDC observation-based extraction), so it carries the `member` marker and a unit.
//
// Totals' shape, decided for extraction: a rating-line total stays a `decimal` in points (0.0–40.0) with the
// `questionnaire-unit` {score}, which SDC extracts as `valueQuantity` (R4 Observation has no valueDecimal).
// Rejected: "integer tenths" (253 for 25.3): an extractor that drops units — CSIRO Smart Forms copies only
// integer, Quantity, Coding, string and boolean answers and ignores `questionnaire-unit` — would then record
// 253 under the ORS total's code, a wrong total beside cutoffs of 25–36, where the decimal form is merely not
// extracted by it. An item of type `quantity` fails in the same renderer the other way (it stores a computed
// Quantity as a Coding). A missing Observation is recoverable from the response; a wrong one is not.
import type { Instrument, LikertOption, SubscaleDefinition } from '../../core/instruments/types';
import { projectCoding, subscaleConcept, totalCodings, totalConcept } from './concepts';
import { likertSumExpression, ratingLineTotalExpression } from './expressions';
import { calculatedExpression, observationMember, translations, ucumUnit } from './extensions';

type QItem = fhir4.QuestionnaireItem;

interface CalculatedItemSpec {
  readonly linkId: string;
  readonly code: fhir4.Coding[];
  readonly text: { readonly en: string; readonly es: string };
  readonly type: 'decimal' | 'integer';
  readonly expression: string;
}

function calculatedItem(spec: CalculatedItemSpec): QItem {
  return {
    extension: [calculatedExpression(spec.expression, spec.text.en), ucumUnit('{score}', 'score'), observationMember()],
    linkId: spec.linkId,
    code: spec.code,
    text: spec.text.en,
    _text: translations(spec.text),
    type: spec.type,
    readOnly: true,
  };
}

const totalText = { en: 'Total score', es: 'Puntuación total' };

/** linkId of the calculated total; it equals the total's code (e.g. `ors-total`). */
export function totalLinkId(instrument: Instrument): string {
  return totalConcept(instrument).code;
}

/** Rating-line total in points: the items are in mm, so sum / 10 (0.0–40.0, a decimal). */
export function ratingLineTotalItem(instrument: Instrument): QItem {
  return calculatedItem({
    linkId: totalLinkId(instrument),
    code: totalCodings(instrument),
    text: totalText,
    type: 'decimal',
    expression: ratingLineTotalExpression(instrument.items.map((i) => i.linkId)),
  });
}

function linkIdsOf(instrument: Instrument, numbers: readonly number[]): string[] {
  return instrument.items.filter((i) => numbers.includes(i.number)).map((i) => i.linkId);
}

function subscaleItem(instrument: Instrument, subscale: SubscaleDefinition, options: readonly LikertOption[]): QItem {
  const concept = subscaleConcept(instrument, subscale);
  return calculatedItem({
    linkId: concept.code,
    code: [projectCoding(concept)],
    text: { en: `${subscale.label.en} subscale score`, es: `Puntuación de la subescala ${subscale.label.es}` },
    type: 'integer',
    expression: likertSumExpression(linkIdsOf(instrument, subscale.itemNumbers), options),
  });
}

/** Subscale sums (linkId = subscale code, e.g. `wai-sr-task`) and then the total, all integers. */
export function likertScoreItems(instrument: Instrument, options: readonly LikertOption[]): QItem[] {
  const total = calculatedItem({
    linkId: totalLinkId(instrument),
    code: totalCodings(instrument),
    text: totalText,
    type: 'integer',
    expression: likertSumExpression(
      instrument.items.map((i) => i.linkId),
      options,
    ),
  });
  return [...instrument.subscales.map((s) => subscaleItem(instrument, s, options)), total];
}
