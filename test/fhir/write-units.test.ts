// The pure parts of the write side: plan choice, backoff, Retry-After, and reference rewriting.
import { describe, expect, it } from 'vitest';
import { detectCapabilities } from '../../src/fhir/capabilities';
import { planWrites } from '../../src/fhir/write/plan';
import { referenceFrom, resolveReferences } from '../../src/fhir/write/references';
import { backoffMs, retryAfterMs } from '../../src/fhir/write/retry';

function statement(options: {
  transaction?: boolean;
  batch?: boolean;
  conditionalCreate?: boolean;
  types?: string[];
  flagInteractions?: string[];
}): unknown {
  const types = options.types ?? ['Questionnaire', 'QuestionnaireResponse', 'Observation', 'Flag', 'Provenance'];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2025-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        interaction: [
          ...(options.transaction ? [{ code: 'transaction' }] : []),
          ...(options.batch ? [{ code: 'batch' }] : []),
        ],
        resource: types.map((type) => ({
          type,
          conditionalCreate: options.conditionalCreate ?? false,
          interaction: (type === 'Flag' && options.flagInteractions
            ? options.flagInteractions
            : ['read', 'search-type', 'create', 'update']
          ).map((code) => ({ code })),
        })),
      },
    ],
  };
}

describe('planWrites', () => {
  it('prefers a transaction, then a batch, then one request each', () => {
    const all = 'user/*.cruds';
    expect(
      planWrites(detectCapabilities(statement({ transaction: true, batch: true, conditionalCreate: true }), all)),
    ).toMatchObject({ mode: 'transaction', conditionalCreate: true, refused: [] });
    expect(planWrites(detectCapabilities(statement({ batch: true }), all))).toMatchObject({
      mode: 'batch',
      conditionalCreate: false,
      batchSearch: true,
    });
    expect(planWrites(detectCapabilities(statement({}), all))).toMatchObject({
      mode: 'individual',
      batchSearch: false,
    });
  });

  it('refuses, in plain words, what the scopes or the server do not allow', () => {
    const plan = planWrites(
      detectCapabilities(
        statement({ transaction: true, flagInteractions: ['read', 'search-type'] }),
        'patient/*.rs patient/QuestionnaireResponse.c patient/Observation.c patient/Provenance.c patient/Flag.cu',
      ),
    );
    expect(plan.refused).toEqual([
      { kind: 'questionnaire', reason: 'not saved: no permission to write Questionnaire' },
      { kind: 'flag-create', reason: 'not saved: this server does not accept Flag creates' },
      { kind: 'flag-end', reason: 'not saved: this server does not accept Flag updates' },
    ]);
  });

  it('reads v1 scopes too', () => {
    const plan = planWrites(
      detectCapabilities(statement({ transaction: true }), 'patient/*.read patient/Observation.write'),
    );
    expect(plan.refused.map((r) => r.kind)).toEqual([
      'questionnaire',
      'response',
      'flag-create',
      'flag-end',
      'provenance',
    ]);
  });
});

describe('retry timing', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const options = { random: () => 0.999, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, {}, options))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffMs(3, {}, { ...options, random: () => 0 })).toBe(0);
  });

  it('honours Retry-After in seconds or as a date, and gives up past the limit', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(backoffMs(0, { retryAfterMs: 5000 }, {})).toBe(5000);
    // After a timeout the request may still land: the retry waits out the landing window first.
    expect(backoffMs(0, { mayLandLate: true }, { requestTimeoutMs: 20_000 })).toBe(20_000);
    expect(backoffMs(0, { mayLandLate: true }, { landingWindowMs: 45_000, random: () => 0.5 })).toBe(45_000);
    expect(backoffMs(0, { retryAfterMs: 120_000 }, { maxRetryAfterMs: 60_000 })).toBeUndefined();
  });
});

describe('references', () => {
  const provenance: fhir4.Provenance = {
    resourceType: 'Provenance',
    recorded: '2025-01-01T00:00:00Z',
    agent: [{ who: { reference: '#app' } }],
    target: [{ reference: 'urn:uuid:a' }, { reference: 'urn:uuid:b' }, { reference: 'Patient/1' }],
    entity: [{ role: 'source', what: { reference: 'urn:uuid:b', display: 'the response' } }],
  };

  it('rewrites each urn to a server id, an identifier or nothing, and leaves other references alone', () => {
    const out = resolveReferences(provenance, (urn) =>
      urn === 'urn:uuid:a'
        ? { to: 'reference', reference: 'Observation/7' }
        : { to: 'identifier', identifier: { system: 's', value: 'v' } },
    );
    expect(out.target).toEqual([
      { reference: 'Observation/7' },
      { identifier: { system: 's', value: 'v' } },
      { reference: 'Patient/1' },
    ]);
    expect(out.entity?.[0]?.what).toEqual({ display: 'the response', identifier: { system: 's', value: 'v' } });
    expect(provenance.target[0]?.reference).toBe('urn:uuid:a');
    expect(resolveReferences(provenance, () => ({ to: 'drop' })).target).toEqual([{ reference: 'Patient/1' }]);
  });

  it('reads where the server stored a resource from its body or its Location', () => {
    expect(referenceFrom('Flag', undefined, { resourceType: 'Flag', id: 'f1' })).toBe('Flag/f1');
    expect(referenceFrom('Flag', 'http://x/fhir/Flag/f2/_history/1', undefined)).toBe('Flag/f2');
    expect(referenceFrom('Flag', 'Observation/3', { resourceType: 'OperationOutcome' })).toBeUndefined();
  });
});
