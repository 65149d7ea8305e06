import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../src/node/sandbox/auth/faults';
import { grantScopes, isNarrowing, needsPatientPicked } from '../../src/node/sandbox/auth/grant';
import {
  narrowScope,
  parseResourceScope,
  resourceScopesOf,
  scopesPermitting,
} from '../../src/node/sandbox/auth/scopes';

const letters = (text: string) => [...(parseResourceScope(text)?.interactions ?? [])].sort().join('');

describe('SMART scope parsing', () => {
  it('reads v2 permission letters in cruds order', () => {
    expect(letters('patient/Observation.rs')).toBe('rs');
    expect(letters('user/Flag.cruds')).toBe('cdrsu');
    expect(parseResourceScope('patient/*.r')?.resourceType).toBe('*');
  });

  it('maps v1 read, write and * to v2 letters', () => {
    expect(letters('patient/Observation.read')).toBe('rs');
    expect(letters('patient/Observation.write')).toBe('cdu');
    expect(letters('user/*.*')).toBe('cdrsu');
    expect(parseResourceScope('patient/Observation.read')?.version).toBe('v1');
  });

  it('rejects letters out of order, repeated or unknown, and constrained scopes', () => {
    for (const bad of [
      'patient/Observation.sr',
      'patient/Observation.rr',
      'patient/Observation.x',
      'patient/observation.r',
      'launch',
      'patient/Observation.rs?category=survey',
    ]) {
      expect(parseResourceScope(bad), bad).toBeUndefined();
    }
  });

  it('finds the scopes permitting an interaction and never lets system/ through', () => {
    const scopes = resourceScopesOf('patient/Observation.rs user/Questionnaire.read system/Flag.cruds launch');
    expect(scopesPermitting(scopes, { resourceType: 'Observation', interaction: 's' })).toHaveLength(1);
    expect(scopesPermitting(scopes, { resourceType: 'Observation', interaction: 'c' })).toHaveLength(0);
    expect(scopesPermitting(scopes, { resourceType: 'Questionnaire', interaction: 'r' })[0]?.context).toBe('user');
    expect(scopesPermitting(scopes, { resourceType: 'Flag', interaction: 'c' })).toHaveLength(0);
  });

  it('narrows a scope in the syntax it was asked in', () => {
    const remove = new Set(['c', 'u', 'd'] as const);
    expect(narrowScope(parseResourceScope('patient/Flag.crus')!, remove)).toBe('patient/Flag.rs');
    expect(narrowScope(parseResourceScope('patient/Flag.write')!, remove)).toBeUndefined();
    expect(narrowScope(parseResourceScope('patient/Flag.read')!, remove)).toBe('patient/Flag.read');
    expect(narrowScope(parseResourceScope('patient/Flag.*')!, remove)).toBe('patient/Flag.read');
  });
});

describe('granting scopes', () => {
  const WIDE = 'launch openid fhirUser online_access system/*.cruds patient/*.cruds user/*.cruds';

  it('grants what it understands, drops system/ and unknown scopes', () => {
    expect(
      grantScopes('launch openid fhirUser patient/Patient.r system/Flag.r bogus online_access', WIDE, NO_FAULTS),
    ).toBe('launch openid fhirUser patient/Patient.r online_access');
  });

  it('withholds the letters a denied-scope fault names', () => {
    const faults = {
      ...NO_FAULTS,
      denyScope: { resourceType: 'Flag', interactions: ['c' as const, 'u' as const, 'd' as const] },
    };
    expect(grantScopes('patient/Flag.crus patient/Observation.crs patient/Flag.write', WIDE, faults)).toBe(
      'patient/Flag.rs patient/Observation.crs',
    );
  });

  it('never grants beyond the registered scopes, however wide the request', () => {
    const registered =
      'launch openid fhirUser patient/Patient.r patient/Flag.crus patient/Provenance.c patient/Flag.read';
    expect(grantScopes('launch offline_access user/*.cruds patient/*.cruds', registered, NO_FAULTS)).toBe(
      'launch patient/Patient.r patient/Flag.crus patient/Provenance.c',
    );
    expect(grantScopes('patient/Flag.cruds patient/Observation.rs patient/Flag.read', registered, NO_FAULTS)).toBe(
      'patient/Flag.crus patient/Flag.read',
    );
  });

  it('lets a refresh narrow but not widen', () => {
    expect(isNarrowing('patient/Patient.r', 'patient/Patient.r online_access')).toBe(true);
    expect(isNarrowing('patient/Flag.c', 'patient/Patient.r')).toBe(false);
  });

  it('asks for a patient when launch/patient or a patient/ scope is requested', () => {
    expect(needsPatientPicked('openid launch/patient')).toBe(true);
    expect(needsPatientPicked('user/Questionnaire.rs')).toBe(false);
  });
});
