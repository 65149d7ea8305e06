// Search parameter expressions parsed once per process, not once per resource they are evaluated on
// (re-tokenising FHIRPath was two thirds of a search's time over a large store).
import { evalFhirPath, parseFhirPath } from '@medplum/core';
import type { FhirPathAtom } from '@medplum/core';

const compiled = new Map<string, FhirPathAtom>();

export function evalSearchExpression(expression: string, input: unknown): unknown[] {
  let atom = compiled.get(expression);
  if (!atom) {
    atom = parseFhirPath(expression);
    compiled.set(expression, atom);
  }
  return evalFhirPath(atom, input);
}
