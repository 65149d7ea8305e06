import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { defaultScoringConfig } from '../../src/core/config';
import type { RuleCode } from '../../src/core/model';
import { ors, orsSeries } from './builders';

// These rules are tested with the rule-based trajectory (a gain of the RCI by the 3rd session), whose
// thresholds are plain to compute; the intake-severity model has its own worked examples (trajectory tests).
const config = { ...defaultScoringConfig, trajectoryModel: 'rule-based' as const };
const rulesOf = (totals: number[], birthDate?: string): RuleCode[] =>
  assessClient({ administrations: orsSeries(totals), config, ...(birthDate ? { birthDate } : {}) }).decisions.map(
    (d) => d.rule,
  );
const decision = (totals: number[], rule: RuleCode, birthDate?: string) =>
  assessClient({ administrations: orsSeries(totals), config, ...(birthDate ? { birthDate } : {}) }).decisions.find(
    (d) => d.rule === rule,
  );

describe('clinical cutoff (total < cutoff is clinical)', () => {
  it('treats 24.9 as a clinical adult intake and 25.0 as non-clinical', () => {
    expect(assessClient({ administrations: orsSeries([24.9]) }).outcome.status).toBe('too-early');
    expect(assessClient({ administrations: orsSeries([25]) }).outcome.status).toBe('non-clinical-intake');
  });
  it('uses the age band on the intake day: adolescent 28, child 32', () => {
    expect(assessClient({ birthDate: '2008-06-01', administrations: orsSeries([27.9]) }).outcome).toMatchObject({
      cutoff: 28,
      intakeAgeBand: 'adolescent',
      status: 'too-early',
    });
    expect(assessClient({ birthDate: '2008-06-01', administrations: orsSeries([28]) }).outcome.status).toBe(
      'non-clinical-intake',
    );
    // An ORS given to an 8-year-old is scored (with a warning) against the child cutoff of that day.
    const child = assessClient({ birthDate: '2015-06-01', administrations: [ors('x', '2024-01-01T10:00:00Z', 31.9)] });
    expect(child.outcome.cutoff).toBe(32);
    expect(child.warnings).toEqual([
      { administrationId: 'x', kind: 'age-band-mismatch', instrument: 'ors', ageBand: 'child' },
    ]);
    expect(
      assessClient({
        administrations: [
          {
            ...ors('c', '2024-01-01T10:00:00Z', 31.9),
            instrument: 'cors',
            answers: { 'cors-1': 80, 'cors-2': 80, 'cors-3': 80, 'cors-4': 79 },
          },
        ],
      }).outcome.cutoff,
    ).toBe(32);
  });
  it('keeps the intake cutoff when the client turns 18 during the episode', () => {
    // Intake on 2024-01-01 at 17: cutoff 28, though later sessions are at 18.
    const a = assessClient({ birthDate: '2006-01-05', administrations: orsSeries([26, 27, 27.5]) });
    expect(a.outcome.cutoff).toBe(28);
    expect(a.outcome.latest?.ageBand).toBe('adult');
  });
});

describe('outcome-deterioration', () => {
  it('holds at exactly −5 and not at −4.9', () => {
    expect(rulesOf([20, 15])).toContain('outcome-deterioration');
    expect(rulesOf([20, 15.1])).not.toContain('outcome-deterioration');
  });
  it('carries rule version, severity, thresholds, evidence oldest first and facts', () => {
    expect(decision([20, 18, 15], 'outcome-deterioration')).toEqual({
      rule: 'outcome-deterioration',
      ruleVersion: '1.0.0',
      severity: 'high',
      flag: true,
      thresholds: { reliableChange: 5 },
      evidence: ['o1', 'o3'],
      facts: { intake: 20, latest: 15, change: -5, sessionNumber: 3 },
    });
  });
  it('applies after a non-clinical intake too, and outranks it in the status', () => {
    const a = assessClient({ administrations: orsSeries([32, 26]) });
    expect(a.decisions.map((d) => d.rule)).toContain('outcome-deterioration');
    expect(a.outcome.status).toBe('deteriorating');
  });
  it('clears when a later response recovers', () => {
    expect(rulesOf([20, 14, 21])).not.toContain('outcome-deterioration');
  });
});

describe('outcome-not-on-track', () => {
  it('is not judged before the 3rd outcome response', () => {
    expect(rulesOf([15, 15])).toEqual([]);
  });
  it('raises the early flag at the 3rd, 4th and 5th response when the gain is under 5', () => {
    for (const n of [3, 4, 5]) {
      const totals = Array.from({ length: n }, (_, i) => (i === n - 1 ? 19.9 : 15));
      expect(rulesOf(totals)).toEqual(['outcome-not-on-track-early']);
    }
    expect(decision([15, 16, 19.9], 'outcome-not-on-track-early')).toMatchObject({
      severity: 'medium',
      flag: true,
      thresholds: { cutoff: 25, reliableChange: 5, fromSession: 3 },
      evidence: ['o1', 'o3'],
      facts: { intake: 15, latest: 19.9, change: 4.9, sessionNumber: 3, trajectoryModel: 'rule-based' },
    });
  });
  it('is reliably improved (not a not-on-track flag) with a gain of exactly 5', () => {
    const a = assessClient({ administrations: orsSeries([15, 16, 20]), config });
    expect(a.decisions).toEqual([]);
    // 20 − 15 = +5.0 = the RCI, and 20 < 25: a reliable gain still in the clinical range.
    expect(a.outcome.status).toBe('reliably-improved');
  });
  it('raises the persistent flag from the 6th response on', () => {
    expect(rulesOf([15, 15, 15, 15, 15, 16])).toEqual(['outcome-not-on-track-persistent']);
    expect(rulesOf([15, 15, 15, 15, 15, 16, 17])).toEqual(['outcome-not-on-track-persistent']);
    expect(decision([15, 15, 15, 15, 15, 16], 'outcome-not-on-track-persistent')?.severity).toBe('high');
  });
  it('never applies to a non-clinical intake (at the cutoff)', () => {
    const a = assessClient({ administrations: orsSeries([25, 25, 25, 25, 25, 25]), config });
    expect(a.decisions).toEqual([]);
    expect(a.outcome.status).toBe('non-clinical-intake');
  });
  it('follows the configured session thresholds', () => {
    const early = { ...config, notOnTrackEarlyFrom: 2, notOnTrackPersistentFrom: 4 };
    const a = assessClient({ administrations: orsSeries([15, 15]), config: early });
    expect(a.decisions.map((d) => d.rule)).toEqual(['outcome-not-on-track-early']);
  });
});

describe('outcome-sharp-drop', () => {
  it('holds on a drop of exactly 5 from the previous response, even when not reliable from intake', () => {
    const d = decision([15, 22, 17], 'outcome-sharp-drop');
    expect(d).toMatchObject({
      severity: 'medium',
      flag: false,
      evidence: ['o2', 'o3'],
      facts: { previous: 22, latest: 17, change: -5 },
    });
    expect(rulesOf([15, 22, 17.1])).not.toContain('outcome-sharp-drop');
  });
});

describe('outcome-recovered', () => {
  it('needs a clinical intake, a latest at or above the cutoff and a gain of at least 5', () => {
    expect(decision([20, 25], 'outcome-recovered')).toMatchObject({
      severity: 'info',
      flag: false,
      evidence: ['o1', 'o2'],
      thresholds: { cutoff: 25, reliableChange: 5 },
    });
    expect(rulesOf([20, 24.9])).not.toContain('outcome-recovered');
    expect(rulesOf([21, 25.9])).not.toContain('outcome-recovered');
    expect(rulesOf([25, 31])).not.toContain('outcome-recovered');
    expect(assessClient({ administrations: orsSeries([20, 25]) }).outcome.status).toBe('recovered');
  });
  it('clears the other outcome decisions (a sharp drop while still recovered)', () => {
    expect(rulesOf([15, 35, 29])).toEqual(['outcome-recovered']);
  });
});
