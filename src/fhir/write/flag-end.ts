// Ending a Flag is a version-aware update: it applies to the version the app read (If-Match), so a re-send
// adds no version and a change made meanwhile (someone re-activating the Flag) is never overwritten. A 412
// answer is settled by reading the Flag again: already ended → saved; active again → left as it is.
import type { Outgoing } from './requests';
import { send, type SaveRun } from './run';

/** The reason an end is refused with 412, until the Flag has been read again. */
export const STALE_VERSION = 'the flag changed on the server since it was read';

/** `W/"<versionId>"` of the Flag as read, for If-Match; undefined when the server gave no version. */
export function ifMatchOf(resource: fhir4.Resource): string | undefined {
  const version = resource.meta?.versionId;
  return version ? `W/"${version}"` : undefined;
}

function statusOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'status' in body ? body.status : undefined;
}

/** Reads again every Flag whose end was refused as stale, and decides what the end came to. */
export async function settleStaleEnds(run: SaveRun, items: readonly Outgoing[]): Promise<void> {
  for (const { entry } of items) {
    const outcome = run.outcomes.get(entry.fullUrl);
    if (entry.kind !== 'flag-end' || outcome?.status !== 'refused' || outcome.reason !== STALE_VERSION) continue;
    const sent = await send(run, { method: 'GET', url: entry.fullUrl });
    if (sent.kind !== 'answer' || sent.response.status !== 200) {
      run.outcomes.set(entry.fullUrl, { status: 'pending', reason: `${STALE_VERSION}; it will be read again` });
    } else if (statusOf(sent.response.body) === 'active') {
      run.outcomes.set(entry.fullUrl, {
        status: 'refused',
        reason: `${STALE_VERSION} (someone may have re-activated it): left as it is`,
      });
    } else {
      run.outcomes.set(entry.fullUrl, { status: 'saved', reference: entry.fullUrl });
    }
  }
}
