import { bundleSchema, entryStatus } from '../schemas/bundle';
import { isSuccess } from '../gateway/fhir-error';
import type { FhirRequest, FhirResponse, FhirTransport } from '../gateway/types';

// One round trip for many reads: a batch Bundle when the server takes one, else the same reads as
// parallel GETs. Either way the answer is one FhirResponse-like result per URL, in order.

export interface ReadResult {
  readonly status: number;
  readonly body: unknown;
}

export interface RoundTripCount {
  roundTrips: number;
  requests: number;
}

/** One batch Bundle of GETs, posted to the base; the write side's look-ups use it too. */
export function batchReadRequest(urls: readonly string[]): FhirRequest {
  const entry = urls.map((url) => ({ request: { method: 'GET', url } }));
  return { method: 'POST', url: '', body: { resourceType: 'Bundle', type: 'batch', entry } };
}

/** The entries of a batch-response, or undefined when the server did not answer the batch as one. */
function batchResults(response: FhirResponse, expected: number): ReadResult[] | undefined {
  if (!isSuccess(response.status)) return undefined;
  const bundle = bundleSchema.safeParse(response.body);
  if (!bundle.success || bundle.data.type !== 'batch-response' || bundle.data.entry?.length !== expected)
    return undefined;
  return bundle.data.entry.map((entry) => {
    const status = entryStatus(entry);
    const ok = isSuccess(status);
    return {
      status: Number.isNaN(status) ? 502 : status,
      body: ok ? entry.resource : (entry.response?.outcome ?? entry.resource),
    };
  });
}

export async function readInBatch(
  transport: FhirTransport,
  urls: readonly string[],
  count: RoundTripCount,
): Promise<ReadResult[] | undefined> {
  count.roundTrips++;
  count.requests++;
  const response = await transport.send(batchReadRequest(urls));
  return batchResults(response, urls.length);
}

/** The GETs side by side; `onAnswer` sees each answer as it arrives (the results still come in URL order). */
export async function readInParallel(
  transport: FhirTransport,
  urls: readonly string[],
  count: RoundTripCount,
  onAnswer: (result: ReadResult, index: number) => void = () => undefined,
): Promise<ReadResult[]> {
  if (urls.length === 0) return [];
  count.roundTrips++;
  count.requests += urls.length;
  return Promise.all(
    urls.map(async (url, index) => {
      const result = await transport.send({ method: 'GET', url });
      onAnswer(result, index);
      return result;
    }),
  );
}
