import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import type { Administration, RuleCode } from '../../src/core/model';
import { day, ors, orsSeries, srs, waiSr } from './builders';

const srsSeries = (totals: number[]): Administration[] => totals.map((t, i) => srs(`s${i + 1}`, day(i * 7), t));
const rulesOf = (administrations: Administration[]): RuleCode[] =>
  assessClient({ administrations }).decisions.map((d) => d.rule);
const find = (administrations: Administration[], rule: RuleCode) =>
  assessClient({ administrations }).decisions.find((d) => d.rule === rule);

describe('alliance-concern', () => {
  it('holds below 36, not at 36', () => {
    expect(find(srsSeries([35.9]), 'alliance-concern')).toMatchObject({
      severity: 'medium',
      flag: true,
      evidence: ['s1'],
      thresholds: { cutoff: 36 },
    });
    expect(rulesOf(srsSeries([36]))).toEqual([]);
    expect(assessClient({ administrations: srsSeries([36]) }).alliance.status).toBe('good');
  });
});

describe('alliance-dip', () => {
  it('holds on a drop of 1 point or more against the previous SRS', () => {
    expect(find(srsSeries([39, 38]), 'alliance-dip')).toMatchObject({
      severity: 'low',
      flag: false,
      evidence: ['s1', 's2'],
      facts: { change: -1 },
    });
    expect(rulesOf(srsSeries([39, 38.1]))).not.toContain('alliance-dip');
  });
});

describe('alliance-item-concern', () => {
  it('names the items below 9 points', () => {
    const a = { ...srs('s1', day(0), 38), answers: { 'srs-1': 100, 'srs-2': 89, 'srs-3': 100, 'srs-4': 90 } };
    expect(find([a], 'alliance-item-concern')).toMatchObject({
      severity: 'low',
      flag: false,
      facts: { items: 'srs-goals-topics', lowest: 8.9 },
    });
    const ok = { ...a, answers: { ...a.answers, 'srs-2': 90 } };
    expect(rulesOf([ok])).toEqual([]);
  });
});

describe('alliance-rupture-risk', () => {
  it('(a) holds on a drop of 4 while still above the cutoff, not on 3.9', () => {
    expect(find(srsSeries([40, 36]), 'alliance-rupture-risk')).toMatchObject({
      severity: 'high',
      flag: true,
      evidence: ['s1', 's2'],
      facts: { reasons: 'drop', change: -4 },
    });
    expect(rulesOf(srsSeries([40, 36.1]))).not.toContain('alliance-rupture-risk');
  });
  it('(a) holds on a fall from 36 to below it', () => {
    expect(find(srsSeries([36, 35.5]), 'alliance-rupture-risk')?.facts.reasons).toBe('fell-below-cutoff');
  });
  it('(b) holds on a concern in two consecutive responses', () => {
    expect(find(srsSeries([35, 35.5]), 'alliance-rupture-risk')?.facts.reasons).toBe('consecutive-concern');
    expect(assessClient({ administrations: srsSeries([35, 35.5]) }).alliance.status).toBe('rupture-risk');
  });
  it('(c) holds on a concern while an outcome flag is active in the episode', () => {
    const administrations = [...orsSeries([15, 15, 15]), srs('s', day(14), 35)];
    const d = find(administrations, 'alliance-rupture-risk');
    expect(d?.facts).toMatchObject({
      reasons: 'concern-with-outcome-flag',
      outcomeFlags: 'outcome-not-on-track-early',
    });
    expect(d?.evidence).toEqual(['s']);
  });
  it('(c) does not hold for in-app outcome hints (a sharp drop alone)', () => {
    const administrations = [...orsSeries([15, 27, 21]), srs('s', day(14), 35)];
    expect(rulesOf(administrations)).toEqual(['outcome-sharp-drop', 'alliance-concern', 'alliance-item-concern']);
  });
  it('(c) does not hold when recovery cleared the outcome flags', () => {
    expect(rulesOf([...orsSeries([20, 25]), srs('s', day(7), 35)])).toEqual([
      'outcome-recovered',
      'alliance-concern',
      'alliance-item-concern',
    ]);
  });
  it('does not hold on a single concern with no history', () => {
    expect(rulesOf(srsSeries([30]))).toEqual(['alliance-concern', 'alliance-item-concern']);
    expect(assessClient({ administrations: srsSeries([30]) }).alliance.status).toBe('concern');
  });
});

describe('alliance-wai-drop', () => {
  const base = [ors('o1', day(0), 20)];
  it('is only a hint (alliance-wai-dip) when a subscale mean falls by 0.5, below the reliable 1.0', () => {
    // Bond items 4,4,4,4 → 3,3,4,4: the mean falls 4 → 3.5, a drop of 0.5 < 1.0 (the reliable drop).
    const history = [
      ...base,
      waiSr('w1', day(1), { task: 4, bond: 4, goal: 4 }),
      {
        ...waiSr('w2', day(30), { task: 4, bond: 4, goal: 4 }),
        answers: { ...waiSr('w2', day(30), { task: 4, bond: 4, goal: 4 }).answers, 'wai-sr-3': 3, 'wai-sr-5': 3 },
      },
    ];
    expect(find(history, 'alliance-wai-drop')).toBeUndefined();
    expect(find(history, 'alliance-wai-dip')).toMatchObject({
      severity: 'low',
      flag: false,
      evidence: ['w1', 'w2'],
      thresholds: { subscaleMeanDrop: 0.5 },
      facts: { subscales: 'bond', bondPrevious: 4, bondLatest: 3.5 },
    });
  });
  it('is a Flag when a subscale mean falls by its reliable drop (1.0), naming the subscale', () => {
    // Task mean 4 → 3: a drop of 1.0 ≥ 1.96 × 0.8 × √(2 × (1 − .80)) = 0.99, rounded up to the quarter: 1.0.
    const d = find(
      [
        ...base,
        waiSr('w1', day(1), { task: 4, bond: 4, goal: 4 }),
        waiSr('w2', day(30), { task: 3, bond: 4, goal: 4 }),
      ],
      'alliance-wai-drop',
    );
    expect(d).toMatchObject({
      severity: 'medium',
      flag: true,
      evidence: ['w1', 'w2'],
      thresholds: { reliableTask: 1 },
      facts: { subscales: 'task', taskPrevious: 4, taskLatest: 3 },
    });
  });
  it('does not hold on a drop of 0.25', () => {
    const second = waiSr('w2', day(30), { task: 4, bond: 4, goal: 4 });
    expect(
      rulesOf([
        ...base,
        waiSr('w1', day(1), { task: 4, bond: 4, goal: 4 }),
        { ...second, answers: { ...second.answers, 'wai-sr-1': 3 } },
      ]),
    ).toEqual([]);
  });
  it('needs two WAI-SRs in the episode', () => {
    expect(rulesOf([...base, waiSr('w1', day(1), { task: 1, bond: 1, goal: 1 })])).toEqual([]);
  });
  it('marks the alliance as a concern', () => {
    const a = assessClient({
      administrations: [
        ...base,
        srs('s', day(30), 39),
        waiSr('w1', day(1), { task: 4, bond: 4, goal: 4 }),
        waiSr('w2', day(30), { task: 3, bond: 4, goal: 4 }),
      ],
    });
    expect(a.alliance.status).toBe('concern');
  });
});
