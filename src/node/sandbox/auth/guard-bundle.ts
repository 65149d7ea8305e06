import type { EngineRequest, EngineResponse } from '../engine/types';
import { fail, succeed } from '../../../core/result';
import { decide, withQuery, type AllowedAccess, type Decision } from './access-decision';
import { filterAnswer, isBundle } from './answer-filter';
import { classify } from './fhir-access';
import { forbidden, operationOutcome } from './outcome';
import { localResourcesOf, type CurrentReader, type LocalResources } from './resolve-membership';
import type { TokenAccess } from './token-access';

// Batch and transaction Bundles: SMART has no bundle scopes, so every entry is decided on its own, its
// conditions (conditional URL, ifNoneExist) included. A transaction with one refused entry is refused whole
// (all or nothing); a batch answers the refused entries with 403 and runs the rest.

type Entry = fhir4.BundleEntry;
type EntryDecision = { entry: Entry; decision: Decision };

async function decideEntry(
  entry: Entry,
  token: TokenAccess,
  read: CurrentReader,
  local: LocalResources,
): Promise<Decision> {
  const request = entry.request;
  if (!request?.method || !request.url) return fail('Every bundle entry needs request.method and request.url.');
  const classified = classify(request.method, request.url);
  if (classified.kind === 'public') return succeed({ query: '' });
  if (classified.kind !== 'access')
    return fail('Forbidden: nested bundles and system-level entries are not permitted.');
  const ifNoneExist = request.ifNoneExist?.replace(/^\?/, '');
  return decide(classified.access, {
    body: entry.resource,
    token,
    read,
    local,
    ...(ifNoneExist === undefined ? {} : { ifNoneExist }),
  });
}

/** The entry as decided: its query pinned to the patient where the decision says so, and its If-None-Exist too. */
function rewritten(entry: Entry, decision: AllowedAccess): Entry {
  if (!entry.request) return entry;
  const { ifNoneExist } = decision;
  const request = {
    ...entry.request,
    url: withQuery(entry.request.url, decision.query),
    ...(ifNoneExist === undefined ? {} : { ifNoneExist }),
  };
  return { ...entry, request };
}

function refusedEntry(message: string): Entry {
  return { response: { status: '403 Forbidden', outcome: operationOutcome('forbidden', message) } };
}

async function filteredEntry(answer: Entry | undefined, decision: AllowedAccess, read: CurrentReader): Promise<Entry> {
  if (!answer) return refusedEntry('The server gave no answer for this entry.');
  if (!decision.patient || answer.resource === undefined || !answer.response?.status.startsWith('200')) return answer;
  const filtered = await filterAnswer(answer.resource, decision.patient, read);
  return filtered.ok ? { ...answer, resource: filtered.value as fhir4.FhirResource } : refusedEntry(filtered.error);
}

export async function guardBundle(
  request: EngineRequest,
  token: TokenAccess,
  read: CurrentReader,
  next: (r: EngineRequest) => Promise<EngineResponse>,
): Promise<EngineResponse> {
  if (!isBundle(request.body)) return next(request);
  const bundle = request.body;
  const local = localResourcesOf(bundle);
  const decided: EntryDecision[] = [];
  for (const entry of bundle.entry ?? [])
    decided.push({ entry, decision: await decideEntry(entry, token, read, local) });
  const refused = decided.findIndex((d) => !d.decision.ok);
  if (bundle.type === 'transaction' && refused >= 0) {
    const decision = decided[refused]!.decision;
    return forbidden(`Transaction refused at entry ${refused + 1}: ${decision.ok ? '' : decision.error}`);
  }
  const allowed = decided.flatMap((d) => (d.decision.ok ? [rewritten(d.entry, d.decision.value)] : []));
  const response = await next({
    ...request,
    body: { ...bundle, entry: allowed },
  });
  if (!isBundle(response.body)) return response;
  const answers = response.body.entry ?? [];
  let answered = 0;
  const entry = await Promise.all(
    decided.map((d) =>
      d.decision.ok ? filteredEntry(answers[answered++], d.decision.value, read) : refusedEntry(d.decision.error),
    ),
  );
  return { ...response, body: { ...response.body, entry } };
}
