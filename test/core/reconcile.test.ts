import { describe, expect, it } from 'vitest';
import { duplicateFlags, reconcileFlags } from '../../src/core/flags/reconcile';
import type { RuleCode, RuleDecision } from '../../src/core/model';

const decision = (rule: RuleCode, flag = true): RuleDecision => ({
  rule,
  ruleVersion: '1.0.0',
  severity: 'high',
  flag,
  thresholds: {},
  evidence: [],
  facts: {},
});

describe('reconcileFlags', () => {
  it('creates what is wanted and missing, keeps what holds, ends what no longer holds', () => {
    const result = reconcileFlags(
      [decision('outcome-deterioration'), decision('alliance-concern')],
      [
        { id: 'f1', rule: 'alliance-concern' },
        { id: 'f2', rule: 'outcome-not-on-track-early' },
      ],
    );
    expect(result.create.map((d) => d.rule)).toEqual(['outcome-deterioration']);
    expect(result.keep).toEqual([{ id: 'f1', rule: 'alliance-concern' }]);
    expect(result.end).toEqual([{ id: 'f2', rule: 'outcome-not-on-track-early' }]);
  });
  it('never writes in-app hints as Flags', () => {
    expect(reconcileFlags([decision('outcome-sharp-drop', false)], []).create).toEqual([]);
  });
  it('keeps one Flag per rule (smallest id) and ends the duplicates, whatever the order', () => {
    const active = [
      { id: 'b', rule: 'alliance-concern' as const },
      { id: 'a', rule: 'alliance-concern' as const },
    ];
    for (const order of [active, [...active].reverse()]) {
      const result = reconcileFlags([decision('alliance-concern')], order);
      expect(result.keep.map((f) => f.id)).toEqual(['a']);
      expect(result.end.map((f) => f.id)).toEqual(['b']);
      expect(result.create).toEqual([]);
    }
  });
  it('creates one Flag for a rule wanted twice', () => {
    expect(reconcileFlags([decision('alliance-concern'), decision('alliance-concern')], []).create).toHaveLength(1);
  });
  it('keeps extra fields of the active Flags it returns', () => {
    const result = reconcileFlags(
      [],
      [{ id: 'x', rule: 'alliance-concern' as const, resource: { resourceType: 'Flag' } }],
    );
    expect(result.end[0]?.resource).toEqual({ resourceType: 'Flag' });
  });
});

describe('duplicateFlags', () => {
  it('lists every active Flag but the one reconcileFlags keeps, whatever the order', () => {
    const active = [
      { id: 'f9', rule: 'alliance-concern' as const },
      { id: 'f3', rule: 'alliance-concern' as const },
      { id: 'f5', rule: 'outcome-deterioration' as const },
      { id: 'f4', rule: 'alliance-concern' as const },
    ];
    expect(duplicateFlags(active).map((f) => f.id)).toEqual(['f4', 'f9']);
    expect(duplicateFlags([...active].reverse()).map((f) => f.id)).toEqual(['f4', 'f9']);
    expect(reconcileFlags([decision('alliance-concern')], active).keep.map((f) => f.id)).toEqual(['f3']);
    expect(duplicateFlags([{ id: 'f1', rule: 'alliance-concern' as const }])).toEqual([]);
  });
});
