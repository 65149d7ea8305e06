import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/core/instruments';
import {
  CODE_SYSTEM_URL,
  EXTENSIONS,
  INTERPRETATION_CODES,
  ITEM_CONTROL_SYSTEM,
  observationCategoryCode,
} from '../../src/fhir/codes';
import {
  artefactFileName,
  buildCodeSystem,
  buildQuestionnaire,
  buildValueSets,
  publishedArtefacts,
  serializeArtefact,
} from '../../src/fhir/questionnaire';

const DIR = 'questionnaires';
const REGENERATE = 'run `npm run generate-questionnaires` and commit questionnaires/';

type QItem = fhir4.QuestionnaireItem;

function flatItems(items: readonly QItem[] | undefined): QItem[] {
  return (items ?? []).flatMap((i) => [i, ...flatItems(i.item)]);
}

/** Every Coding in a resource, wherever it sits. */
function codingsIn(value: unknown): fhir4.Coding[] {
  if (Array.isArray(value)) return value.flatMap(codingsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const here = typeof record.system === 'string' && typeof record.code === 'string' ? [record as fhir4.Coding] : [];
  return [...here, ...Object.values(record).flatMap(codingsIn)];
}

const extension = (item: QItem, url: string) => item.extension?.find((e) => e.url === url);
const control = (item: QItem) => extension(item, EXTENSIONS.itemControl)?.valueCodeableConcept?.coding?.[0]?.code;

describe('committed artefacts', () => {
  it('equal what the generator produces', () => {
    const expected = new Map(publishedArtefacts().map((a) => [artefactFileName(a), serializeArtefact(a)]));
    const committed = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed, `files in ${DIR}/ differ from the generator's: ${REGENERATE}`).toEqual(
      [...expected.keys()].sort(),
    );
    for (const [name, text] of expected) {
      expect(readFileSync(`${DIR}/${name}`, 'utf8'), `${DIR}/${name} is out of date: ${REGENERATE}`).toBe(text);
    }
  });

  it('are generated identically twice (no clock, no randomness)', () => {
    expect(publishedArtefacts().map(serializeArtefact)).toEqual(publishedArtefacts().map(serializeArtefact));
  });
});

describe('Questionnaire structure', () => {
  const codeSystem = buildCodeSystem();
  const known = new Set((codeSystem.concept ?? []).map((c) => c.code));

  it.each(Object.values(instruments))('$id: linkIds are unique and every question has a project code', (instrument) => {
    const items = flatItems(buildQuestionnaire(instrument).item);
    const linkIds = items.map((i) => i.linkId);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    for (const item of items.filter((i) => i.type !== 'display')) {
      const own = item.code?.filter((c) => c.system === CODE_SYSTEM_URL) ?? [];
      expect(own.length, `${item.linkId} has no project code`).toBeGreaterThan(0);
    }
    for (const item of items.filter((i) => i.type === 'display')) expect(item.code).toBeUndefined();
  });

  it.each(Object.values(instruments))('$id: one required question per instrument item, with its code', (instrument) => {
    const byLinkId = new Map(flatItems(buildQuestionnaire(instrument).item).map((i) => [i.linkId, i]));
    for (const item of instrument.items) {
      const q = byLinkId.get(item.linkId);
      expect(q?.required).toBe(true);
      expect(q?.code?.map((c) => c.code)).toContain(item.code);
    }
  });

  it('rating lines are integer sliders 0–100 mm with step 1 and anchors where the form has them', () => {
    const sliders = Object.values(instruments)
      .flatMap((i) => flatItems(buildQuestionnaire(i).item))
      .filter((i) => control(i) === 'slider');
    expect(sliders).toHaveLength(16);
    for (const item of sliders) {
      expect(item.type).toBe('integer');
      expect(extension(item, EXTENSIONS.sliderStepValue)?.valueInteger).toBe(1);
      expect(extension(item, EXTENSIONS.minValue)?.valueInteger).toBe(0);
      expect(extension(item, EXTENSIONS.maxValue)?.valueInteger).toBe(100);
      expect(extension(item, EXTENSIONS.unit)?.valueCoding?.code).toBe('mm');
    }
    const srsAnchors = flatItems(buildQuestionnaire(instruments.srs).item).filter((i) =>
      ['lower', 'upper'].includes(control(i) ?? ''),
    );
    expect(srsAnchors.map((i) => i.linkId)).toEqual([
      'srs-1-lower',
      'srs-1-upper',
      'srs-2-lower',
      'srs-2-upper',
      'srs-3-lower',
      'srs-3-upper',
      'srs-4-lower',
      'srs-4-upper',
    ]);
    expect(srsAnchors.every((i) => i.type === 'display')).toBe(true);
  });

  it('the ORS gloss is part of the item text', () => {
    const ors1 = buildQuestionnaire(instruments.ors).item?.find((i) => i.linkId === 'ors-1');
    expect(ors1?.text).toBe('Individually (Personal well-being)');
  });

  it('WAI-SR options carry their weight 1–5 and use the item-control radio-button', () => {
    const questions = flatItems(buildQuestionnaire(instruments['wai-sr']).item).filter((i) => i.type === 'choice');
    expect(questions).toHaveLength(12);
    for (const q of questions) {
      expect(control(q)).toBe('radio-button');
      const weights = q.answerOption?.map(
        (o) => o.extension?.find((e) => e.url === EXTENSIONS.itemWeight)?.valueDecimal,
      );
      expect(weights).toEqual([1, 2, 3, 4, 5]);
      expect(q.answerOption?.map((o) => o.valueCoding?.code)).toEqual([
        'seldom',
        'sometimes',
        'fairly-often',
        'very-often',
        'always',
      ]);
    }
  });

  it('only the totals and subscales are calculated, read-only, with the unit {score}', () => {
    const calculated = Object.values(instruments)
      .flatMap((i) => flatItems(buildQuestionnaire(i).item))
      .filter((i) => extension(i, EXTENSIONS.calculatedExpression));
    expect(calculated.map((i) => i.linkId)).toEqual([
      'ors-total',
      'srs-total',
      'cors-total',
      'csrs-total',
      'wai-sr-task',
      'wai-sr-bond',
      'wai-sr-goal',
      'wai-sr-total',
    ]);
    for (const item of calculated) {
      expect(item.readOnly).toBe(true);
      expect(extension(item, EXTENSIONS.unit)?.valueCoding).toMatchObject({
        system: 'http://unitsofmeasure.org',
        code: '{score}',
      });
    }
  });

  it.each(Object.values(instruments))(
    '$id: SDC 4 observation extraction, a survey panel coded like the Questionnaire with every coded item a member',
    (instrument) => {
      const questionnaire = buildQuestionnaire(instrument);
      expect(questionnaire.extension?.find((e) => e.url === EXTENSIONS.observationExtract)?.valueBoolean).toBe(true);
      expect(
        questionnaire.extension?.find((e) => e.url === EXTENSIONS.observationExtractCategory)?.valueCodeableConcept
          ?.coding?.[0],
      ).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' });
      expect(questionnaire.code?.length).toBeGreaterThan(0);
      const items = flatItems(questionnaire.item);
      const answered = items.filter((i) => i.type !== 'display');
      expect(answered.map((i) => i.linkId)).toEqual([
        ...instrument.items.map((i) => i.linkId),
        ...instrument.subscales.map((s) => s.code),
        `${instrument.id}-total`,
      ]);
      for (const item of answered) {
        expect(item.code?.length, item.linkId).toBeGreaterThan(0);
        // One of SDC 4.0.0's relationship codes (component | member | derived | independent), never mixed with a boolean.
        expect(
          item.extension?.filter((e) => e.url === EXTENSIONS.observationExtract),
          item.linkId,
        ).toEqual([{ url: EXTENSIONS.observationExtract, valueCode: 'member' }]);
      }
      for (const item of items.filter((i) => i.type === 'display'))
        expect(extension(item, EXTENSIONS.observationExtract)).toBeUndefined();
    },
  );

  it('every project code used anywhere exists in the CodeSystem, and no item-control code is made up', () => {
    const used = [...buildValueSets(), ...Object.values(instruments).map(buildQuestionnaire)].flatMap(codingsIn);
    const ours = used.filter((c) => c.system === CODE_SYSTEM_URL);
    expect(ours.length).toBeGreaterThan(50);
    for (const c of ours) expect(known, `unknown code ${c.code}`).toContain(c.code);
    const displays = new Map((codeSystem.concept ?? []).map((c) => [c.code, c.display]));
    for (const c of ours) expect(c.display, `display of ${c.code}`).toBe(displays.get(c.code!));
    const controls = used.filter((c) => c.system === ITEM_CONTROL_SYSTEM).map((c) => c.code);
    expect(new Set(controls)).toEqual(new Set(['slider', 'lower', 'upper', 'radio-button']));
  });
});

describe('CodeSystem', () => {
  const codeSystem = buildCodeSystem();
  const codes = (codeSystem.concept ?? []).map((c) => c.code);

  it('has unique codes, each defined in words, and counts them', () => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(codeSystem.count).toBe(codes.length);
    for (const c of codeSystem.concept ?? []) expect(c.definition?.length, c.code).toBeGreaterThan(20);
  });

  it('covers instruments, every item, subscales, totals, WAI-SR answers and rules', () => {
    for (const instrument of Object.values(instruments)) {
      expect(codes).toContain(instrument.id);
      expect(codes).toContain(`${instrument.id}-total`);
      for (const item of instrument.items) expect(codes).toContain(item.code);
      for (const s of instrument.subscales) expect(codes).toContain(s.code);
    }
    expect(codes).toEqual(
      expect.arrayContaining([
        'seldom',
        'always',
        'outcome-deterioration',
        'alliance-wai-drop',
        'alliance-wai-dip',
        'alliance-rupture-unresolved',
        'outcome-recovered',
      ]),
    );
    expect(codes).toHaveLength(5 + 28 + 3 + 5 + 5 + 12 + 3 + 2 + 4);
  });

  it('defines the codes the write side puts on Observations (categories, cutoff interpretations)', () => {
    const kinds = new Set(Object.values(instruments).map((i) => i.kind));
    for (const kind of kinds) expect(codes).toContain(observationCategoryCode(kind));
    for (const code of Object.values(INTERPRETATION_CODES)) expect(codes).toContain(code);
  });

  it('the rule-code ValueSet lists all twelve rules', () => {
    const rules = buildValueSets().find((v) => v.id === 'rule-codes');
    expect(rules?.compose?.include[0]?.concept).toHaveLength(12);
  });
});
