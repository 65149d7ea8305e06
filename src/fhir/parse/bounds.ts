import { fail, succeed, type Result } from '../../core/result';

// Hostile or broken data must not hang or crash a reader: a resource nested deeper, or with more values, than
// any real one is refused with a reason before a recursive validator or walker meets it. The walk keeps its
// own stack (two parallel arrays, no allocation per value), so its depth is not the call stack's.

/** JSON nesting levels: our instruments' responses need under 10; SDC forms with groups under 40. */
export const MAX_JSON_DEPTH = 64;
/** Values (objects, arrays and scalars) in one resource or answer: a search page of 1,000 responses fits. */
export const MAX_JSON_VALUES = 2_000_000;

/** Within bounds, or the reason the value is not read. */
export type BoundsCheck = Result<undefined>;

export interface Bounds {
  readonly depth: number;
  readonly values: number;
}

export const DEFAULT_BOUNDS: Bounds = { depth: MAX_JSON_DEPTH, values: MAX_JSON_VALUES };

/** Whether `value` stays within the depth and size bounds; stops at the first excess. */
export function checkBounds(value: unknown, limits: Bounds = DEFAULT_BOUNDS): BoundsCheck {
  if (typeof value !== 'object' || value === null) return succeed(undefined);
  const values: object[] = [value];
  const depths: number[] = [0];
  let seen = 0;
  while (values.length > 0) {
    const next = values.pop()!;
    const depth = depths.pop()!;
    if (depth > limits.depth) return fail(`nested more than ${limits.depth} levels deep: not read (a safety limit)`);
    const children: unknown[] = Array.isArray(next) ? next : Object.values(next);
    seen += children.length + 1;
    if (seen > limits.values) return fail(`more than ${limits.values} values: not read (a safety limit)`);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return succeed(undefined);
}
