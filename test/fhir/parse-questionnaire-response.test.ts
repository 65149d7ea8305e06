import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { questionnaireUrl } from '../../src/fhir/codes';
import { type InstrumentMapping, instrumentMappingSchema } from '../../src/fhir/instrument-mappings';
import { parseQuestionnaireResponse, type ResponseParseResult } from '../../src/fhir/parse/questionnaire-response';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { questionnaireSchema } from '../../src/fhir/schemas/questionnaire';
import {
  epicOrsDecimal,
  foreignWaiSr,
  smartFormsServerQuestionnaire,
  smartFormsSrs,
} from './fixtures/vendor-responses';

const ctx = { subject: 'Patient/p1', identifierValue: 'qr-abc' };

function ours(administration: Administration): fhir4.QuestionnaireResponse {
  return { ...buildQuestionnaireResponse(instruments[administration.instrument], administration, ctx), id: 'server-7' };
}

function expectOk(result: ResponseParseResult) {
  if (!result.ok) throw new Error(`expected a parsed response, got: ${result.reason}`);
  return result;
}

function expectReason(result: ResponseParseResult): string {
  if (result.ok) throw new Error('expected an unreadable response');
  return result.reason;
}

const orsAdmin: Administration = {
  id: 'qr-abc',
  instrument: 'ors',
  authored: '2024-01-10T09:00:00+01:00',
  status: 'completed',
  answers: { 'ors-1': 42, 'ors-2': 0, 'ors-3': 100, 'ors-4': 57 },
};

describe('parseQuestionnaireResponse: our own responses', () => {
  it('round-trips an ORS built by buildQuestionnaireResponse (mm kept as is)', () => {
    const parsed = expectOk(parseQuestionnaireResponse(ours(orsAdmin)));
    expect(parsed.administration).toEqual(orsAdmin);
    expect(parsed).toMatchObject({ patientId: 'p1', sourceId: 'server-7', foreign: false, versionMissing: false });
    expect(parsed.identifier?.value).toBe('qr-abc');
  });

  it('round-trips a WAI-SR answered with our codings', () => {
    const answers = Object.fromEntries(instruments['wai-sr'].items.map((item, i) => [item.linkId, (i % 5) + 1]));
    const admin: Administration = { ...orsAdmin, instrument: 'wai-sr', answers };
    expect(expectOk(parseQuestionnaireResponse(ours(admin))).administration.answers).toEqual(answers);
  });

  it('uses the server id as identity when there is no identifier, and notes a missing version', () => {
    const qr = { ...ours(orsAdmin), identifier: undefined, questionnaire: questionnaireUrl('ors') };
    const parsed = expectOk(parseQuestionnaireResponse(qr));
    expect(parsed.administration.id).toBe('server-7');
    expect(parsed.versionMissing).toBe(true);
  });

  it('keeps an in-progress response with unanswered items (the core reports it incomplete)', () => {
    const partial: Administration = { ...orsAdmin, status: 'in-progress', answers: { 'ors-1': 10 } };
    expect(expectOk(parseQuestionnaireResponse(ours(partial))).administration).toMatchObject({
      status: 'in-progress',
      answers: { 'ors-1': 10 },
    });
  });

  it('reads any number on our canonical in its declared unit, millimetres, never rescaled from its size', () => {
    // 4.56 on our 0–100 mm line is 4.56 mm (kept exact; the core rounds the total once), not 4.56 points.
    const qr = ours(orsAdmin);
    qr.item![1]!.answer = [{ valueDecimal: 4.56 }];
    expect(expectOk(parseQuestionnaireResponse(qr)).administration.answers['ors-2']).toBe(4.56);
  });

  it('keeps authored exactly as written, in any timezone', () => {
    const qr = { ...ours(orsAdmin), authored: '2024-01-10T23:30:00-11:00' };
    expect(expectOk(parseQuestionnaireResponse(qr)).administration.authored).toBe('2024-01-10T23:30:00-11:00');
  });
});

describe('parseQuestionnaireResponse: vendor shapes', () => {
  const epicMapping: InstrumentMapping = instrumentMappingSchema.parse({
    questionnaire: 'https://forms.example-ehr.org/Questionnaire/outcome-rating|3',
    instrument: 'ors',
    linkIds: { 'ors-1': 'ors-1', 'ors-2': 'ors-2', 'ors-3': 'ors-3', 'ors-4': 'ors-4' },
    unit: 'points',
    scale: { min: 0, max: 10 },
  });

  it('reads an Epic-style response through its mapping: full-URL ids, nested group, points → mm, exact', () => {
    const parsed = expectOk(parseQuestionnaireResponse(epicOrsDecimal, { mappings: [epicMapping] }));
    expect(parsed.patientId).toBe('e63wRTbPfr1p8UW81d8Seiw3');
    expect(parsed.sourceId).toBe('eXyZ.123');
    expect(parsed.foreign).toBe(true);
    // 4.25, 5, 6, 7.3 points on a declared 0–10 scale: 42.5, 50, 60, 73 mm (no rounding per item).
    expect(parsed.administration.answers).toEqual({ 'ors-1': 42.5, 'ors-2': 50, 'ors-3': 60, 'ors-4': 73 });
  });

  it('lists a foreign response without a mapping as "unknown scale", naming the instrument', () => {
    const result = parseQuestionnaireResponse(epicOrsDecimal);
    expect(result).toMatchObject({
      ok: false,
      instrument: 'ors',
      reason: expect.stringMatching(/^unknown scale: a ORS not made with our Questionnaire/),
    });
  });

  it('refuses a value outside the declared scale, naming the item', () => {
    const millimetres = { ...epicMapping, unit: 'mm' as const, scale: { min: 0, max: 100 } };
    expect(
      expectOk(parseQuestionnaireResponse(epicOrsDecimal, { mappings: [millimetres] })).administration.answers['ors-1'],
    ).toBe(4.25);
    const tight = { ...epicMapping, scale: { min: 0, max: 7 } };
    expect(expectReason(parseQuestionnaireResponse(epicOrsDecimal, { mappings: [tight] }))).toMatch(
      /answer\[0\]: 7\.3 is outside the declared scale 0–7 points/,
    );
  });

  it('reads 0-based WAI-SR answers through the declared scale or answer codes, never shifted silently', () => {
    const base = foreignWaiSr() as { item: { linkId: string; answer: unknown[] }[] };
    const qr = {
      ...base,
      questionnaire: 'https://other.example/Questionnaire/wai',
      item: base.item.map((it, i) => ({ linkId: `q${i + 1}`, answer: [{ valueInteger: i % 5 }] })),
    };
    const linkIds = Object.fromEntries(base.item.map((_, i) => [`q${i + 1}`, `wai-sr-${i + 1}`]));
    const zeroBased = instrumentMappingSchema.parse({
      questionnaire: 'https://other.example/Questionnaire/wai',
      instrument: 'wai-sr',
      linkIds,
      unit: 'points',
      scale: { min: 0, max: 4 },
    });
    expect(
      Object.values(expectOk(parseQuestionnaireResponse(qr, { mappings: [zeroBased] })).administration.answers),
    ).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]);
    const coded = { ...zeroBased, answers: { 0: 1, 1: 2, 2: 3, 3: 4 } };
    expect(expectReason(parseQuestionnaireResponse(qr, { mappings: [coded] }))).toBe(
      'item[4].answer[0]: answer code "4" is not in the instrumentMappings answers',
    );
    // Without the mapping nothing says what q1… are: listed as unreadable, not scored.
    expect(parseQuestionnaireResponse(qr)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not one of our instruments/),
    });
  });

  it('validates mappings with a message per field', () => {
    const wrong = instrumentMappingSchema.safeParse({
      questionnaire: 'x',
      instrument: 'srs',
      linkIds: { a: 'ors-1' },
      unit: 'points',
      scale: { min: 10, max: 0 },
      answers: { a: 1 },
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort()).toEqual([
      'answers: answer codes apply to coded items only (the WAI-SR)',
      'linkIds.a: "ors-1" is not a linkId of the srs',
      'scale: scale.min must be below scale.max',
    ]);
  });

  it('resolves `Questionnaire/<id>` through the Questionnaires found, so smart-forms answers stay mm', () => {
    const questionnaires = [questionnaireSchema.parse(smartFormsServerQuestionnaire)];
    const parsed = expectOk(parseQuestionnaireResponse(smartFormsSrs, { questionnaires }));
    expect(parsed).toMatchObject({ foreign: false, versionMissing: false });
    expect(parsed.administration).toMatchObject({
      instrument: 'srs',
      status: 'amended',
      answers: { 'srs-1': 91, 'srs-4': 90 },
    });
  });

  it('without the Questionnaire the same response is of unknown scale: 91 is neither read as points nor as mm', () => {
    expect(expectReason(parseQuestionnaireResponse(smartFormsSrs))).toMatch(/^unknown scale: a SRS/);
  });

  it('reads WAI-SR codings on our canonical by display text, by ordinalValue, and plain integers', () => {
    const parsed = expectOk(
      parseQuestionnaireResponse({ ...(foreignWaiSr() as object), questionnaire: questionnaireUrl('wai-sr') }),
    );
    expect(parsed.administration.instrument).toBe('wai-sr');
    expect(Object.values(parsed.administration.answers)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]);
  });

  it('names an unknown WAI-SR option', () => {
    const qr = { ...(foreignWaiSr() as { item: { answer: unknown[] }[] }), questionnaire: questionnaireUrl('wai-sr') };
    qr.item[0]!.answer = [{ valueCoding: { code: 'rarely-ever' } }];
    expect(expectReason(parseQuestionnaireResponse(qr))).toBe('item[0].answer[0]: unknown option "rarely-ever"');
  });

  it('identifies the instrument from item definitions pointing into our canonical, and reads it only through a mapping', () => {
    const qr = {
      resourceType: 'QuestionnaireResponse',
      id: 'd1',
      status: 'completed',
      subject: { reference: 'Patient/p1' },
      authored: '2024-02-02',
      item: [{ linkId: 'q1', definition: `${questionnaireUrl('cors')}#cors-1`, answer: [{ valueDecimal: 9.9 }] }],
    };
    expect(parseQuestionnaireResponse(qr)).toMatchObject({
      ok: false,
      instrument: 'cors',
      reason: expect.stringMatching(/^unknown scale/),
    });
    const byDefinition = instrumentMappingSchema.parse({
      questionnaire: questionnaireUrl('cors'),
      instrument: 'cors',
      linkIds: { q1: 'cors-1' },
      unit: 'points',
      scale: { min: 0, max: 10 },
    });
    expect(expectOk(parseQuestionnaireResponse(qr, { mappings: [byDefinition] })).administration).toMatchObject({
      instrument: 'cors',
      answers: { 'cors-1': 99 },
    });
  });
});

describe('parseQuestionnaireResponse: unreadable input', () => {
  it('gives the path and what was expected, with the date, instrument and id it could still see', () => {
    const qr = ours(orsAdmin) as unknown as { item: { answer: unknown[] }[] };
    qr.item[2]!.answer = [{ valueInteger: 'seven' }];
    const result = parseQuestionnaireResponse(qr);
    expect(result).toEqual({
      ok: false,
      kind: 'damaged',
      reason: 'item[2].answer[0].valueInteger: expected a number',
      date: orsAdmin.authored,
      instrument: 'ors',
      resourceId: 'server-7',
    });
  });

  it('refuses a response nested 1,000 levels deep or too large with a listed reason, never a stack overflow', () => {
    type Item = { linkId: string; item?: Item[]; answer?: unknown[] };
    let item: Item = { linkId: 'ors-1', answer: [{ valueDecimal: 4 }] };
    for (let level = 0; level < 1000; level++) item = { linkId: `g${level}`, item: [item] };
    const deep = { ...ours(orsAdmin), item: [item] };
    const result = parseQuestionnaireResponse(deep);
    expect(result).toMatchObject({
      ok: false,
      kind: 'damaged',
      reason: 'item: nested deeper than 32 levels',
      date: orsAdmin.authored,
      resourceId: 'server-7',
    });
    const wide = {
      ...ours(orsAdmin),
      contained: [{ resourceType: 'Basic', extension: Array.from({ length: 2_000_001 }, () => 0) }],
    };
    expect(expectReason(parseQuestionnaireResponse(wide))).toBe('more than 2000000 values: not read (a safety limit)');
  });

  it('tolerates a few minutes of clock difference but refuses a response authored beyond them', () => {
    const now = Date.parse(orsAdmin.authored);
    expect(parseQuestionnaireResponse(ours(orsAdmin), { now: now - 4 * 60_000 }).ok).toBe(true);
    expect(expectReason(parseQuestionnaireResponse(ours(orsAdmin), { now: now - 6 * 60_000 }))).toMatch(
      /^authored: in the future/,
    );
    // A date alone may already be today in a zone 14 hours ahead of UTC.
    expect(
      parseQuestionnaireResponse(
        { ...ours(orsAdmin), authored: '2024-01-11' },
        { now: Date.parse('2024-01-10T12:00:00Z') },
      ).ok,
    ).toBe(true);
    expect(
      parseQuestionnaireResponse(
        { ...ours(orsAdmin), authored: '2024-01-12' },
        { now: Date.parse('2024-01-10T12:00:00Z') },
      ).ok,
    ).toBe(false);
  });

  it('says what is missing', () => {
    expect(expectReason(parseQuestionnaireResponse({ ...ours(orsAdmin), subject: undefined }))).toBe(
      'subject: missing a Patient reference',
    );
    expect(expectReason(parseQuestionnaireResponse({ ...ours(orsAdmin), authored: undefined }))).toBe(
      'authored: missing',
    );
    expect(expectReason(parseQuestionnaireResponse({ ...ours(orsAdmin), status: undefined }))).toBe('status: missing');
  });

  it('refuses a response that is not one of our instruments', () => {
    const phq = {
      resourceType: 'QuestionnaireResponse',
      id: 'x',
      status: 'completed',
      questionnaire: 'http://loinc.org/q/44249-1',
      item: [{ linkId: '1', answer: [{ valueInteger: 2 }] }],
    };
    expect(expectReason(parseQuestionnaireResponse(phq))).toBe(
      'not one of our instruments (questionnaire: http://loinc.org/q/44249-1)',
    );
  });

  it('refuses an item answered twice', () => {
    const qr = ours(orsAdmin);
    qr.item!.push({ linkId: 'ors-1', answer: [{ valueInteger: 1 }] });
    expect(expectReason(parseQuestionnaireResponse(qr))).toBe('item[4]: ors-1 is answered twice');
  });

  it('names the first of our items with a problem, whatever order the response lists them in', () => {
    const qr = ours(orsAdmin);
    // ors-3 is answered twice (once by its definition), ors-2 has two answers: ors-2 comes first on the form.
    qr.item = [
      { linkId: 'ors-4', answer: [{ valueInteger: 5 }] },
      { linkId: 'ors-3', answer: [{ valueInteger: 1 }] },
      { linkId: 'q3', definition: `${questionnaireUrl('ors')}#ors-3`, answer: [{ valueInteger: 2 }] },
      { linkId: 'ors-2', answer: [{ valueInteger: 3 }, { valueInteger: 4 }] },
      { linkId: 'ors-1', answer: [{ valueInteger: 6 }] },
    ];
    expect(expectReason(parseQuestionnaireResponse(qr))).toBe('item[3]: ors-2 has 2 answers, expected one');
    qr.item.splice(3, 1, { linkId: 'ors-2', answer: [{ valueInteger: 3 }] });
    expect(expectReason(parseQuestionnaireResponse(qr))).toBe('item[2]: ors-3 is answered twice');
    qr.item.splice(2, 1);
    expect(expectOk(parseQuestionnaireResponse(qr)).administration.answers).toEqual({
      'ors-1': 6,
      'ors-2': 3,
      'ors-3': 1,
      'ors-4': 5,
    });
  });

  it('never throws, whatever it is given', () => {
    const qrLike = fc.record(
      {
        resourceType: fc.constantFrom('QuestionnaireResponse', 'Patient', 7),
        status: fc.oneof(fc.constantFrom('completed', 'amended'), fc.anything()),
        questionnaire: fc.oneof(
          fc.constantFrom(questionnaireUrl('ors'), `${questionnaireUrl('wai-sr')}|1.0.0`, 'Questionnaire/1'),
          fc.string(),
        ),
        subject: fc.anything(),
        authored: fc.oneof(fc.constant('2024-01-01'), fc.anything()),
        item: fc.oneof(
          fc.array(
            fc.record({
              linkId: fc.constantFrom('ors-1', 'wai-sr-3', 'x'),
              answer: fc.array(
                fc.dictionary(fc.constantFrom('valueInteger', 'valueDecimal', 'valueCoding'), fc.anything()),
              ),
            }),
          ),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), qrLike), (input) => {
        const result = parseQuestionnaireResponse(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
