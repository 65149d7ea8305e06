import { describe, expect, it } from 'vitest';
import { defaultScoringConfig } from '../../src/core/config';
import type { Administration, RuleDecision, Score } from '../../src/core/model';
import { EXTENSIONS, IDENTIFIER_SYSTEMS, SNOMED_URL } from '../../src/fhir/codes';
import { buildQuestionnaire } from '../../src/fhir/questionnaire';
import { instruments } from '../../src/core/instruments';
import { buildFlag, endFlag } from '../../src/fhir/resources/flag';
import { deterministicUuid, flagIdentifier, fullUrlFor } from '../../src/fhir/resources/identity';
import { buildObservations } from '../../src/fhir/resources/observations';
import { buildProvenance } from '../../src/fhir/resources/provenance';
import { r4Problems } from './write-support';

const orsAdministration: Administration = {
  id: 'qr-1',
  instrument: 'ors',
  authored: '2025-03-04T10:00:00+01:00',
  status: 'completed',
  answers: { 'ors-1': 50, 'ors-2': 40, 'ors-3': 61, 'ors-4': 70 },
};
const orsScore: Score = {
  instrument: 'ors',
  total: 22.1,
  totalTenths: 221,
  subscales: [],
  itemMean: 5.525,
  items: [
    { linkId: 'ors-1', code: 'ors-individual', value: 5 },
    { linkId: 'ors-2', code: 'ors-interpersonal', value: 4 },
    { linkId: 'ors-3', code: 'ors-social', value: 6.1 },
    { linkId: 'ors-4', code: 'ors-overall', value: 7 },
  ],
};
const waiScore: Score = {
  instrument: 'wai-sr',
  total: 48,
  totalTenths: 480,
  itemMean: 4,
  items: Array.from({ length: 12 }, (_, i) => ({ linkId: `wai-sr-${i + 1}`, code: `wai-sr-${i + 1}`, value: 4 })),
  subscales: [
    { id: 'task', sum: 16, mean: 4 },
    { id: 'bond', sum: 16, mean: 4 },
    { id: 'goal', sum: 16, mean: 4 },
  ],
};
const response = { reference: 'urn:uuid:3f2c9e4a-0000-8000-8000-000000000001', identifierValue: 'resp-1' };
const ctx = {
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  clinician: 'Practitioner/c1',
  clientRated: true,
  response,
};

describe('buildObservations', () => {
  it('writes one valid total Observation with items as components and derives its identifier from the response', () => {
    const [total, ...rest] = buildObservations(orsScore, orsAdministration, {
      ...ctx,
      cutoff: 25,
      issued: '2025-03-04T09:05:00Z',
    });
    expect(rest).toHaveLength(0);
    expect(r4Problems(total!)).toEqual([]);
    expect(total!.code.coding?.[0]).toMatchObject({ system: SNOMED_URL, code: '716613004' });
    expect(total!.code.coding?.[1]?.code).toBe('ors-total');
    expect(total!.category?.[0]?.coding?.[0]?.code).toBe('survey');
    expect(total!.valueQuantity).toEqual({
      value: 22.1,
      unit: 'score',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    });
    expect(total!.effectiveDateTime).toBe(orsAdministration.authored);
    expect(total!.derivedFrom).toEqual([{ reference: response.reference }]);
    expect(total!.performer).toEqual([{ reference: 'Patient/p1' }, { reference: 'Practitioner/c1' }]);
    expect(total!.identifier).toEqual([{ system: IDENTIFIER_SYSTEMS.observation, value: 'resp-1/ors-total' }]);
    expect(total!.component?.map((c) => c.valueQuantity?.value)).toEqual([5, 4, 6.1, 7]);
  });

  it('interprets the ORS below its cutoff as clinical range, and at the cutoff as non-clinical', () => {
    const below = buildObservations(orsScore, orsAdministration, { ...ctx, cutoff: 25 })[0]!;
    expect(below.interpretation?.[0]?.coding?.[0]?.code).toBe('L');
    expect(below.interpretation?.[0]?.text).toMatch(/^Clinical range/);
    const at = buildObservations({ ...orsScore, total: 25 }, orsAdministration, { ...ctx, cutoff: 25 })[0]!;
    expect(at.interpretation?.[0]?.coding?.[0]?.code).toBe('N');
  });

  it('calls an SRS below 36 a concern, and leaves the WAI-SR uninterpreted with subscales as components', () => {
    const srs = buildObservations({ ...orsScore, instrument: 'srs', total: 35.9 }, orsAdministration, {
      ...ctx,
      cutoff: 36,
    })[0]!;
    expect(srs.interpretation?.[0]?.text).toMatch(/concern/);
    const wai = buildObservations(
      waiScore,
      { ...orsAdministration, instrument: 'wai-sr' },
      { ...ctx, clientRated: false },
    )[0]!;
    expect(r4Problems(wai)).toEqual([]);
    expect(wai.interpretation).toBeUndefined();
    expect(wai.code.coding).toHaveLength(1);
    expect(wai.component?.slice(0, 3).map((c) => c.code.coding?.[0]?.code)).toEqual([
      'wai-sr-task',
      'wai-sr-bond',
      'wai-sr-goal',
    ]);
    expect(wai.component?.[0]?.valueQuantity?.value).toBe(16);
    expect(wai.performer).toEqual([{ reference: 'Practitioner/c1' }]);
  });
});

const decision: RuleDecision = {
  rule: 'alliance-concern',
  ruleVersion: '1',
  severity: 'medium',
  flag: true,
  thresholds: { srsCutoff: 36 },
  evidence: ['qr-0', 'qr-1'],
  facts: {},
};

describe('Observation and Questionnaire coding', () => {
  it('codes a total exactly as the calculated item it is extracted from, for every instrument', () => {
    const scores = { ors: orsScore, 'wai-sr': waiScore };
    for (const [id, score] of Object.entries(scores)) {
      const instrument = instruments[score.instrument];
      const item = buildQuestionnaire(instrument).item?.find((i) => i.linkId === `${id}-total`);
      const [total] = buildObservations(score, { ...orsAdministration, instrument: score.instrument }, ctx);
      expect(item?.code).toBeDefined();
      expect(total!.code.coding).toEqual(item?.code);
    }
  });
});

describe('buildFlag / endFlag', () => {
  const flagCtx = {
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    clinician: 'Practitioner/c1',
    start: '2025-03-04T10:00:00+01:00',
    evidence: ['QuestionnaireResponse/9', response.reference],
    builtOn: 'qr-1',
    config: defaultScoringConfig,
  };

  it('builds a valid active Flag in plain words that names its rule, version, thresholds and evidence', () => {
    const flag = buildFlag(decision, flagCtx);
    expect(r4Problems(flag)).toEqual([]);
    expect(flag.status).toBe('active');
    expect(flag.code.text).toMatch(/below the alliance cutoff \(36\).* Invite the client/);
    expect(
      flag.extension?.filter((e) => e.url === EXTENSIONS.flagDetail).map((e) => e.valueReference?.reference),
    ).toEqual(flagCtx.evidence);
    const rule = flag.extension?.find((e) => e.url === EXTENSIONS.flagRule)?.extension ?? [];
    expect(rule.find((e) => e.url === 'rule')?.valueCode).toBe('alliance-concern');
    expect(rule.find((e) => e.url === 'version')?.valueString).toBe('1');
    expect(rule.find((e) => e.url === 'threshold')?.extension).toEqual([
      { url: 'name', valueString: 'srsCutoff' },
      { url: 'value', valueDecimal: 36 },
    ]);
    expect(flag.identifier).toEqual([flagIdentifier('Patient/p1', 'alliance-concern', 'qr-1')]);
  });

  it('gives a re-raise on a newer record a new identifier, and a rebuild or a save on the same record the same one', () => {
    const again = buildFlag(decision, flagCtx);
    const otherSaveSameRecord = buildFlag(
      { ...decision, evidence: ['qr-0', 'qr-2'] },
      { ...flagCtx, start: '2025-03-05T10:00:00Z' },
    );
    expect(otherSaveSameRecord.identifier).toEqual(again.identifier);
    const later = buildFlag(decision, { ...flagCtx, builtOn: 'qr-5' });
    expect(again.identifier).toEqual(buildFlag(decision, flagCtx).identifier);
    expect(later.identifier?.[0]?.value).not.toBe(again.identifier?.[0]?.value);
    expect(again.identifier?.[0]?.value).not.toContain('p1');
  });

  it('ends a Flag with status inactive and period.end, keeping its start', () => {
    const ended = endFlag({ ...buildFlag(decision, flagCtx), id: 'f1' }, '2025-04-01T10:00:00Z');
    expect(r4Problems(ended)).toEqual([]);
    expect(ended).toMatchObject({
      id: 'f1',
      status: 'inactive',
      period: { start: flagCtx.start, end: '2025-04-01T10:00:00Z' },
    });
  });
});

describe('buildProvenance', () => {
  it('validates, names the clinician and the app (a contained Device) and points at the response as source', () => {
    const provenance = buildProvenance(['Observation/1', 'Flag/2'], {
      recorded: '2025-03-04T09:05:00Z',
      clinician: 'Practitioner/c1',
      app: { name: 'Therapy Feedback', version: '0.1.0' },
      source: 'QuestionnaireResponse/9',
      tag: { system: IDENTIFIER_SYSTEMS.provenance, value: 'resp-1' },
    });
    expect(r4Problems(provenance)).toEqual([]);
    expect(provenance.agent.map((a) => a.who.reference)).toEqual(['Practitioner/c1', '#app']);
    expect(provenance.contained?.[0]?.resourceType).toBe('Device');
    expect(provenance.entity?.[0]).toEqual({ role: 'source', what: { reference: 'QuestionnaireResponse/9' } });
    expect(provenance.target).toHaveLength(2);
    const { recorded: _recorded, ...withoutRecorded } = provenance;
    expect(r4Problems(withoutRecorded as fhir4.Provenance)).not.toEqual([]);
  });
});

describe('identity', () => {
  it('derives stable, well-formed, distinct uuids', () => {
    const a = deterministicUuid('a|1');
    expect(a).toBe(deterministicUuid('a|1'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const many = new Set(Array.from({ length: 5000 }, (_, i) => deterministicUuid(`x|${i}`)));
    expect(many.size).toBe(5000);
    expect(fullUrlFor({ system: 's', value: 'v' })).toBe(`urn:uuid:${deterministicUuid('s|v')}`);
  });
});
