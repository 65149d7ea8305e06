import type { RuleCode, RuleDecision } from '../model';

/** A Flag that is active on the server, as far as reconciliation cares: its id and the rule it stands for. */
export interface ActiveFlag {
  readonly id: string;
  readonly rule: RuleCode;
}

export interface FlagChanges<F extends ActiveFlag = ActiveFlag> {
  /** Decisions to write as new Flags (one per rule), in rule-code order. */
  readonly create: RuleDecision[];
  /** Active Flags that stay as they are. */
  readonly keep: F[];
  /** Active Flags to end (`inactive` with `period.end`): their rule no longer holds, or they duplicate a kept one. */
  readonly end: F[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By rule, then id: of several Flags of one rule, the first is the one kept. */
const inKeepingOrder = <F extends ActiveFlag>(active: readonly F[]): F[] =>
  [...active].sort((a, b) => byText(a.rule, b.rule) || byText(a.id, b.id));

/**
 * The active Flags that duplicate another of their rule: all but the one reconcileFlags keeps (the smallest
 * id). Two saves racing on a server without conditional create can leave such twins; a load retires them.
 */
export function duplicateFlags<F extends ActiveFlag>(active: readonly F[]): F[] {
  const seen = new Set<RuleCode>();
  const duplicates: F[] = [];
  for (const flag of inKeepingOrder(active)) {
    if (seen.has(flag.rule)) duplicates.push(flag);
    seen.add(flag.rule);
  }
  return duplicates;
}

/**
 * The difference between the Flags that should be active and those that are. Only decisions kept as Flags
 * (`flag: true`) count. At most one active Flag per rule survives: of several, the one with the smallest id
 * is kept, so the outcome does not depend on the order the server listed them in. Pure and deterministic.
 */
export function reconcileFlags<F extends ActiveFlag>(
  desired: readonly RuleDecision[],
  active: readonly F[],
): FlagChanges<F> {
  const wanted = new Map<RuleCode, RuleDecision>();
  for (const d of desired) if (d.flag && !wanted.has(d.rule)) wanted.set(d.rule, d);
  const sorted = inKeepingOrder(active);
  const keep: F[] = [];
  const end: F[] = [];
  const kept = new Set<RuleCode>();
  for (const flag of sorted) {
    if (wanted.has(flag.rule) && !kept.has(flag.rule)) {
      keep.push(flag);
      kept.add(flag.rule);
    } else end.push(flag);
  }
  const create = [...wanted.values()].filter((d) => !kept.has(d.rule)).sort((a, b) => byText(a.rule, b.rule));
  return { create, keep, end };
}
