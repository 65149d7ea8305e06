import { describe, expect, it } from 'vitest';
import { membership, pinSearchToPatient } from '../../src/node/sandbox/auth/compartment';
import { classify } from '../../src/node/sandbox/auth/fhir-access';

describe('patient compartment', () => {
  it('tells members from others by subject reference, relative or absolute', () => {
    expect(membership({ resourceType: 'Observation', subject: { reference: 'Patient/p1' } }, 'p1')).toBe('member');
    expect(membership({ resourceType: 'Observation', subject: { reference: 'http://x/fhir/Patient/p1' } }, 'p1')).toBe(
      'member',
    );
    expect(membership({ resourceType: 'Flag', subject: { reference: 'Patient/p2' } }, 'p1')).toBe('other');
    expect(membership({ resourceType: 'Patient', id: 'p2' }, 'p1')).toBe('other');
    expect(membership({ resourceType: 'Questionnaire', id: 'q' }, 'p1')).toBe('unknown');
  });

  it('adds the patient to a search that names none', () => {
    const pinned = pinSearchToPatient('Observation', 'code=x', 'p1');
    expect(pinned.ok && new URLSearchParams(pinned.value).get('patient')).toBe('Patient/p1');
    const patient = pinSearchToPatient('Patient', '', 'p1');
    expect(patient.ok && new URLSearchParams(patient.value).get('_id')).toBe('p1');
  });

  it('keeps a search that names the same patient and refuses one naming another', () => {
    expect(pinSearchToPatient('QuestionnaireResponse', 'subject=Patient/p1', 'p1').ok).toBe(true);
    expect(pinSearchToPatient('Observation', 'patient=p1', 'p1').ok).toBe(true);
    expect(pinSearchToPatient('Observation', 'patient=Patient/p2', 'p1').ok).toBe(false);
    expect(pinSearchToPatient('Patient', '_id=p2', 'p1').ok).toBe(false);
  });

  it('leaves shared resources unpinned', () => {
    expect(pinSearchToPatient('Questionnaire', 'url=x', 'p1')).toEqual({ ok: true, value: 'url=x' });
  });
});

describe('classifying FHIR requests', () => {
  const access = (method: string, path: string) => {
    const c = classify(method, path);
    return c.kind === 'access'
      ? `${c.access.resourceType}.${c.access.interaction}${c.access.id ? `#${c.access.id}` : ''}`
      : c.kind;
  };

  it('maps methods and paths to SMART interactions', () => {
    expect(access('GET', 'Observation?patient=1')).toBe('Observation.s');
    expect(access('POST', 'Observation/_search')).toBe('Observation.s');
    expect(access('GET', 'Patient/1')).toBe('Patient.r#1');
    expect(access('GET', 'Patient/1/_history/2')).toBe('Patient.r#1');
    expect(access('POST', 'Flag')).toBe('Flag.c');
    expect(access('PUT', 'Flag/9')).toBe('Flag.u#9');
    expect(access('PATCH', '/Flag/9')).toBe('Flag.u#9');
    expect(access('DELETE', 'Flag/9')).toBe('Flag.d#9');
    expect(access('GET', 'metadata')).toBe('public');
    expect(access('POST', '')).toBe('bundle');
    expect(access('GET', '')).toBe('unknown');
  });
});
