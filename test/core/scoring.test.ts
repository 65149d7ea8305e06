import { describe, expect, it } from 'vitest';
import type { Administration } from '../../src/core/model';
import { describeProblem, scoreAdministration } from '../../src/core/scoring';
import { ors, waiSr } from './builders';

const base = { id: 'a1', authored: '2024-03-01T10:00:00+01:00', status: 'completed' } as const;

describe('rating-line scoring', () => {
  it('scores millimetres as points with an exact total', () => {
    const result = scoreAdministration({
      ...base,
      instrument: 'ors',
      answers: { 'ors-1': 61, 'ors-2': 62, 'ors-3': 63, 'ors-4': 63 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.totalTenths).toBe(249);
    expect(result.value.total).toBe(24.9);
    expect(result.value.items.map((i) => i.value)).toEqual([6.1, 6.2, 6.3, 6.3]);
    expect(result.value.items[0]?.code).toBe('ors-individual');
    expect(result.value.itemMean).toBeCloseTo(6.225, 10);
    expect(result.value.subscales).toEqual([]);
  });
  it('sums tenths exactly where floating point would not (0.1 + 0.2)', () => {
    const result = scoreAdministration({
      ...base,
      instrument: 'srs',
      answers: { 'srs-1': 1, 'srs-2': 2, 'srs-3': 0, 'srs-4': 0 },
    });
    expect(result.ok && result.value.total).toBe(0.3);
  });
  it('accepts both ends of the line', () => {
    expect(scoreAdministration(ors('a', base.authored, 0)).ok).toBe(true);
    const top = scoreAdministration(ors('a', base.authored, 40));
    expect(top.ok && top.value.total).toBe(40);
  });
});

describe('WAI-SR scoring', () => {
  it('keys Task 1,2,10,12 / Bond 3,5,7,9 / Goal 4,6,8,11 without reverse scoring', () => {
    const answers = {
      'wai-sr-1': 1,
      'wai-sr-2': 2,
      'wai-sr-10': 3,
      'wai-sr-12': 4,
      'wai-sr-3': 5,
      'wai-sr-5': 5,
      'wai-sr-7': 4,
      'wai-sr-9': 4,
      'wai-sr-4': 2,
      'wai-sr-6': 2,
      'wai-sr-8': 1,
      'wai-sr-11': 1,
    };
    const result = scoreAdministration({ ...base, instrument: 'wai-sr', answers });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.subscales).toEqual([
      { id: 'task', sum: 10, mean: 2.5 },
      { id: 'bond', sum: 18, mean: 4.5 },
      { id: 'goal', sum: 6, mean: 1.5 },
    ]);
    expect(result.value.total).toBe(34);
    expect(result.value.totalTenths).toBe(340);
    expect(result.value.itemMean).toBeCloseTo(34 / 12, 10);
  });
  it('spans 12–60', () => {
    const low = scoreAdministration(waiSr('w', base.authored, { task: 1, bond: 1, goal: 1 }));
    const high = scoreAdministration(waiSr('w', base.authored, { task: 5, bond: 5, goal: 5 }));
    expect(low.ok && low.value.total).toBe(12);
    expect(high.ok && high.value.total).toBe(60);
  });
});

describe('problems', () => {
  const problemOf = (a: unknown, ageBand?: 'adult' | 'child' | 'young-child') => {
    const result = scoreAdministration(a as Administration, ageBand ? { ageBand } : {});
    return result.ok ? undefined : result.error;
  };
  const full = { 'ors-1': 50, 'ors-2': 50, 'ors-3': 50, 'ors-4': 50 };

  it('lists every missing item of an incomplete response', () => {
    expect(problemOf({ ...base, instrument: 'ors', answers: { 'ors-1': 50, 'ors-3': 50 } })).toEqual({
      kind: 'incomplete',
      missing: ['ors-2', 'ors-4'],
    });
  });
  it('refuses out-of-range and fractional answers', () => {
    expect(problemOf({ ...base, instrument: 'ors', answers: { ...full, 'ors-2': 101 } })).toEqual({
      kind: 'out-of-range',
      linkId: 'ors-2',
      value: 101,
      min: 0,
      max: 100,
    });
    expect(problemOf({ ...base, instrument: 'ors', answers: { ...full, 'ors-4': -1 } })).toMatchObject({
      kind: 'out-of-range',
      linkId: 'ors-4',
    });
    // A fraction of a millimetre is another system's decimal points, kept exact (the total is rounded once).
    expect(problemOf({ ...base, instrument: 'ors', answers: { ...full, 'ors-1': 5.5 } })).toBeUndefined();
    expect(problemOf({ ...base, instrument: 'ors', answers: { ...full, 'ors-1': Number.NaN } })).toMatchObject({
      kind: 'not-integer',
    });
    const wai = waiSr('w', base.authored, { task: 3, bond: 3, goal: 3 });
    expect(problemOf({ ...wai, answers: { ...wai.answers, 'wai-sr-7': 6 } })).toEqual({
      kind: 'out-of-range',
      linkId: 'wai-sr-7',
      value: 6,
      min: 1,
      max: 5,
    });
    expect(problemOf({ ...wai, answers: { ...wai.answers, 'wai-sr-7': 0 } })).toMatchObject({
      kind: 'out-of-range',
      min: 1,
    });
  });
  it('refuses answers to items the form does not have and unknown instruments', () => {
    expect(problemOf({ ...base, instrument: 'ors', answers: { ...full, 'srs-1': 50 } })).toEqual({
      kind: 'unknown-item',
      linkId: 'srs-1',
    });
    expect(problemOf({ ...base, instrument: 'phq-9', answers: {} })).toEqual({
      kind: 'unknown-instrument',
      instrument: 'phq-9',
    });
  });
  it('scores another age band (the series warns), and refuses every form under 6', () => {
    expect(problemOf({ ...base, instrument: 'ors', answers: full }, 'child')).toBeUndefined();
    expect(problemOf({ ...base, instrument: 'ors', answers: full }, 'young-child')).toMatchObject({
      kind: 'wrong-age-band',
    });
    expect(problemOf({ ...base, instrument: 'ors', answers: full }, 'adult')).toBeUndefined();
  });
  it.each(['in-progress', 'stopped', 'entered-in-error'] as const)('does not score status %s', (status) => {
    expect(problemOf({ ...base, status, instrument: 'ors', answers: full })).toEqual({
      kind: 'not-scored-status',
      status,
    });
  });
  it('scores amended responses', () => {
    expect(problemOf({ ...base, status: 'amended', instrument: 'ors', answers: full })).toBeUndefined();
  });
  it('explains malformed values instead of throwing', () => {
    expect(problemOf(null)).toEqual({ kind: 'malformed', reason: 'not an object' });
    expect(problemOf({ ...base, instrument: 'ors', answers: { 'ors-1': '5' } })).toMatchObject({
      kind: 'malformed',
      reason: 'answer "ors-1" is not a number',
    });
    expect(problemOf({ ...base, authored: '2024-03', instrument: 'ors', answers: full })).toMatchObject({
      kind: 'malformed',
    });
    expect(problemOf({ ...base, id: '', instrument: 'ors', answers: full })).toMatchObject({
      kind: 'malformed',
      reason: 'id is missing',
    });
    expect(problemOf({ ...base, status: 'done', instrument: 'ors', answers: full })).toMatchObject({
      kind: 'malformed',
    });
    expect(problemOf({ ...base, instrument: 'ors', answers: [] })).toMatchObject({ kind: 'malformed' });
  });
  it('describes each problem in a sentence naming the detail', () => {
    expect(describeProblem({ kind: 'incomplete', missing: ['ors-2'] })).toContain('ors-2');
    expect(describeProblem({ kind: 'out-of-range', linkId: 'ors-1', value: 120, min: 0, max: 100 })).toContain('120');
    expect(describeProblem({ kind: 'not-integer', linkId: 'ors-1', value: 1.5 })).toContain('1.5');
    expect(describeProblem({ kind: 'unknown-item', linkId: 'x-1' })).toContain('x-1');
    expect(describeProblem({ kind: 'unknown-instrument', instrument: 'phq' })).toContain('phq');
    expect(describeProblem({ kind: 'wrong-age-band', instrument: 'ors', ageBand: 'child' })).toContain('child');
    expect(describeProblem({ kind: 'not-scored-status', status: 'stopped' })).toContain('stopped');
    expect(describeProblem({ kind: 'malformed', reason: 'not an object' })).toContain('not an object');
  });
});
