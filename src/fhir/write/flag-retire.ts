// On load: a record that holds more than one active Flag of a rule (two saves raced on a server without
// conditional create, or a request landed late) gets the extras ended at once, keeping the one the core's
// reconciliation keeps. Nothing is sent when there are none, so a load costs no extra round trip.
import { duplicateFlags } from '../../core/flags/reconcile';
import type { FhirTransport } from '../gateway/types';
import type { LoadedFlag } from '../load';
import type { RetryOptions } from './retry';
import { saveAdministration } from './save';
import type { SaveReport, WritePlan, WriteSet } from './types';
import { flagEndEntry, type ActiveFlagOnServer } from './write-set';

/** The loaded active Flags as the write side reconciles them. */
export const activeFlagsOf = (flags: readonly LoadedFlag[]): ActiveFlagOnServer[] =>
  flags.map((f) => ({ ...f.active, resource: f.resource as fhir4.Flag }));

/** The ends that leave at most one active Flag per rule; undefined when there is nothing to retire. */
export function flagRetirements(active: readonly ActiveFlagOnServer[], at: string): WriteSet | undefined {
  const extras = duplicateFlags(active);
  if (extras.length === 0) return undefined;
  return { key: `retire-${extras.map((f) => f.id).join('-')}`, entries: extras.map((flag) => flagEndEntry(flag, at)) };
}

/**
 * Ends the duplicate active Flags of a loaded record (where the plan lets the app end Flags). Resolves with
 * the report, or undefined when nothing was sent; never rejects for server or network trouble.
 */
export async function retireDuplicateFlags(
  transport: FhirTransport,
  active: readonly ActiveFlagOnServer[],
  plan: WritePlan,
  at: string,
  options: { readonly retry?: RetryOptions } = {},
): Promise<SaveReport | undefined> {
  const retirements = flagRetirements(active, at);
  if (!retirements || plan.refused.some((r) => r.kind === 'flag-end')) return undefined;
  return saveAdministration(transport, retirements, plan, options);
}
