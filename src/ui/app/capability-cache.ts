import { capabilityStatementSchema, type CapabilityStatement } from '../../fhir/schemas/capability-statement';
import type { OutboxStorage } from '../../fhir/write';
import { readJson } from '../stored';

// The server's CapabilityStatement, kept for the tab (session storage, keyed by the FHIR base URL): it is
// tens of kilobytes and changes with server releases, not between launches, so a relaunch in the same tab
// skips the request. Storage is outside the app's control: what is read back is validated like a fresh
// answer, and anything else is ignored (and fetched again).

const PREFIX = 'tf.capability-statement:';

export function cachedCapabilityStatement(storage: OutboxStorage, baseUrl: string): CapabilityStatement | undefined {
  const parsed = capabilityStatementSchema.safeParse(readJson(storage, PREFIX + baseUrl));
  return parsed.success ? parsed.data : undefined;
}

export function rememberCapabilityStatement(storage: OutboxStorage, baseUrl: string, statement: unknown): void {
  try {
    storage.setItem(PREFIX + baseUrl, JSON.stringify(statement));
  } catch {
    // A full storage only costs the next launch one request.
  }
}
