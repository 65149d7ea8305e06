import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { defaultScoringConfig, parseScoringConfig } from '../../src/core/config';
import { curvesTrajectory } from '../../src/core/trajectory/curves';
import { intakeSeverityTrajectory, targetScore } from '../../src/core/trajectory/intake-severity';
import { orsSeries } from './builders';

// Issue 12 (2): expected change by intake severity. E(k) = I + (T − I) · min(1, ln k / ln 8), T = 30 − 0.3·(30 − I);
// band: lower = E − 5/1.96 (2.551). Values below are computed by hand to four places, then rounded to tenths.

const at = (intake: number) => ({ intake, cutoff: 25, config: defaultScoringConfig });

describe('the intake-severity model', () => {
  it('expects more change from a severe intake than from a mild one', () => {
    expect(targetScore(at(8))).toBeCloseTo(23.4, 9); // 30 − 0.3 × 22
    expect(targetScore(at(24))).toBeCloseTo(28.2, 9); // 30 − 0.3 × 6
  });
  it('follows a log-session course to the target by session 8, with its band', () => {
    // Intake 8: share(2) = 0.6931/2.0794 = 0.3333 → 8 + 15.4 × 0.3333 = 13.133; share(3) = 0.5283 → 16.136.
    const curve = [1, 2, 3, 8, 12].map((s) => intakeSeverityTrajectory.expectedAt(s, at(8)));
    expect(curve).toEqual([
      { sessionNumber: 1, expected: 8, lowerBound: 5.4 }, // 8 − 2.551 = 5.449
      { sessionNumber: 2, expected: 13.1, lowerBound: 10.6 }, // 13.133 − 2.551 = 10.582
      { sessionNumber: 3, expected: 16.1, lowerBound: 13.6 }, // 16.136 − 2.551 = 13.585
      { sessionNumber: 8, expected: 23.4, lowerBound: 20.8 }, // 23.4 − 2.551 = 20.849
      { sessionNumber: 12, expected: 23.4, lowerBound: 20.8 },
    ]);
  });
  it('has no course for a non-clinical intake and judges nothing before the 3rd session', () => {
    expect(intakeSeverityTrajectory.expectedAt(3, at(25))).toBeUndefined();
    expect(intakeSeverityTrajectory.classify(5, 2, at(8))).toBe('no-status');
    expect(intakeSeverityTrajectory.classify(13.5, 3, at(8))).toBe('not-on-track');
    expect(intakeSeverityTrajectory.classify(13.6, 3, at(8))).toBe('below-expected');
    expect(intakeSeverityTrajectory.classify(16.1, 3, at(8))).toBe('on-track');
  });
  it('is the default, and the rule-based model stays an option', () => {
    expect(assessClient({ administrations: orsSeries([8, 10, 13.5]) }).trajectoryModel.id).toBe('intake-severity');
    const ruleBased = { ...defaultScoringConfig, trajectoryModel: 'rule-based' as const };
    // Rule-based: +5.5 ≥ +5 by session 3 is on track, so no not-on-track rule.
    expect(
      assessClient({ administrations: orsSeries([8, 10, 13.5]), config: ruleBased }).decisions.map((d) => d.rule),
    ).not.toContain('outcome-not-on-track-early');
  });
});

describe("an organisation's own curves", () => {
  const parsed = parseScoringConfig({
    trajectoryModel: 'curves',
    expectedCurves: [{ intakeFrom: 10, intakeTo: 19.9, expected: [15, 17, 19, 21], lowerBound: [15, 15, 16, 17] }],
  });
  it('validates the curves with clear messages', () => {
    expect(parseScoringConfig({ expectedCurves: [{ intakeFrom: 20, intakeTo: 10, expected: [1] }] })).toMatchObject({
      ok: false,
      error: ['expectedCurves.0: intakeFrom must not exceed intakeTo'],
    });
  });
  it('uses the curve whose intake range holds the intake, the last value for later sessions', () => {
    if (!parsed.ok) throw new Error(parsed.error.join('; '));
    const context = { intake: 15, cutoff: 25, config: parsed.value };
    expect(curvesTrajectory.expectedAt(6, context)).toEqual({ sessionNumber: 6, expected: 21, lowerBound: 17 });
    expect(curvesTrajectory.classify(15.9, 3, context)).toBe('not-on-track');
    expect(curvesTrajectory.classify(16, 3, context)).toBe('below-expected');
    // Intake 8 is outside every curve: the intake-severity model answers.
    expect(curvesTrajectory.expectedAt(3, { ...context, intake: 8 })).toEqual(
      intakeSeverityTrajectory.expectedAt(3, at(8)),
    );
    expect(assessClient({ administrations: orsSeries([15, 15, 15.9]), config: parsed.value }).outcome.status).toBe(
      'not-on-track',
    );
  });
});
