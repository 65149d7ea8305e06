// Search parameter expressions parsed once per process, not once per resource they are evaluated on
// (re-tokenising FHIRPath was two thirds of a search's time over a large store). A stored version never
// changes (the store freezes it), so what is worked out from it is kept with it: a search, its sort and the
// next search over the same responses (a long history read in date windows) evaluate each expression once.
import { evalFhirPath, parseFhirPath } from '@medplum/core';
import type { FhirPathAtom } from '@medplum/core';

const compiled = new Map<string, FhirPathAtom>();
const kept = new WeakMap<object, Map<string, unknown>>();

/** `compute()` for a stored (frozen) version, worked out once per `key`; anything else may still change, so it is not kept. */
export function perStoredVersion<T>(input: unknown, key: string, compute: () => T): T {
  if (typeof input !== 'object' || input === null || !Object.isFrozen(input)) return compute();
  let byKey = kept.get(input);
  if (!byKey) kept.set(input, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

function evaluate(expression: string, input: unknown): readonly unknown[] {
  let atom = compiled.get(expression);
  if (!atom) {
    atom = parseFhirPath(expression);
    compiled.set(expression, atom);
  }
  return Object.freeze(evalFhirPath(atom, input));
}

export function evalSearchExpression(expression: string, input: unknown): readonly unknown[] {
  return perStoredVersion(input, expression, () => evaluate(expression, input));
}
