// Completing a response kept in progress is a version-aware update (If-Match of the version read). A 412 on a
// re-send usually means our own earlier attempt landed (the page went away before its answer): read the
// response again; if it now holds these answers' status and moment, the update is saved, else it stays refused.
import { STALE_RESPONSE, type Outgoing } from './requests';
import { send, type SaveRun } from './run';

const field = (body: unknown, name: 'status' | 'authored'): unknown =>
  typeof body === 'object' && body !== null && name in body ? (body as Record<string, unknown>)[name] : undefined;

export async function settleStaleResponses(run: SaveRun, items: readonly Outgoing[]): Promise<void> {
  for (const { entry, resource } of items) {
    const outcome = run.outcomes.get(entry.fullUrl);
    if (entry.kind !== 'response-update' || outcome?.status !== 'refused' || outcome.reason !== STALE_RESPONSE)
      continue;
    const sent = await send(run, { method: 'GET', url: entry.fullUrl });
    if (sent.kind !== 'answer' || sent.response.status !== 200) {
      run.outcomes.set(entry.fullUrl, { status: 'pending', reason: `${STALE_RESPONSE}; it will be read again` });
      continue;
    }
    const body = sent.response.body;
    const ours =
      field(body, 'status') === field(resource, 'status') && field(body, 'authored') === field(resource, 'authored');
    if (ours) run.outcomes.set(entry.fullUrl, { status: 'saved', reference: entry.fullUrl });
  }
}
