import { describe, expect, it } from 'vitest';
import {
  normaliseId,
  normaliseReference,
  parseReference,
  referenceId,
  splitCanonical,
} from '../../src/fhir/parse/references';

describe('references', () => {
  it.each([
    ['Patient/abc', 'Patient/abc'],
    ['https://fhir.example-ehr.org/api/FHIR/R4/Patient/e63wRTbPfr1p8UW81d8Seiw3', 'Patient/e63wRTbPfr1p8UW81d8Seiw3'],
    ['Observation/o-1/_history/4', 'Observation/o-1'],
    ['http://h/fhir/Flag/f.2?x=1', 'Flag/f.2'],
    ['#contained', '#contained'],
    ['urn:uuid:0d2c9f6e-1', 'urn:uuid:0d2c9f6e-1'],
    ['not a reference', 'not a reference'],
  ])('normalises %s', (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });

  it('gives the id only for the asked type', () => {
    expect(referenceId('https://h/R4/Patient/p9', 'Patient')).toBe('p9');
    expect(referenceId('Group/p9', 'Patient')).toBeUndefined();
    expect(referenceId(undefined, 'Patient')).toBeUndefined();
    expect(parseReference('patient/p9')).toBeUndefined();
  });

  it('strips a full URL from an id, leaves a bare id alone', () => {
    expect(normaliseId('https://h/api/FHIR/R4/QuestionnaireResponse/q.1')).toBe('q.1');
    expect(normaliseId('q-1')).toBe('q-1');
  });

  it('splits canonicals with and without a version', () => {
    expect(splitCanonical('http://x/Questionnaire/ors|1.0.0')).toEqual({
      url: 'http://x/Questionnaire/ors',
      version: '1.0.0',
    });
    expect(splitCanonical('http://x/Questionnaire/ors')).toEqual({ url: 'http://x/Questionnaire/ors' });
    expect(splitCanonical('http://x/Questionnaire/ors|')).toEqual({ url: 'http://x/Questionnaire/ors' });
  });
});
