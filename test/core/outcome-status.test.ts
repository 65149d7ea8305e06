import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { OutcomeStatus } from '../../src/core/assessment/types';
import { defaultScoringConfig } from '../../src/core/config';
import { day, ors, orsSeries } from './builders';

// Issue 12 (1): the outcome status is judged only when it can be. Hand-computed with the default config:
// cutoff 25 (adult), RCI 5, trajectory judged from the 3rd outcome session, intake-severity model.

const statusOf = (totals: number[]): OutcomeStatus =>
  assessClient({ administrations: orsSeries(totals) }).outcome.status;

describe('assessability: too early before the 3rd session', () => {
  it('is never green on the intake alone', () => {
    expect(statusOf([18])).toBe('too-early');
  });
  it('is too early at session 2 whatever the change short of a reliable one', () => {
    // 20 → 15.2: −4.8 is not reliable (|−4.8| < 5), so nothing can be judged yet ("no alerts" is not "on track").
    const a = assessClient({ administrations: orsSeries([20, 15.2]) });
    expect(a.outcome.status).toBe('too-early');
    expect(a.outcome.trajectoryStatus).toBe('no-status');
    expect(statusOf([20, 24.9])).toBe('too-early');
  });
  it('judges a reliable change from session 2: deteriorating, reliably improved, recovered', () => {
    expect(statusOf([20, 15])).toBe('deteriorating'); // −5.0 ≤ −5
    expect(statusOf([15, 20])).toBe('reliably-improved'); // +5.0, 20 < 25: still in the clinical range
    expect(statusOf([20, 25])).toBe('recovered'); // +5.0 and 25 ≥ 25
  });
});

describe('precedence: deteriorating > recovered > reliably-improved > not-on-track > on-track', () => {
  it('keeps a not-on-track rule active beside reliably-improved', () => {
    // Intake 8: T = 30 − 0.3 × (30 − 8) = 23.4; E(3) = 8 + 15.4 × ln3/ln8 = 8 + 15.4 × 0.5283 = 16.14;
    // lower = 16.14 − 5/1.96 = 16.14 − 2.55 = 13.58 → 13.6. A session-3 score of 13.5 is +5.5 (reliable) but red.
    const a = assessClient({ administrations: orsSeries([8, 10, 13.5]) });
    expect(a.outcome.status).toBe('reliably-improved');
    expect(a.outcome.trajectoryStatus).toBe('not-on-track');
    expect(a.decisions.map((d) => d.rule)).toContain('outcome-not-on-track-early');
  });
  it('is not on track below the band, on track (amber) within it, on track (green) above the course', () => {
    // Intake 15: T = 30 − 0.3 × 15 = 25.5; E(3) = 15 + 10.5 × 0.5283 = 20.55 → 20.5; lower 20.55 − 2.55 = 18.0.
    const at = (latest: number) => assessClient({ administrations: orsSeries([15, 16, latest]) }).outcome;
    expect(at(17.9)).toMatchObject({ status: 'not-on-track', trajectoryStatus: 'not-on-track' });
    expect(at(18)).toMatchObject({ status: 'on-track', trajectoryStatus: 'below-expected' });
    // At 20.5 the gain is +5.5, a reliable improvement, which outranks the trajectory words.
    expect(at(20.5)).toMatchObject({ status: 'reliably-improved', trajectoryStatus: 'on-track' });
    // Intake 20: T = 27; E(3) = 20 + 7 × 0.5283 = 23.70 → 23.7: a score of 23.7 (+3.7) is green on track.
    expect(assessClient({ administrations: orsSeries([20, 21, 23.7]) }).outcome).toMatchObject({
      status: 'on-track',
      trajectoryStatus: 'on-track',
    });
  });
  it('reads intake 24 → 28 at session 3 as on track, not as "not on track"', () => {
    // Intake 24: T = 30 − 0.3 × 6 = 28.2; E(3) = 24 + 4.2 × 0.5283 = 26.2: 28 is above the course. (+4: not reliable.)
    expect(assessClient({ administrations: orsSeries([24, 26, 28]) }).outcome).toMatchObject({
      status: 'on-track',
      trajectoryStatus: 'on-track',
    });
  });
  it('puts deterioration above everything, even a non-clinical intake', () => {
    expect(statusOf([30, 32, 25])).toBe('deteriorating');
    expect(statusOf([30, 31, 30])).toBe('non-clinical-intake');
  });
});

describe('properties', () => {
  const green: ReadonlySet<OutcomeStatus> = new Set(['on-track', 'reliably-improved', 'recovered']);
  it('is never green before the trajectory can be judged, unless the change is reliable', () => {
    const totals = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(totals, fc.integer({ min: 2, max: 5 }), (tenths, judgedFrom) => {
        const config = {
          ...defaultScoringConfig,
          notOnTrackEarlyFrom: judgedFrom,
          notOnTrackPersistentFrom: judgedFrom + 1,
        };
        const a = assessClient({ administrations: tenths.map((t, i) => ors(`o${i}`, day(i * 7), t / 10)), config });
        const session = a.outcome.latest!.sessionNumber;
        if (green.has(a.outcome.status) && session < judgedFrom) expect(a.outcome.change?.reliable).toBe('improved');
        if (session === 1) expect(green.has(a.outcome.status)).toBe(false);
      }),
    );
  });
});
