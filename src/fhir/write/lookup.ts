// Search-then-create, for servers without conditional create: before (re)sending creates, find the ones an
// earlier attempt, another tab or a lost answer already stored, and count them as saved.
import { foundReference, lookupRequest, searchsetsOf } from './requests';
import type { Failed } from './retry';
import { send, type SaveRun } from './run';
import type { WriteEntry } from './types';

async function lookUpGroup(run: SaveRun, group: readonly WriteEntry[], asBatch: boolean): Promise<Failed | 'ok'> {
  const sent = await send(run, lookupRequest(group, asBatch));
  if (sent.kind !== 'answer') return sent;
  const searchsets = searchsetsOf(sent.response, asBatch);
  if (!searchsets)
    return { kind: 'retry', reason: `the server could not search for earlier copies (${sent.response.status})` };
  group.forEach((entry, i) => {
    const reference = foundReference(entry, searchsets[i]);
    if (reference) run.outcomes.set(entry.fullUrl, { status: 'saved', reference });
  });
  return 'ok';
}

/** Looks up `entries` (one batch of searches where the server takes batches, else one GET each). */
export async function applyLookup(run: SaveRun, entries: readonly WriteEntry[]): Promise<Failed | 'ok'> {
  const asBatch = run.plan.batchSearch && entries.length > 1;
  const groups = asBatch ? [entries] : entries.map((e) => [e]);
  for (const group of groups) {
    const result = await lookUpGroup(run, group, asBatch);
    if (result !== 'ok') return result;
  }
  for (const entry of entries) run.maybeStored.delete(entry.fullUrl);
  return 'ok';
}
