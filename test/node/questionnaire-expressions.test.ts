// The calculated items must agree with the core: evaluate each calculatedExpression with a real FHIRPath
// engine over responses built the way the app builds them, and compare with scoreAdministration.
import fc from 'fast-check';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import type { Instrument } from '../../src/core/instruments/types';
import type { Administration, Score } from '../../src/core/model';
import { scoreAdministration } from '../../src/core/scoring';
import { EXTENSIONS, IDENTIFIER_SYSTEMS } from '../../src/fhir/codes';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { buildQuestionnaire, totalLinkId } from '../../src/fhir/questionnaire';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { seedResources } from '../../src/node/sandbox/seed';

/** A calculated item with its expression compiled once (parsing dominates the cost of a run). */
interface Calculation {
  readonly linkId: string;
  readonly evaluate: (qr: fhir4.QuestionnaireResponse) => unknown[];
}

function compiled(expression: string): Calculation['evaluate'] {
  const run = fhirpath.compile(expression, r4);
  return (qr) => {
    const result: unknown = run(qr, { resource: qr });
    return Array.isArray(result) ? result : [result];
  };
}

function calculations(instrument: Instrument): Calculation[] {
  return (buildQuestionnaire(instrument).item ?? []).flatMap((item) => {
    const expression = item.extension?.find((e) => e.url === EXTENSIONS.calculatedExpression)?.valueExpression
      ?.expression;
    return expression ? [{ linkId: item.linkId, evaluate: compiled(expression) }] : [];
  });
}

/** What the core says the calculated item should hold. */
function expectedValue(instrument: Instrument, score: Score, linkId: string): number | undefined {
  if (linkId === totalLinkId(instrument)) return score.total;
  const subscale = instrument.subscales.find((s) => s.code === linkId);
  return score.subscales.find((s) => s.id === subscale?.id)?.sum;
}

function answerValue(instrument: Instrument): fc.Arbitrary<number> {
  const { scale } = instrument;
  return scale.type === 'rating-line'
    ? fc.integer({ min: scale.minMm, max: scale.maxMm })
    : fc.constantFrom(...scale.options.map((o) => o.value));
}

function completeAnswers(instrument: Instrument): fc.Arbitrary<Record<string, number>> {
  return fc.record(Object.fromEntries(instrument.items.map((i) => [i.linkId, answerValue(instrument)])));
}

function administration(instrument: Instrument, answers: Record<string, number>): Administration {
  return { id: 'a1', instrument: instrument.id, authored: '2026-05-06T09:00:00Z', status: 'completed', answers };
}

function responseTo(instrument: Instrument, answers: Record<string, number>): fhir4.QuestionnaireResponse {
  return buildQuestionnaireResponse(instrument, administration(instrument, answers), {
    subject: 'Patient/p',
    identifierValue: 'q',
  });
}

const calculationsOf = new Map(Object.values(instruments).map((i) => [i.id, calculations(i)]));

describe.each(Object.values(instruments))('calculatedExpression of $id', (instrument) => {
  const calcs = calculationsOf.get(instrument.id)!;

  it('exists for the total and every subscale', () => {
    expect(calcs.map((c) => c.linkId)).toEqual([...instrument.subscales.map((s) => s.code), totalLinkId(instrument)]);
  });

  it('keeps to normative FHIRPath N1, as R4 does: no sum() (FHIRPath 3.0) and no aggregate() (trial use in N1)', () => {
    const expressions = (buildQuestionnaire(instrument).item ?? [])
      .flatMap((item) => item.extension?.filter((e) => e.url === EXTENSIONS.calculatedExpression) ?? [])
      .map((e) => e.valueExpression?.expression ?? '');
    expect(expressions).toHaveLength(calcs.length);
    for (const expression of expressions) expect(expression).not.toMatch(/\.(sum|aggregate|min|max|avg)\(/);
  });

  it('gives the same totals and subscales as the core on any complete response', () => {
    fc.assert(
      fc.property(completeAnswers(instrument), (answers) => {
        const scored = scoreAdministration(administration(instrument, answers));
        if (!scored.ok) throw new Error(`core refused a complete response: ${scored.error.kind}`);
        const qr = responseTo(instrument, answers);
        for (const { linkId, evaluate } of calcs) {
          const [value, ...more] = evaluate(qr);
          expect(more).toEqual([]);
          expect(value, linkId).toBeCloseTo(expectedValue(instrument, scored.value, linkId)!, 9);
        }
        const [total] = calcs.at(-1)!.evaluate(qr);
        expect(Math.round(Number(total) * 10)).toBe(scored.value.totalTenths);
      }),
      { numRuns: 150 },
    );
  });

  it('is empty when an item it needs is unanswered, as the core refuses to score', () => {
    const withOneMissing = fc
      .tuple(completeAnswers(instrument), fc.constantFrom(...instrument.items.map((i) => i.linkId)))
      .map(([answers, missing]) =>
        Object.fromEntries(Object.entries(answers).filter(([linkId]) => linkId !== missing)),
      );
    fc.assert(
      fc.property(withOneMissing, (answers) => {
        expect(scoreAdministration(administration(instrument, answers)).ok).toBe(false);
        const qr = responseTo(instrument, answers);
        expect(calcs.at(-1)!.evaluate(qr)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('on the sandbox seed (the responses the app has stored)', () => {
  const ours = seedResources()
    .filter((r): r is fhir4.QuestionnaireResponse => r.resourceType === 'QuestionnaireResponse')
    .filter((qr) => qr.identifier?.system === IDENTIFIER_SYSTEMS.questionnaireResponse);

  it('every complete response gets the totals and subscales the core gives it', () => {
    let scored = 0;
    for (const qr of ours) {
      const parsed = parseQuestionnaireResponse(qr);
      if (!parsed.ok) throw new Error(`seed response ${qr.id ?? ''} unreadable: ${parsed.reason}`);
      const instrument = instruments[parsed.administration.instrument];
      const result = scoreAdministration(parsed.administration);
      const total = calculationsOf.get(instrument.id)!.at(-1)!.evaluate(qr);
      if (!result.ok) {
        expect(total, qr.id).toEqual([]);
        continue;
      }
      scored += 1;
      for (const { linkId, evaluate } of calculationsOf.get(instrument.id)!) {
        expect(evaluate(qr)[0], `${qr.id ?? ''} ${linkId}`).toBeCloseTo(
          expectedValue(instrument, result.value, linkId)!,
          9,
        );
      }
    }
    expect(scored).toBeGreaterThan(100);
  });
});

describe('worked examples', () => {
  it('ORS 25 + 40 + 0 + 100 mm = 16.5 points', () => {
    const qr = responseTo(instruments.ors, { 'ors-1': 25, 'ors-2': 40, 'ors-3': 0, 'ors-4': 100 });
    expect(calculations(instruments.ors)[0]!.evaluate(qr)).toEqual([16.5]);
  });

  it('WAI-SR all "always" except item 3 "seldom": Task 20, Bond 16, Goal 20, total 56', () => {
    const answers = Object.fromEntries(instruments['wai-sr'].items.map((i) => [i.linkId, i.number === 3 ? 1 : 5]));
    const qr = responseTo(instruments['wai-sr'], answers);
    expect(calculations(instruments['wai-sr']).map((c) => c.evaluate(qr))).toEqual([[20], [16], [20], [56]]);
  });
});
