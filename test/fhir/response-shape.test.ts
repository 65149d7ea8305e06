import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { itemDepth, plainResponse } from '../../src/fhir/parse/response-shape';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { questionnaireResponseSchema } from '../../src/fhir/schemas/questionnaire-response';

// The hand-written fast path must accept only what the zod schema accepts, and give the same reading.

function ours(answers: Record<string, number>): fhir4.QuestionnaireResponse {
  const administration = {
    id: 'qr-1',
    instrument: 'ors' as const,
    authored: '2024-01-10T09:00:00+01:00',
    status: 'completed' as const,
    answers,
  };
  return {
    ...buildQuestionnaireResponse(instruments.ors, administration, { subject: 'Patient/p1', identifierValue: 'qr-1' }),
    id: 'server-1',
  };
}

const mm = fc.integer({ min: 0, max: 100 });
const orsAnswers = fc.record({ 'ors-1': mm, 'ors-2': mm, 'ors-3': mm, 'ors-4': mm });

describe('the fast path of response validation', () => {
  it('takes the responses the app writes, and reads them exactly as the schema path does', () => {
    fc.assert(
      fc.property(orsAnswers, (answers) => {
        const plain = ours(answers);
        expect(plainResponse(plain)).toBe(plain);
        // An extension is valid but not in the plain shape: the same response then goes through zod.
        const viaSchema = { ...plain, extension: [{ url: 'http://example.org/x', valueString: 'y' }] };
        expect(plainResponse(viaSchema)).toBeUndefined();
        expect(parseQuestionnaireResponse(plain)).toEqual(parseQuestionnaireResponse(viaSchema));
      }),
    );
  });

  it('takes the WAI-SR as the app writes it (Likert codings), read exactly as the schema path reads it', () => {
    const answers = Object.fromEntries(instruments['wai-sr'].items.map((item, i) => [item.linkId, 1 + (i % 5)]));
    const administration = {
      id: 'qr-w',
      instrument: 'wai-sr' as const,
      authored: '2024-01-10T09:00:00+01:00',
      status: 'completed' as const,
      answers,
    };
    const plain = {
      ...buildQuestionnaireResponse(instruments['wai-sr'], administration, {
        subject: 'Patient/p1',
        identifierValue: 'qr-w',
      }),
      id: 'server-w',
    };
    expect(plainResponse(plain)).toBe(plain);
    const viaSchema = { ...plain, extension: [{ url: 'http://example.org/x', valueString: 'y' }] };
    const read = parseQuestionnaireResponse(plain);
    expect(read).toEqual(parseQuestionnaireResponse(viaSchema));
    expect(read.ok && read.administration.answers).toEqual(answers);
  });

  it('never accepts what the schema refuses', () => {
    const variants: unknown[] = [
      { ...ours({ 'ors-1': 1 }), authored: '10/01/2024' },
      { ...ours({ 'ors-1': 1 }), status: 'done' },
      { ...ours({ 'ors-1': 1 }), id: '' },
      { ...ours({ 'ors-1': 1 }), subject: { reference: 7 } },
      { ...ours({ 'ors-1': 1 }), item: [{ linkId: 'ors-1', answer: [{ valueInteger: 1.5 }] }] },
      { ...ours({ 'ors-1': 1 }), item: [{ text: 'no linkId' }] },
      { ...ours({ 'ors-1': 1 }), item: {} },
      { ...ours({ 'ors-1': 1 }), item: [{ linkId: 'wai-sr-1', answer: [{ valueCoding: { code: 4 } }] }] },
    ];
    for (const variant of variants) {
      expect(questionnaireResponseSchema.safeParse(variant).success).toBe(false);
      expect(plainResponse(variant)).toBeUndefined();
      expect(parseQuestionnaireResponse(variant).ok).toBe(false);
    }
  });

  it('measures nesting without recursion and refuses hostile depth with a reason', () => {
    let item: fhir4.QuestionnaireResponseItem = { linkId: 'leaf', answer: [{ valueInteger: 1 }] };
    for (let level = 0; level < 100_000; level++) item = { linkId: `g${level}`, answer: [{ item: [item] }] };
    const deep = { ...ours({ 'ors-1': 1 }), item: [item] };
    expect(itemDepth(deep)).toBeGreaterThan(32);
    expect(parseQuestionnaireResponse(deep)).toMatchObject({ ok: false, reason: 'item: nested deeper than 32 levels' });
  });
});
