import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import { earlyParser } from '../../src/fhir/load/early-parse';
import { parseQuestionnaireResponse } from '../../src/fhir/parse/questionnaire-response';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';

// A page's responses are parsed when the page arrives; the history's classification later takes that very
// parse (the same object), and parses afresh whatever no page brought.

const context = { patientId: 'p1', now: Date.UTC(2026, 0, 1) };

function response(n: number): fhir4.QuestionnaireResponse {
  const answers = Object.fromEntries(instruments.ors.items.map((item) => [item.linkId, 10 + n]));
  const authored = `2025-02-0${n}T10:00:00+01:00`;
  return buildQuestionnaireResponse(
    instruments.ors,
    { id: `ors-${n}`, instrument: 'ors', authored, status: 'completed', answers },
    { subject: 'Patient/p1', identifierValue: `ors-${n}` },
  );
}

describe('reading a page of responses as it arrives', () => {
  it('keeps each parse for the classification, the same as a parse made then', () => {
    const onPage = [response(1), response(2)];
    const parser = earlyParser(context);
    parser.page({ resourceType: 'Bundle', type: 'searchset', entry: onPage.map((resource) => ({ resource })) });
    const first = parser.parse(onPage[0]);
    expect(parser.parse(onPage[0])).toBe(first);
    expect(first).toEqual(parseQuestionnaireResponse(onPage[0], context));
    expect(first).toMatchObject({ ok: true, administration: { id: 'ors-1' } });
  });

  it('parses afresh a response no page brought, and leaves what is not a Bundle alone', () => {
    const parser = earlyParser(context);
    parser.page({ resourceType: 'OperationOutcome', issue: [] });
    parser.page(undefined);
    const late = response(3);
    expect(parser.parse(late)).toEqual(parseQuestionnaireResponse(late, context));
    expect(parser.parse(late)).not.toBe(parser.parse(late));
  });
});
