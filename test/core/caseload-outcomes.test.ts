import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import {
  clientOutcome,
  DEFAULT_OUTCOME_OPTIONS,
  myOutcomes,
  type ClientOutcome,
} from '../../src/core/caseload/outcomes';
import { leastSquares, t95, wilson } from '../../src/core/caseload/stats';
import { orsSeries } from './builders';

// Worked examples for the clinician's own outcomes: each figure checked against a hand calculation.

const options = { ...DEFAULT_OUTCOME_OPTIONS, reliableChange: 5, today: '2024-06-01' };
const client = (intake: number, latest: number, extra: Partial<ClientOutcome> = {}): ClientOutcome => ({
  intake,
  latest,
  sessions: 6,
  clinicalIntake: intake < 25,
  cutoff: 25,
  lastDate: '2024-05-25',
  booked: true,
  ...extra,
});

describe('statistics', () => {
  it('Wilson interval: 8 of 10 is 0.490–0.943 (Newcombe 1998 table), 0 of 10 is 0–0.278', () => {
    const a = wilson(8, 10);
    expect(a.low).toBeCloseTo(0.4902, 3);
    expect(a.high).toBeCloseTo(0.9433, 3);
    const b = wilson(0, 10);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 3);
  });

  it('least squares recovers an exact line; t quantiles come from the table', () => {
    const line = leastSquares([10, 12, 14, 24], [10, 8.8, 7.6, 1.6])!;
    expect(line.slope).toBeCloseTo(-0.6, 10);
    expect(line.intercept).toBeCloseTo(16, 10);
    expect(line.residualSd).toBeCloseTo(0, 10);
    expect(t95(2)).toBe(4.303);
    expect(t95(1000)).toBeCloseTo(1.96, 2);
  });
});

describe('my outcomes', () => {
  it('a more distressed caseload: raw effect size 1.13, severity-adjusted 0.88 at the reference intake 17.5', () => {
    // change = 16 − 0.6 × intake; mean intake 15, mean change 7, intake SD √(116/3) = 6.218.
    const clients = [client(10, 20), client(12, 20.8), client(14, 21.6), client(24, 25.6)];
    const figures = myOutcomes(clients, options);
    expect(figures.effectSize?.value).toBeCloseTo(7 / 6.2183, 3);
    expect(figures.severityAdjustedEffectSize?.value).toBeCloseTo(5.5 / 6.2183, 3);
    expect(figures.severityAdjustedEffectSize?.ci.low).toBeCloseTo(figures.severityAdjustedEffectSize!.value, 6);
    expect(figures.effectSize?.tooFew).toBe(true);
  });

  it('shares: reliable improvement, recovery among clinical intakes, deterioration, dropout — each with its N', () => {
    const clients = [
      client(15, 27), // improved and recovered
      client(15, 21), // improved, not recovered
      client(20, 14), // deteriorated
      client(28, 30, { clinicalIntake: false }), // no reliable change, not clinical
      client(18, 18, { sessions: 1, lastDate: '2024-04-01', booked: false }), // one session, none since: dropout
      client(18, 18, { sessions: 1, lastDate: '2024-05-30', booked: false }), // seen two days ago: not yet a dropout
    ];
    const f = myOutcomes(clients, options);
    expect(f.clientsSeen).toBe(6);
    expect([f.reliableImprovement.count, f.reliableImprovement.n]).toEqual([2, 4]);
    expect([f.recovered.count, f.recovered.n]).toEqual([1, 3]);
    expect([f.deterioration.count, f.deterioration.n]).toEqual([1, 4]);
    expect([f.dropout.count, f.dropout.n]).toEqual([1, 6]);
    expect(f.reliableImprovement.ci.low).toBeCloseTo(wilson(2, 4).low, 10);
    expect(f.dropout.tooFew).toBe(true);
  });

  it('takes the figures from the core assessment of the current episode', () => {
    const assessment = assessClient({ administrations: orsSeries([14, 17, 21, 24]) });
    expect(clientOutcome(assessment, false)).toMatchObject({
      intake: 14,
      latest: 24,
      sessions: 4,
      clinicalIntake: true,
      cutoff: 25,
    });
    expect(clientOutcome(assessClient({ administrations: [] }), false)).toBeUndefined();
  });
});
