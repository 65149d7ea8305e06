import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration, RuptureNote } from '../../src/core/model';
import { day, ors, srs, waiSr } from './builders';

// Issue 12 (7): rupture episodes and their repair. Defaults: a reliable SRS drop is 4 points against the
// client's own level (the median of their last three ratings), the cutoff 36, a repair window of 3 ratings.

/** Weekly sessions: an ORS (20) and an SRS with the given total. */
const sessions = (srsTotals: readonly number[]): Administration[] =>
  srsTotals.flatMap((t, i) => [ors(`o${i + 1}`, day(i * 7), 20), srs(`s${i + 1}`, day(i * 7), t)]);

const assess = (srsTotals: readonly number[], ruptureNotes: RuptureNote[] = []) =>
  assessClient({ administrations: sessions(srsTotals), ruptureNotes });

describe('rupture episodes', () => {
  it('finds a reliable drop and its repair within the window', () => {
    // Level before s4 = median(38, 39, 38) = 38; 38 − 33 = 5 ≥ 4: a rupture at session 4.
    // s5 = 36 < 38; s6 = 38.5 ≥ 38: repaired, 2 ratings later (window 3).
    const a = assess([38, 39, 38, 33, 36, 38.5]);
    expect(a.alliance.ruptures).toEqual([
      {
        measure: 'session-rating',
        trigger: 'reliable-drop',
        startId: 's4',
        startDate: '2024-01-22',
        startSession: 4,
        level: 38,
        value: 33,
        repaired: true,
        repairId: 's6',
        repairDate: '2024-02-05',
        evidence: ['s1', 's2', 's3', 's4', 's6'],
        notes: [],
      },
    ]);
    expect(a.decisions.map((d) => d.rule)).not.toContain('alliance-rupture-unresolved');
  });
  it('leaves repaired open (null) while the window runs', () => {
    // After s4 only s5 (34) so far: 1 of 3 ratings, none back at 38.
    expect(assess([38, 39, 38, 33, 34]).alliance.ruptures.map((r) => r.repaired)).toEqual([null]);
  });
  it('marks an unresolved rupture after the window, with an alert naming the evidence', () => {
    // s5..s7 = 34, 35, 36: none reaches 38 within 3 ratings: repaired false.
    const a = assess([38, 39, 38, 33, 34, 35, 36]);
    expect(a.alliance.ruptures.map((r) => r.repaired)).toEqual([false]);
    expect(a.alliance.status).toBe('rupture-unresolved');
    expect(a.decisions.find((d) => d.rule === 'alliance-rupture-unresolved')).toMatchObject({
      severity: 'high',
      flag: true,
      evidence: ['s1', 's2', 's3', 's4'],
      thresholds: { repairWindow: 3, ruptureDrop: 4 },
      facts: { measure: 'session-rating', level: 38, value: 33, startSession: 4 },
    });
  });
  it('clears the alert when the rating later returns to the level (the record keeps repaired: false)', () => {
    const a = assess([38, 39, 38, 33, 34, 35, 36, 38]);
    expect(a.alliance.ruptures).toMatchObject([{ repaired: false, laterReturnId: 's8' }]);
    expect(a.decisions.map((d) => d.rule)).not.toContain('alliance-rupture-unresolved');
  });
  it('finds a fall below the cutoff after good ratings even when the drop is small', () => {
    // Level median(37, 37.5, 37) = 37; 37 − 35.5 = 1.5 < 4, but 35.5 < 36 after three ratings ≥ 36.
    expect(assess([37, 37.5, 37, 35.5]).alliance.ruptures).toMatchObject([
      { trigger: 'below-cutoff', level: 37, value: 35.5, repaired: null },
    ]);
  });
  it('uses the median of fewer ratings at the start: the mean of two, or the one', () => {
    // Before s3: (38 + 39) / 2 = 38.5; 38.5 − 34.5 = 4.0 ≥ 4.
    expect(assess([38, 39, 34.5]).alliance.ruptures).toMatchObject([{ startId: 's3', level: 38.5, value: 34.5 }]);
    expect(assess([38, 39, 34.6]).alliance.ruptures).toMatchObject([{ trigger: 'below-cutoff' }]);
  });
  it('finds a reliable WAI-SR subscale drop as a rupture of that subscale', () => {
    // Bond mean 4, 4 then 3: level 4, 4 − 3 = 1.0 ≥ the reliable 1.0.
    const history = [
      ors('o', day(0), 20),
      waiSr('w1', day(0), { task: 4, bond: 4, goal: 4 }),
      waiSr('w2', day(28), { task: 4, bond: 4, goal: 4 }),
      waiSr('w3', day(56), { task: 4, bond: 3, goal: 4 }),
    ];
    expect(assessClient({ administrations: history }).alliance.ruptures).toMatchObject([
      { measure: 'wai-sr-bond', level: 4, value: 3, repaired: null },
    ]);
  });
  it("attaches the clinician's notes (kind, addressed) dated within the rupture", () => {
    const note: RuptureNote = { id: 'n1', date: '2024-01-22T11:00:00Z', kind: 'withdrawal', addressed: true };
    const early: RuptureNote = { id: 'n0', date: '2024-01-01T11:00:00Z', kind: 'confrontation', addressed: false };
    const a = assess([38, 39, 38, 33, 36, 38.5], [note, early]);
    expect(a.alliance.ruptures[0]?.notes).toEqual([note]);
    expect(a.alliance.notes).toEqual([note, early]);
  });
});

describe('rupture properties', () => {
  it('repaired is null only while fewer than the window of later ratings exist', () => {
    const totals = fc.array(fc.integer({ min: 200, max: 400 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(totals, (tenths) => {
        const a = assess(tenths.map((t) => t / 10));
        const order = a.alliance.points.map((p) => p.administrationId);
        for (const r of a.alliance.ruptures) {
          const later = order.length - 1 - order.indexOf(r.startId);
          expect(r.repaired === null).toBe(later < 3 && r.repairId === undefined);
          expect(r.level - r.value).toBeGreaterThan(0);
        }
      }),
    );
  });
});
