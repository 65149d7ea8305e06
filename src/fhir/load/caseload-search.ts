import { fhirErrorFrom, isSuccess } from '../gateway/fhir-error';
import type { FhirTransport } from '../gateway/types';
import { bundleSchema } from '../schemas/bundle';
import { remainingPages } from './paging';
import { type ReadResult, readInBatch, readInParallel, type RoundTripCount } from './round-trip';

// Many searches at once, for the caseload: the first pages of all of them in one round trip (a batch when the
// server takes one), then every further page that can be computed from the first ones in one more round.

export interface SearchAnswer {
  /** The resources the search matched, every page, as read (validated by the caller). */
  readonly matches: unknown[];
  /** What `_include`/`_revinclude` brought along. */
  readonly included: unknown[];
  /** Set when a page was refused or was not a searchset. */
  failure?: { readonly status: number; readonly messages: readonly string[] };
}

function take(answer: SearchAnswer, result: ReadResult, baseUrl: string): string[] {
  const bundle = isSuccess(result.status) ? bundleSchema.safeParse(result.body) : undefined;
  if (!bundle?.success) {
    answer.failure = {
      status: result.status,
      messages: bundle ? ['the search answer was not a Bundle'] : fhirErrorFrom(result).messages,
    };
    return [];
  }
  for (const entry of bundle.data.entry ?? []) {
    if (entry.search?.mode === 'include') answer.included.push(entry.resource);
    else if (entry.search?.mode !== 'outcome') answer.matches.push(entry.resource);
  }
  return remainingPages(bundle.data, baseUrl);
}

/**
 * Runs the searches; one answer per URL, in order. `useBatch: false` sends parallel GETs (servers without batch).
 * `onFirstPages` sees the answers as the first pages left them, so that dependent reads can start while the
 * further pages load.
 */
export async function searchAll(
  transport: FhirTransport,
  urls: readonly string[],
  count: RoundTripCount,
  useBatch = true,
  onFirstPages?: (answers: readonly SearchAnswer[]) => void,
): Promise<SearchAnswer[]> {
  if (urls.length === 0) return [];
  const answers: SearchAnswer[] = urls.map(() => ({ matches: [], included: [] }));
  const batch = useBatch ? await readInBatch(transport, urls, count) : undefined;
  const first = batch ?? (await readInParallel(transport, urls, count));
  let pending = first.flatMap((result, i) =>
    take(answers[i]!, result, transport.baseUrl).map((url) => [i, url] as const),
  );
  onFirstPages?.(
    answers.map((a) => ({
      matches: [...a.matches],
      included: [...a.included],
      ...(a.failure ? { failure: a.failure } : {}),
    })),
  );
  const seen = new Set(pending.map(([, url]) => url));
  while (pending.length > 0) {
    const results = await readInParallel(
      transport,
      pending.map(([, url]) => url),
      count,
    );
    const next: (readonly [number, string])[] = [];
    results.forEach((result, k) => {
      const i = pending[k]![0];
      for (const url of take(answers[i]!, result, transport.baseUrl)) if (!seen.has(url)) next.push([i, url]);
      for (const [, url] of next) seen.add(url);
    });
    pending = next;
  }
  return answers;
}
