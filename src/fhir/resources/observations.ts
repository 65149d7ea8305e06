// Scores as Observations, in the shape of US Core's screening-assessment profile.
//
// Decision: one Observation per scored response, with items and WAI-SR subscales as `component`s — not a
// panel with `hasMember` children. Why:
// - The answers themselves already live in the QuestionnaireResponse (`derivedFrom`); one Observation per
//   item would copy them a second time, and US Core's "each answer its own Observation" is aimed at
//   instruments whose answers are not otherwise recorded.
// - A total is meaningless without the item scores it sums, and components make them one resource: it is
//   written, retried and made idempotent as a unit, in the same round trip, and no reader ever sees a total
//   whose members are half-written.
// - A reader that understands only the total (US Core clients, EHR flowsheets) still reads `code` +
//   `valueQuantity`; the components are extra detail it may ignore.
// SDC's `observationExtract` allows the same choice (`component` vs `member`).
import type { Instrument } from '../../core/instruments/types';
import { instruments } from '../../core/instruments';
import type { Administration, Score } from '../../core/model';
import {
  CODE_SYSTEM_URL, INTERPRETATION_CODES, INTERPRETATION_URL, UCUM_URL, observationCategoryCode, surveyCategory, totalCode,
} from '../codes';
import { totalCodings } from '../questionnaire/concepts';
import { observationIdentifier } from './identity';

export interface ObservationContext {
  /** e.g. `Patient/123` */
  readonly patient: string;
  readonly encounter?: string;
  /** The clinician (fhirUser), e.g. `Practitioner/9`. */
  readonly clinician?: string;
  /** True when the client rated (the usual case): the patient is then a performer. */
  readonly clientRated: boolean;
  /** When the score was computed (an instant); omitted, `issued` is left out. */
  readonly issued?: string;
  /** The response the score derives from: its reference (a `urn:uuid:` inside a bundle) and identifier. */
  readonly response: { readonly reference: string; readonly identifierValue: string };
  /** The cutoff the assessment used for this instrument, in points; none for the WAI-SR. */
  readonly cutoff?: number;
}

const scoreQuantity = (value: number): fhir4.Quantity => ({ value, unit: 'score', system: UCUM_URL, code: '{score}' });

function categories(instrument: Instrument): fhir4.CodeableConcept[] {
  return [
    { coding: [surveyCategory()] },
    { coding: [{ system: CODE_SYSTEM_URL, code: observationCategoryCode(instrument.kind) }] },
  ];
}

/** Below the cutoff means "clinical range" for outcome measures and "a concern" for alliance measures. */
function interpretTotal(instrument: Instrument, total: number, cutoff: number): fhir4.CodeableConcept {
  const below = total < cutoff;
  const words = instrument.kind === 'outcome'
    ? (below ? 'Clinical range' : 'Non-clinical range')
    : (below ? 'Alliance concern: worth talking about' : 'Alliance at or above the cutoff');
  return {
    coding: [
      below ? { system: INTERPRETATION_URL, code: 'L', display: 'Low' } : { system: INTERPRETATION_URL, code: 'N', display: 'Normal' },
      { system: CODE_SYSTEM_URL, code: below ? INTERPRETATION_CODES.belowCutoff : INTERPRETATION_CODES.atOrAboveCutoff },
    ],
    text: `${words} (cutoff ${cutoff})`,
  };
}

function itemName(instrument: Instrument, linkId: string): string {
  const item = instrument.items.find((i) => i.linkId === linkId);
  if (!item) return linkId;
  return item.kind === 'rating-line' ? item.label.en : `${instrument.shortName} item ${item.number}`;
}

function components(instrument: Instrument, score: Score): fhir4.ObservationComponent[] {
  const items = score.items.map((item): fhir4.ObservationComponent => ({
    code: { coding: [{ system: CODE_SYSTEM_URL, code: item.code }], text: itemName(instrument, item.linkId) },
    valueQuantity: scoreQuantity(item.value),
  }));
  const subscales = score.subscales.map((sub): fhir4.ObservationComponent => {
    const definition = instrument.subscales.find((d) => d.id === sub.id);
    return {
      code: { coding: [{ system: CODE_SYSTEM_URL, code: definition?.code ?? sub.id }], text: definition?.label.en ?? sub.id },
      valueQuantity: scoreQuantity(sub.sum),
    };
  });
  return [...subscales, ...items];
}

function performers(ctx: ObservationContext): fhir4.Reference[] {
  const who = [...(ctx.clientRated ? [ctx.patient] : []), ...(ctx.clinician ? [ctx.clinician] : [])];
  return who.map((reference) => ({ reference }));
}

/** The Observations for one scored administration: the total, with subscales and items as components. */
export function buildObservations(score: Score, administration: Administration, ctx: ObservationContext): fhir4.Observation[] {
  const instrument = instruments[score.instrument];
  const performer = performers(ctx);
  const observation: fhir4.Observation = {
    resourceType: 'Observation',
    identifier: [observationIdentifier(ctx.response.identifierValue, totalCode(instrument.id))],
    status: 'final',
    category: categories(instrument),
    code: { coding: totalCodings(instrument), text: `${instrument.title.en} total` },
    subject: { reference: ctx.patient },
    ...(ctx.encounter ? { encounter: { reference: ctx.encounter } } : {}),
    effectiveDateTime: administration.authored,
    ...(ctx.issued ? { issued: ctx.issued } : {}),
    ...(performer.length > 0 ? { performer } : {}),
    valueQuantity: scoreQuantity(score.total),
    ...(ctx.cutoff === undefined ? {} : {
      interpretation: [interpretTotal(instrument, score.total, ctx.cutoff)],
      referenceRange: [{ low: scoreQuantity(ctx.cutoff), text: 'At or above the cutoff' }],
    }),
    derivedFrom: [{ reference: ctx.response.reference }],
    component: components(instrument, score),
  };
  return [observation];
}
