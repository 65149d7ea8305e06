// Every published artefact, and a response to each Questionnaire, against the FHIR R4 structural validator.
import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import type { Instrument } from '../../src/core/instruments/types';
import type { Administration } from '../../src/core/model';
import { IDENTIFIER_SYSTEMS, questionnaireUrl } from '../../src/fhir/codes';
import { artefactFileName, publishedArtefacts } from '../../src/fhir/questionnaire';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';
import { r4Problems } from '../fhir/write-support';

function completeAdministration(instrument: Instrument): Administration {
  const value = instrument.scale.type === 'rating-line' ? 73 : 4;
  return {
    id: `adm-${instrument.id}`,
    instrument: instrument.id,
    authored: '2026-03-04T10:15:00+01:00',
    status: 'completed',
    answers: Object.fromEntries(instrument.items.map((i) => [i.linkId, value])),
  };
}

const ctx = {
  subject: 'Patient/p1',
  encounter: 'Encounter/e1',
  author: 'Practitioner/t1',
  source: 'Patient/p1',
  identifierValue: 'qr-1',
};

describe('R4 structural validation', () => {
  it.each(publishedArtefacts().map((a) => [artefactFileName(a), a] as const))('%s is valid', (_name, artefact) => {
    expect(r4Problems(artefact)).toEqual([]);
  });

  it('catches broken artefacts (the validator is really wired, invariants included)', () => {
    const ors = publishedArtefacts().find(
      (a): a is fhir4.Questionnaire => a.id === 'ors' && a.resourceType === 'Questionnaire',
    )!;
    const [instructions, ...rest] = ors.item ?? [];
    const codedDisplay = { ...ors, item: [{ ...instructions!, code: [{ code: 'x' }] }, ...rest] };
    expect(r4Problems(codedDisplay).join()).toContain('que-3');
    const { status: _status, ...noStatus } = ors;
    expect(r4Problems(noStatus as fhir4.Resource).join()).toContain('status');
  });
});

describe('buildQuestionnaireResponse', () => {
  it.each(Object.values(instruments))(
    '$id: a complete response is valid R4 and points at the canonical Questionnaire',
    (instrument) => {
      const qr = buildQuestionnaireResponse(instrument, completeAdministration(instrument), ctx);
      expect(r4Problems(qr)).toEqual([]);
      expect(qr.questionnaire).toBe(`${questionnaireUrl(instrument.id)}|${instrument.version}`);
      expect(qr.identifier).toEqual({ system: IDENTIFIER_SYSTEMS.questionnaireResponse, value: 'qr-1' });
      expect(qr.item?.map((i) => i.linkId)).toEqual(instrument.items.map((i) => i.linkId));
    },
  );

  it('keeps rating lines in mm and WAI-SR answers as codings of the project CodeSystem', () => {
    const ors = buildQuestionnaireResponse(instruments.ors, completeAdministration(instruments.ors), ctx);
    expect(ors.item?.[0]?.answer).toEqual([{ valueInteger: 73 }]);
    const wai = buildQuestionnaireResponse(instruments['wai-sr'], completeAdministration(instruments['wai-sr']), ctx);
    expect(wai.item?.[0]?.answer?.[0]?.valueCoding?.code).toBe('very-often');
  });

  it('uses the Questionnaire item text, so the ORS gloss is included', () => {
    const ors = buildQuestionnaireResponse(instruments.ors, completeAdministration(instruments.ors), ctx);
    expect(ors.item?.[0]?.text).toBe('Individually (Personal well-being)');
  });

  it('leaves an unanswered item without an answer and keeps the status', () => {
    const adm = completeAdministration(instruments.srs);
    const { 'srs-2': _dropped, ...answers } = adm.answers;
    const qr = buildQuestionnaireResponse(
      instruments.srs,
      { ...adm, status: 'in-progress', answers },
      { subject: 'Patient/p1', identifierValue: 'x' },
    );
    expect(qr.status).toBe('in-progress');
    expect(qr.item?.find((i) => i.linkId === 'srs-2')?.answer).toBeUndefined();
    expect(qr.encounter).toBeUndefined();
    expect(r4Problems(qr)).toEqual([]);
  });
});
