// What both forms of the score Observations share (the compact components form and US Core's panel form):
// the context they are written in, the common fields, and the coded measures of one score.
import type { Instrument } from '../../core/instruments/types';
import type { Administration, Score } from '../../core/model';
import {
  CODE_SYSTEM_URL,
  INTERPRETATION_CODES,
  INTERPRETATION_URL,
  UCUM_URL,
  observationCategoryCode,
  surveyCategory,
} from '../codes';

/** `components`: one Observation per score; `us-core-panel`: a panel with each measure a member Observation. */
export const SCORE_FORMS = ['components', 'us-core-panel'] as const;
export type ScoreForm = (typeof SCORE_FORMS)[number];

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
  /** Which form to write; `components` when omitted. */
  readonly form?: ScoreForm;
}

/** A subscale or item score, coded as its calculated Questionnaire item or question is. */
export interface Measure {
  /** The project code (also the member Observation's identifier suffix). */
  readonly projectCode: string;
  readonly code: fhir4.CodeableConcept;
  readonly value: number;
}

export const scoreQuantity = (value: number): fhir4.Quantity => ({
  value,
  unit: 'score',
  system: UCUM_URL,
  code: '{score}',
});

/** Below the cutoff means "clinical range" for outcome measures and "a concern" for alliance measures. */
function interpretTotal(instrument: Instrument, total: number, cutoff: number): fhir4.CodeableConcept {
  const below = total < cutoff;
  const words =
    instrument.kind === 'outcome'
      ? below
        ? 'Clinical range'
        : 'Non-clinical range'
      : below
        ? 'Alliance concern: worth talking about'
        : 'Alliance at or above the cutoff';
  return {
    coding: [
      below
        ? { system: INTERPRETATION_URL, code: 'L', display: 'Low' }
        : { system: INTERPRETATION_URL, code: 'N', display: 'Normal' },
      {
        system: CODE_SYSTEM_URL,
        code: below ? INTERPRETATION_CODES.belowCutoff : INTERPRETATION_CODES.atOrAboveCutoff,
      },
    ],
    text: `${words} (cutoff ${cutoff})`,
  };
}

/** The total's value with its interpretation and reference range where a cutoff applies. */
export function totalValue(
  instrument: Instrument,
  total: number,
  cutoff: number | undefined,
): Partial<fhir4.Observation> {
  return {
    valueQuantity: scoreQuantity(total),
    ...(cutoff === undefined
      ? {}
      : {
          interpretation: [interpretTotal(instrument, total, cutoff)],
          referenceRange: [{ low: scoreQuantity(cutoff), text: 'At or above the cutoff' }],
        }),
  };
}

function itemName(instrument: Instrument, linkId: string): string {
  const item = instrument.items.find((i) => i.linkId === linkId);
  if (!item) return linkId;
  return item.kind === 'rating-line' ? item.label.en : `${instrument.shortName} item ${item.number}`;
}

/** Subscales first, then items, each with its project code and plain-words name. */
export function measures(instrument: Instrument, score: Score): Measure[] {
  const subscales = score.subscales.map((sub): Measure => {
    const definition = instrument.subscales.find((d) => d.id === sub.id);
    const projectCode = definition?.code ?? sub.id;
    return {
      projectCode,
      code: { coding: [{ system: CODE_SYSTEM_URL, code: projectCode }], text: definition?.label.en ?? sub.id },
      value: sub.sum,
    };
  });
  const items = score.items.map((item): Measure => ({
    projectCode: item.code,
    code: { coding: [{ system: CODE_SYSTEM_URL, code: item.code }], text: itemName(instrument, item.linkId) },
    value: item.value,
  }));
  return [...subscales, ...items];
}

function performers(ctx: ObservationContext): fhir4.Reference[] {
  const who = [...(ctx.clientRated ? [ctx.patient] : []), ...(ctx.clinician ? [ctx.clinician] : [])];
  return who.map((reference) => ({ reference }));
}

/** Status, survey category (and the project's own), subject, encounter, times, performers and the source response. */
export function commonFields(
  instrument: Instrument,
  administration: Administration,
  ctx: ObservationContext,
): Omit<fhir4.Observation, 'code'> {
  const performer = performers(ctx);
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [
      { coding: [surveyCategory()] },
      { coding: [{ system: CODE_SYSTEM_URL, code: observationCategoryCode(instrument.kind) }] },
    ],
    subject: { reference: ctx.patient },
    ...(ctx.encounter ? { encounter: { reference: ctx.encounter } } : {}),
    effectiveDateTime: administration.authored,
    ...(ctx.issued ? { issued: ctx.issued } : {}),
    ...(performer.length > 0 ? { performer } : {}),
    derivedFrom: [{ reference: ctx.response.reference }],
  };
}
