import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessClient } from '../../src/core/assess';
import { reconcileFlags } from '../../src/core/flags/reconcile';
import type { InstrumentId } from '../../src/core/instruments/types';
import type { Administration, RuleCode, RuleDecision } from '../../src/core/model';
import { rules } from '../../src/core/rules';
import { scoreAdministration } from '../../src/core/scoring';
import { ScoredAhead } from '../../src/core/series/score-all';
import { day, ors } from './builders';

const mm = fc.integer({ min: 0, max: 100 });
const likert = fc.integer({ min: 1, max: 5 });

function answersFor(instrument: InstrumentId): fc.Arbitrary<Record<string, number>> {
  const count = instrument === 'wai-sr' ? 12 : 4;
  return fc
    .array(instrument === 'wai-sr' ? likert : mm, { minLength: count, maxLength: count })
    .map((values) => Object.fromEntries(values.map((v, i) => [`${instrument}-${i + 1}`, v])));
}

const instrumentArb = fc.constantFrom<InstrumentId>('ors', 'srs', 'cors', 'csrs', 'wai-sr');
const offsetArb = fc.constantFrom('+00:00', '-05:00', '+01:00', '+09:30', '-10:00', '+14:00');
const adminArb = (id: string): fc.Arbitrary<Administration> =>
  fc
    .record({ instrument: instrumentArb, dayN: fc.integer({ min: 0, max: 400 }), offset: offsetArb })
    .chain(({ instrument, dayN, offset }) =>
      answersFor(instrument).map((answers) => ({
        id,
        instrument,
        authored: day(dayN, offset),
        status: 'completed' as const,
        answers,
      })),
    );
const historyArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => adminArb(`r${i}`))));

describe('scoring properties', () => {
  it('keeps every complete valid response within its total range', () => {
    fc.assert(
      fc.property(
        instrumentArb.chain((i) => adminArb('x').filter((a) => a.instrument === i)),
        (a) => {
          const result = scoreAdministration(a);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const [min, max] = a.instrument === 'wai-sr' ? [12, 60] : [0, 40];
          expect(result.value.total).toBeGreaterThanOrEqual(min);
          expect(result.value.total).toBeLessThanOrEqual(max);
          expect(result.value.totalTenths).toBe(Math.round(result.value.total * 10));
        },
      ),
    );
  });
  it('never throws on arbitrary JSON-ish input', () => {
    const loose = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.integer()),
          instrument: fc.oneof(instrumentArb, fc.string()),
          authored: fc.oneof(fc.string(), fc.constant(day(1))),
          status: fc.oneof(fc.constantFrom('completed', 'in-progress'), fc.string()),
          answers: fc.oneof(
            fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.integer(), fc.string())),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(loose, (value) => {
        const result = scoreAdministration(value as unknown as Administration);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
  it('assessment never throws on arbitrary input either', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 5 }),
        fc.option(fc.string(), { nil: undefined }),
        (values, birthDate) => {
          const a = assessClient({
            administrations: values as unknown as Administration[],
            ...(birthDate === undefined ? {} : { birthDate }),
          });
          expect(
            a.unscorable.length +
              a.series.outcome.length +
              a.series.alliance.length +
              a.series.inventory.length +
              a.superseded.length,
          ).toBe(values.length);
        },
      ),
    );
  });
});

describe('assessment properties', () => {
  it('gives the same result with any part scored ahead (for its birth date) as without', () => {
    const birthDates = fc.constantFrom(undefined, '2000-01-01', '2012-06', '2014-03-15');
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.boolean()),
        birthDates,
        birthDates,
        (history, picks, birthDate, scoredFor) => {
          const ahead = new ScoredAhead(scoredFor);
          ahead.add(history.filter((_, i) => picks[i] === true));
          expect(assessClient({ administrations: history, birthDate, scoredAhead: ahead })).toEqual(
            assessClient({ administrations: history, birthDate }),
          );
        },
      ),
    );
  });

  it('gives the same result whatever the input order', () => {
    fc.assert(
      fc.property(
        historyArb.chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })),
        ),
        ([history, shuffled]) => {
          expect(assessClient({ administrations: shuffled, birthDate: '2000-01-01' })).toEqual(
            assessClient({ administrations: history, birthDate: '2000-01-01' }),
          );
        },
      ),
    );
  });
  it('never raises a deterioration after adding an improving session', () => {
    const totals = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(totals, fc.integer({ min: 0, max: 400 }), (tenthsList, bump) => {
        const history = tenthsList.map((t, i) => ors(`o${i}`, day(i * 7), t / 10));
        const before = assessClient({ administrations: history });
        const latest = before.outcome.latest!;
        const next = ors('next', day(tenthsList.length * 7), Math.min(400, latest.totalTenths + bump) / 10);
        const after = assessClient({ administrations: [...history, next] });
        const deteriorates = (a: typeof after) => a.decisions.some((d) => d.rule === 'outcome-deterioration');
        if (!deteriorates(before)) expect(deteriorates(after)).toBe(false);
      }),
    );
  });
  it('raises a deterioration exactly when the change shown is a reliable deterioration', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const a = assessClient({ administrations: history });
        const flagged = a.decisions.some((d) => d.rule === 'outcome-deterioration');
        expect(flagged).toBe(a.outcome.points.length > 1 && a.outcome.change?.reliable === 'deteriorated');
      }),
    );
  });
  it('accounts for every administration exactly once', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const a = assessClient({ administrations: history });
        const seen = [...a.series.outcome, ...a.series.alliance, ...a.series.inventory]
          .map((p) => p.administrationId)
          .concat(
            a.superseded.map((s) => s.administrationId),
            a.unscorable.map((u) => u.administrationId),
          );
        expect(seen.sort()).toEqual(history.map((h) => h.id).sort());
      }),
    );
  });
  it('numbers outcome sessions 1..n in each episode and keeps decisions to the catalogue', () => {
    const known = new Map(rules.map((r) => [r.code, r]));
    fc.assert(
      fc.property(historyArb, (history) => {
        const a = assessClient({ administrations: history });
        for (const e of a.episodes) {
          const sessions = a.series.outcome.filter((p) => p.episode === e.index).map((p) => p.sessionNumber);
          expect(sessions).toEqual(sessions.map((_, i) => i + 1));
        }
        for (const d of a.decisions) {
          const rule = known.get(d.rule)!;
          expect([d.flag, d.severity, d.ruleVersion]).toEqual([rule.flag, rule.severity, rule.version]);
          expect(d.evidence.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('reconcile properties', () => {
  const ruleArb = fc.constantFrom<RuleCode>(...rules.map((r) => r.code));
  const decisionArb = fc.record({ rule: ruleArb, flag: fc.boolean() }).map(({ rule, flag }): RuleDecision => ({
    rule,
    flag,
    ruleVersion: '1.0.0',
    severity: 'high',
    thresholds: {},
    evidence: [],
    facts: {},
  }));
  const activeArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), rule: ruleArb }), {
    selector: (f) => f.id,
    maxLength: 12,
  });

  it('never leaves two active Flags for one rule, and wants every flagged decision active', () => {
    fc.assert(
      fc.property(fc.array(decisionArb, { maxLength: 12 }), activeArb, (desired, active) => {
        const { create, keep, end } = reconcileFlags(desired, active);
        const after = [...keep.map((f) => f.rule), ...create.map((d) => d.rule)];
        expect(new Set(after).size).toBe(after.length);
        expect(new Set(after)).toEqual(new Set(desired.filter((d) => d.flag).map((d) => d.rule)));
        expect(keep.length + end.length).toBe(active.length);
      }),
    );
  });
  it('is independent of the order of active Flags', () => {
    fc.assert(
      fc.property(
        fc.array(decisionArb, { maxLength: 8 }),
        activeArb.chain((a) =>
          fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length })),
        ),
        (desired, [active, shuffled]) => {
          expect(reconcileFlags(desired, shuffled)).toEqual(reconcileFlags(desired, active));
        },
      ),
    );
  });
});
