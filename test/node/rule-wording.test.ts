// A rule's words have one home (src/core/rules/wording): the Flag's text, the CodeSystem, the CDS card and
// the dashboard alert are derived from it, and the figures in them are the configuration's.
import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { defaultScoringConfig, scoringConfigSchema, type ScoringConfig } from '../../src/core/config';
import type { RuleCode, RuleDecision } from '../../src/core/model';
import { rules } from '../../src/core/rules';
import { fillPlaceholders, ruleWording, ruleWordingTables, thresholdFigures } from '../../src/core/rules/wording';
import { ruleConcepts } from '../../src/fhir/questionnaire/concepts';
import { flagText } from '../../src/fhir/resources/flag';
import { detailOf, summaryOf } from '../../src/node/cds-hooks/detail';
import { dashboardMessagesFor } from '../../src/ui/i18n/dashboard';
import { orsSeries } from '../core/builders';
import { languages } from '../../src/core/instruments/types';

const codes = rules.map((r) => r.code);
const figureNames = ['instrument', 'latest', 'intake', 'session'];

const decisionOf = (rule: RuleCode): RuleDecision => ({
  rule,
  ruleVersion: '1.0.0',
  severity: 'medium',
  flag: true,
  thresholds: {},
  evidence: ['o1', 'o3'],
  facts: { intake: 18, latest: 24.5 },
});
const evidence = assessClient({ administrations: orsSeries([18, 21, 24.5]) }).series.outcome;

/** Each rule's words as the four places show them, in English. */
function shown(code: RuleCode, config: ScoringConfig) {
  const concept = ruleConcepts(config).find((c) => c.code === code);
  return {
    flag: flagText(code, config),
    concept,
    summary: summaryOf(decisionOf(code), evidence, config),
    detail: detailOf(decisionOf(code), evidence, 0, config),
    alert: dashboardMessagesFor(config).en.alerts.rule[code],
  };
}

describe('the rules are worded in one place', () => {
  it.each(languages)('no figure is written into the %s templates: each is a named placeholder', (language) => {
    const known = [...Object.keys(thresholdFigures(defaultScoringConfig, language)), ...figureNames];
    for (const wording of Object.values(ruleWordingTables[language].rules))
      for (const template of Object.values(wording)) {
        expect(template, template).not.toMatch(/\d/);
        for (const [, name] of template.matchAll(/\{(\w+)\}/g)) expect(known, template).toContain(name);
      }
  });

  it.each(codes)('%s: Flag text, CodeSystem, CDS card and dashboard alert say the same words', (code) => {
    const words = ruleWording(code, 'en', defaultScoringConfig);
    const { flag, concept, summary, detail, alert } = shown(code, defaultScoringConfig);
    expect(flag).toBe(`${words.meaning} ${words.next}`);
    expect(concept).toMatchObject({ display: words.title, definition: words.meaning });
    expect(summary).toBe(
      fillPlaceholders(words.summary, { instrument: 'ORS', session: 3, latest: '24.5', intake: '18' }),
    );
    expect(summary).not.toMatch(/[{}]/);
    expect(summary.length).toBeLessThan(140);
    for (const part of [words.title, words.meaning, words.next]) expect(detail).toContain(part);
    expect(alert).toEqual({ title: words.title, meaning: words.meaning, next: words.next });
  });

  it.each(codes)('%s: the Spanish alert and the CodeSystem designation are the Spanish wording', (code) => {
    const words = ruleWording(code, 'es', defaultScoringConfig);
    expect(dashboardMessagesFor(defaultScoringConfig).es.alerts.rule[code]).toEqual({
      title: words.title,
      meaning: words.meaning,
      next: words.next,
    });
    expect(ruleConcepts().find((c) => c.code === code)?.es).toBe(words.title);
  });
});

describe('a threshold changed in the configuration changes the figure everywhere it is quoted', () => {
  const changed = scoringConfigSchema.parse({
    orsReliableChange: 7,
    srsCutoff: 31,
    srsRuptureDrop: 6,
    srsDip: 2,
    srsItemConcern: 7.5,
    waiSubscaleMeanDrop: 0.75,
    waiReliableDrop: { task: 1.25, bond: 1, goal: 1 },
    ruptureRepairWindow: 5,
    notOnTrackEarlyFrom: 4,
    notOnTrackPersistentFrom: 8,
  });
  const cases: readonly [RuleCode, string, string, string][] = [
    ['outcome-deterioration', '(5 points)', '(7 points)', '(7 puntos)'],
    ['outcome-not-on-track-early', '3 to 5', '4 to 7', '4 a 7'],
    ['outcome-not-on-track-persistent', 'response 6 or later', 'response 8 or later', 'resultado 8 o posterior'],
    ['outcome-sharp-drop', '(5 points)', '(7 points)', '(7 puntos)'],
    ['outcome-recovered', '(5 points)', '(7 points)', '(7 puntos)'],
    ['alliance-concern', '(36)', '(31)', '(31)'],
    ['alliance-rupture-risk', 'by 4 points', 'by 6 points', 'bajó 6 puntos'],
    ['alliance-dip', 'is 1 or more', 'is 2 or more', 'está 2 o más'],
    ['alliance-item-concern', 'below 9 points', 'below 7.5 points', 'debajo de 7,5 puntos'],
    ['alliance-wai-drop', '(1.0)', '(Task 1.25, Bond 1.0, Goal 1.0)', '(Tarea 1,25, Vínculo 1,0, Meta 1,0)'],
    ['alliance-wai-dip', 'by 0.5 or more', 'by 0.75 or more', 'bajó 0,75 o más'],
    ['alliance-rupture-unresolved', 'within 3 ratings', 'within 5 ratings', 'en 5 valoraciones'],
  ];

  it('covers every rule', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...codes].sort());
  });

  it.each(cases)('%s: %s becomes %s (es: %s)', (code, before, after, spanish) => {
    const { flag, concept, detail, alert } = shown(code, defaultScoringConfig);
    for (const text of [flag, concept?.definition, detail, alert.meaning]) expect(text).toContain(before);
    const now = shown(code, changed);
    for (const text of [now.flag, now.concept?.definition, now.detail, now.alert.meaning]) {
      expect(text).toContain(after);
      expect(text).not.toContain(before);
    }
    expect(dashboardMessagesFor(changed).es.alerts.rule[code].meaning).toContain(spanish);
  });

  it('quotes the alliance cutoff and the item threshold in the CDS card summary too', () => {
    expect(shown('alliance-concern', changed).summary).toBe(
      'ORS: last session rated 24.5, below 31 — ask the client what could be better',
    );
    expect(shown('alliance-item-concern', changed).summary).toContain('rated below 7.5');
  });
});
