import { describe, expect, it } from 'vitest';
import {
  bundleSchema,
  capabilityStatementSchema,
  entryStatus,
  flagSchema,
  observationSchema,
  outcomeMessages,
  patientSchema,
  smartConfigurationSchema,
  validate,
} from '../../src/fhir/schemas';

describe('schemas', () => {
  it('lets unknown fields through and keeps them', () => {
    const parsed = validate(patientSchema, {
      resourceType: 'Patient',
      id: 'p',
      birthDate: '2010-04-02',
      _birthDate: { extension: [] },
      vendor: 1,
    });
    expect(parsed.ok && parsed.value['vendor']).toBe(1);
  });

  it('is strict where the domain depends on the value', () => {
    expect(validate(patientSchema, { resourceType: 'Patient', birthDate: '02/04/2010' })).toEqual({
      ok: false,
      error: ['birthDate: expected a FHIR date (YYYY-MM-DD)'],
    });
    expect(validate(flagSchema, { resourceType: 'Flag', status: 'on', code: {}, subject: {} })).toEqual({
      ok: false,
      error: ['status: expected "active" or "inactive" or "entered-in-error"'],
    });
  });

  it('names the path of a nested problem', () => {
    const obs = {
      resourceType: 'Observation',
      status: 'final',
      code: {},
      component: [{ code: {}, valueQuantity: { value: '7' } }],
    };
    expect(validate(observationSchema, obs)).toEqual({
      ok: false,
      error: ['component[0].valueQuantity.value: expected a number'],
    });
    expect(validate(observationSchema, null)).toEqual({ ok: false, error: ['(root): expected an object'] });
  });

  it('reads batch entry statuses and OperationOutcome messages', () => {
    const bundle = bundleSchema.parse({
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: [{ response: { status: '403 Forbidden' } }, { response: { status: 'weird' } }],
    });
    expect(bundle.entry?.map(entryStatus)).toEqual([403, Number.NaN]);
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'forbidden', details: { text: 'Scope does not allow Flag' } },
        { severity: 'error', code: 'invalid', diagnostics: 'bad date', expression: ['Flag.period'] },
        { severity: 'error', code: 'processing' },
      ],
    };
    expect(outcomeMessages(outcome)).toEqual(['Scope does not allow Flag', 'bad date (Flag.period)', 'processing']);
    expect(outcomeMessages('<html>')).toEqual([]);
  });

  it('requires the fields SMART makes mandatory in smart-configuration', () => {
    const result = validate(smartConfigurationSchema, { capabilities: [] });
    expect(result).toEqual({ ok: false, error: ['token_endpoint: missing', 'grant_types_supported: missing'] });
  });

  it('reads a CapabilityStatement with vendor extras', () => {
    const cs = {
      resourceType: 'CapabilityStatement',
      fhirVersion: '4.0.1',
      rest: [{ mode: 'server', resource: [{ type: 'Flag', interaction: [{ code: 'search-type' }], x: 1 }] }],
    };
    expect(validate(capabilityStatementSchema, cs).ok).toBe(true);
  });
});
