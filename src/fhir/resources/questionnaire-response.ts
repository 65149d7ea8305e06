import type { Instrument, Item } from '../../core/instruments/types';
import type { Administration } from '../../core/model';
import { CODE_SYSTEM_URL, IDENTIFIER_SYSTEMS, questionnaireUrl } from '../codes';
import { itemText } from '../questionnaire/items';

export interface ResponseContext {
  /** e.g. `Patient/123` */
  readonly subject: string;
  readonly encounter?: string;
  /** Who recorded it (the fhirUser), e.g. `Practitioner/9`. */
  readonly author?: string;
  /** Who gave the answers; the patient when the client rated. */
  readonly source?: string;
  /** Client-generated before the first attempt; the Observations' identifiers derive from it. */
  readonly identifierValue: string;
}

const fhirStatus: Record<Administration['status'], fhir4.QuestionnaireResponse['status']> = {
  completed: 'completed',
  amended: 'amended',
  'in-progress': 'in-progress',
  stopped: 'stopped',
  'entered-in-error': 'entered-in-error',
};

function answerFor(instrument: Instrument, item: Item, value: number): fhir4.QuestionnaireResponseItemAnswer {
  if (item.kind === 'rating-line' || instrument.scale.type !== 'likert') return { valueInteger: value };
  const option = instrument.scale.options.find((o) => o.value === value);
  if (!option) return { valueInteger: value };
  return { valueCoding: { system: CODE_SYSTEM_URL, code: option.code, display: option.label.en } };
}

/** A QuestionnaireResponse for one administration of one of our instruments (rating lines in mm). */
export function buildQuestionnaireResponse(
  instrument: Instrument,
  administration: Administration,
  ctx: ResponseContext,
): fhir4.QuestionnaireResponse {
  const items = instrument.items.map((item): fhir4.QuestionnaireResponseItem => {
    const value = administration.answers[item.linkId];
    return {
      linkId: item.linkId,
      text: itemText(item).en,
      ...(value === undefined ? {} : { answer: [answerFor(instrument, item, value)] }),
    };
  });
  return {
    resourceType: 'QuestionnaireResponse',
    identifier: { system: IDENTIFIER_SYSTEMS.questionnaireResponse, value: ctx.identifierValue },
    questionnaire: `${questionnaireUrl(instrument.id)}|${instrument.version}`,
    status: fhirStatus[administration.status],
    subject: { reference: ctx.subject },
    ...(ctx.encounter ? { encounter: { reference: ctx.encounter } } : {}),
    authored: administration.authored,
    ...(ctx.author ? { author: { reference: ctx.author } } : {}),
    ...(ctx.source ? { source: { reference: ctx.source } } : {}),
    item: items,
  };
}
