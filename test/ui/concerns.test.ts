import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { RuleDecision } from '../../src/core/model';
import { type ChartFlags, concernOf, concernViews } from '../../src/ui/app/concerns';

const decision = (
  rule: RuleDecision['rule'],
  severity: RuleDecision['severity'],
  flag: boolean,
  facts: RuleDecision['facts'] = {},
): RuleDecision => ({ rule, ruleVersion: '1', severity, flag, thresholds: {}, evidence: [], facts });

const noVisit = () => undefined;

const chart = (over: Partial<ChartFlags> = {}): ChartFlags => ({
  rulesInRecord: new Set(),
  readRefused: undefined,
  write: 'allowed',
  ...over,
});

describe('one alert per clinical concern', () => {
  it('sorts rule codes into outcome, rupture and alliance, whatever the rule set', () => {
    expect(
      ['outcome-deterioration', 'alliance-rupture-risk', 'alliance-dip', 'alliance-wai-drop'].map((r) =>
        concernOf(r as RuleDecision['rule']),
      ),
    ).toEqual(['outcome', 'rupture', 'alliance', 'alliance']);
  });

  it('groups one low SRS’s rules into two alerts, the highest priority first, each with its reasons', () => {
    const views = concernViews(
      [
        decision('alliance-dip', 'low', false),
        decision('alliance-concern', 'medium', true),
        decision('alliance-rupture-risk', 'high', true),
        decision('alliance-item-concern', 'low', false),
      ],
      new Map(),
      chart(),
      noVisit,
    );
    expect(views.map((v) => [v.concern, v.severity, v.reasons.map((r) => r.rule)])).toEqual([
      ['rupture', 'high', ['alliance-rupture-risk']],
      ['alliance', 'medium', ['alliance-concern', 'alliance-dip', 'alliance-item-concern']],
    ]);
  });

  it('says where the alert is kept: in the chart, on save, in the app only, not recordable, or not known', () => {
    const outcome = [decision('outcome-deterioration', 'high', true), decision('outcome-sharp-drop', 'medium', true)];
    const recording = (c: ChartFlags, d = outcome) => concernViews(d, new Map(), c, noVisit)[0]?.recording;
    expect(recording(chart({ rulesInRecord: new Set(['outcome-deterioration', 'outcome-sharp-drop']) }))).toEqual({
      kind: 'recorded',
    });
    expect(recording(chart({ rulesInRecord: new Set(['outcome-deterioration']) }))).toEqual({ kind: 'on-save' });
    expect(recording(chart({ write: 'not-permitted' }))).toEqual({ kind: 'not-recordable', why: 'not-permitted' });
    expect(recording(chart({ readRefused: 403 }))).toEqual({ kind: 'unknown', status: 403 });
    expect(recording(chart(), [decision('alliance-dip', 'low', false)])).toEqual({ kind: 'app-only' });
  });

  it('names the low SRS item with its answer, from the response the rule rests on', () => {
    const srs = (id: string, date: string, values: number[]) => ({
      id,
      instrument: 'srs' as const,
      status: 'completed' as const,
      authored: `${date}T10:00:00Z`,
      answers: Object.fromEntries(values.map((v, i) => [`srs-${i + 1}`, v * 10])),
    });
    const assessment = assessClient({
      administrations: [srs('a', '2025-01-01', [9.5, 9.5, 9.5, 9.5]), srs('b', '2025-01-08', [9, 9.2, 7, 8.5])],
      birthDate: '1980-01-01',
    });
    const byId = new Map(assessment.series.alliance.map((p) => [p.administrationId, p]));
    const item = concernViews(assessment.decisions, byId, chart(), noVisit)
      .flatMap((v) => v.reasons)
      .find((r) => r.rule === 'alliance-item-concern');
    expect(item?.items).toEqual([
      { code: 'srs-approach', value: 7 },
      { code: 'srs-overall', value: 8.5 },
    ]);
  });
});
