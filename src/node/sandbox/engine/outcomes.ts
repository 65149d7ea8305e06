// OperationOutcomes the engine itself answers with (Medplum's helpers cover the rest).
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export function outcome(code: OperationOutcomeIssue['code'], text: string, expression?: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text }, ...(expression ? { expression: [expression] } : {}) }],
  };
}
