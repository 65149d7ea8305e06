// Responses as another EHR module writes them: rating lines as decimal points 0–10 on the EHR's own form
// (its items point at ours through `definition`), the WAI-SR on our canonical without its version and
// answered as bare integers, another time zone, absolute references, `amended` status on corrected ones
// and no item text. The app must read all of it.
import { instantOf } from '../../../core/dates';
import type { Instrument } from '../../../core/instruments';
import { questionnaireUrl } from '../../../fhir/codes';

export const OTHER_SYSTEM_BASE = 'https://ehr.example.org/api/FHIR/R4';
const OTHER_OFFSET_HOURS = -5;

function absolute(reference: fhir4.Reference | undefined): fhir4.Reference | undefined {
  return reference?.reference ? { reference: `${OTHER_SYSTEM_BASE}/${reference.reference}` } : undefined;
}

/** The same instant written at UTC−05:00. */
export function inOtherZone(dateTime: string): string {
  const shifted = new Date(instantOf(dateTime) + OTHER_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 19);
  return `${shifted}-05:00`;
}

function reshapeAnswer(
  answer: fhir4.QuestionnaireResponseItemAnswer,
  instrument: Instrument,
): fhir4.QuestionnaireResponseItemAnswer {
  if (instrument.scale.type === 'rating-line') return { valueDecimal: (answer.valueInteger ?? 0) / 10 };
  const code = answer.valueCoding?.code;
  const option = instrument.scale.options.find((o) => o.code === code);
  return { valueInteger: option?.value ?? answer.valueInteger ?? 0 };
}

export function asOtherSystemResponse(
  qr: fhir4.QuestionnaireResponse,
  instrument: Instrument,
): fhir4.QuestionnaireResponse {
  const sessionNumber = Number(/-s(\d+)-/.exec(qr.id ?? '')?.[1] ?? 0);
  const subject = absolute(qr.subject);
  const encounter = absolute(qr.encounter);
  const author = absolute(qr.author);
  const source = absolute(qr.source);
  const pointsScale = instrument.scale.type === 'rating-line';
  return {
    resourceType: 'QuestionnaireResponse',
    id: qr.id,
    identifier: { system: 'https://ehr.example.org/identifiers/flowsheet-response', value: `FR-${qr.id ?? ''}` },
    questionnaire: pointsScale
      ? `${OTHER_SYSTEM_BASE}/Questionnaire/flowsheet-${instrument.id}`
      : questionnaireUrl(instrument.id),
    status: sessionNumber % 2 === 0 ? 'amended' : 'completed',
    ...(subject ? { subject } : {}),
    ...(encounter ? { encounter } : {}),
    ...(qr.authored ? { authored: inOtherZone(qr.authored) } : {}),
    ...(author ? { author } : {}),
    ...(source ? { source } : {}),
    item: (qr.item ?? []).map((item) => ({
      linkId: item.linkId,
      ...(pointsScale ? { definition: `${questionnaireUrl(instrument.id)}#${item.linkId}` } : {}),
      ...(item.answer ? { answer: item.answer.map((a) => reshapeAnswer(a, instrument)) } : {}),
    })),
  };
}
