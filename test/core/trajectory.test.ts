import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { defaultScoringConfig } from '../../src/core/config';
import type { TrajectoryModel } from '../../src/core/trajectory/model';
import { ruleBasedTrajectory } from '../../src/core/trajectory/rule-based';
import { orsSeries } from './builders';

const context = { intake: 18, cutoff: 25, config: defaultScoringConfig };

describe('the rule-based trajectory (Mode C)', () => {
  it('rises evenly from the intake to intake + RCI at the 3rd session, then holds', () => {
    const curve = [1, 2, 3, 4, 8].map((s) => ruleBasedTrajectory.expectedAt(s, context)?.expected);
    expect(curve).toEqual([18, 20.5, 23, 23, 23]);
  });
  it('is capped at 40 and absent for a non-clinical intake or a session below 1', () => {
    const config = { ...defaultScoringConfig, orsCutoff: { adult: 40, adolescent: 40, child: 40 } };
    expect(ruleBasedTrajectory.expectedAt(5, { intake: 38, cutoff: 40, config })?.expected).toBe(40);
    expect(ruleBasedTrajectory.expectedAt(3, { ...context, intake: 25 })).toBeUndefined();
    expect(ruleBasedTrajectory.expectedAt(0, context)).toBeUndefined();
  });
  it('classifies: no status before the 3rd session (never green on the intake), then by the gain', () => {
    expect(ruleBasedTrajectory.classify(18, 1, context)).toBe('no-status');
    expect(ruleBasedTrajectory.classify(18, 2, context)).toBe('no-status');
    expect(ruleBasedTrajectory.classify(22.9, 3, context)).toBe('not-on-track');
    expect(ruleBasedTrajectory.classify(23, 3, context)).toBe('on-track');
    expect(ruleBasedTrajectory.classify(10, 6, { ...context, intake: 26 })).toBe('no-status');
  });
});

describe('the assessment shows the expected course', () => {
  it('through the persistent-review session at least, and through the latest session', () => {
    expect(assessClient({ administrations: orsSeries([18]) }).outcome.expected.map((e) => e.sessionNumber)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(
      assessClient({ administrations: orsSeries([18, 18, 18, 18, 18, 18, 18, 18]) }).outcome.expected,
    ).toHaveLength(8);
    expect(assessClient({ administrations: orsSeries([30]) }).outcome.expected).toEqual([]);
  });
});

describe('a plugged-in model (the Mode A contract)', () => {
  // A stand-in for a licensed vendor table: target = intake + 1 per session, nTarget = target − 3.
  const vendorLike: TrajectoryModel = {
    id: 'vendor-test',
    label: 'Vendor-style bands',
    version: '0.0.1',
    expectedAt: (s, c) => ({ sessionNumber: s, expected: c.intake + s - 1, lowerBound: c.intake + s - 4 }),
    classify(latest, s, c) {
      if (s < 2) return 'no-status';
      const target = c.intake + s - 1;
      if (latest >= target) return 'on-track';
      return latest >= target - 3 ? 'below-expected' : 'not-on-track';
    },
  };
  it('drives the not-on-track rules, the curve and the statuses', () => {
    const amber = assessClient({ administrations: orsSeries([15, 15, 16]), trajectory: vendorLike });
    expect(amber.outcome).toMatchObject({ trajectoryStatus: 'below-expected', status: 'on-track' });
    expect(amber.outcome.expected[2]).toEqual({ sessionNumber: 3, expected: 17, lowerBound: 14 });
    expect(amber.decisions).toEqual([]);
    expect(amber.trajectoryModel).toEqual({ id: 'vendor-test', label: 'Vendor-style bands', version: '0.0.1' });
    const red = assessClient({ administrations: orsSeries([15, 15, 20, 14]), trajectory: vendorLike });
    expect(red.decisions.map((d) => [d.rule, d.facts.trajectoryModel])).toEqual([
      ['outcome-not-on-track-early', 'vendor-test'],
      ['outcome-sharp-drop', undefined],
    ]);
  });
  it('cannot make a non-clinical intake not on track', () => {
    const harsh: TrajectoryModel = { ...vendorLike, classify: () => 'not-on-track' };
    const a = assessClient({ administrations: orsSeries([26, 26, 26]), trajectory: harsh });
    expect(a.decisions).toEqual([]);
    expect(a.outcome.status).toBe('non-clinical-intake');
  });
});
